// ids.h: identifiers in the shapes Mimecast and mail systems give them: aCode, aggregateId,
// processingId, Message-IDs of common mailers, TTP and audit tokens, file hashes, IPs, and the
// timestamp texts of both API generations.
#pragma once

#include <cstdint>
#include <string>

#include "gen/prng.h"

namespace vigil::gen {

// API 1.0 aCode: 22 base64url characters.
std::string ACode(Rng& rng);
// API 2.0 aggregateId: 22 base64url characters, "_", epoch seconds.
std::string AggregateId(Rng& rng, int64_t ts_ms);
// API 2.0 processingId: 43 base64url characters, "_", epoch seconds.
std::string ProcessingId(Rng& rng, int64_t ts_ms);
// A Message-ID with angle brackets, in the style of a mailer chosen by `style` (0..4) for a
// sender at `domain`.
std::string MessageId(Rng& rng, int64_t ts_ms, const std::string& domain, int style);
// Impersonation log id ("MTOKEN:eNq..."), audit/release ids ("eNq...").
std::string MToken(Rng& rng);
std::string EventToken(Rng& rng);
// A public-looking IPv4 address inside one of a fixed set of provider prefixes.
std::string PublicIp(Rng& rng);
// A public-looking IP derived from `seed` alone (the same seed, the same IP).
std::string StableIp(const std::string& seed);
// The domain part of an address ("" when it has no '@').
std::string DomainOf(const std::string& address);
// An address in the tenant-owned block of `tenant_index` (a /24 per tenant).
std::string TenantIp(size_t tenant_index, int host);

// Timestamp texts. API 1.0 SIEM: "2024-11-04T09:15:02+0000"; feeds the same; release logs
// "2024-11-04T09:15:02+00:00".
std::string Iso8601(int64_t ts_ms, bool colon_offset = false);
// "2024-11-04" and "09:15:02" parts (audit eventInfo), "20241104091502000" (API 1.0 file names).
std::string DatePart(int64_t ts_ms);
std::string TimePart(int64_t ts_ms);
std::string FileStamp(int64_t ts_ms);
// "2024-11-04T0915" (chunk directory names: name order is time order).
std::string ChunkStamp(int64_t ts_ms);

}  // namespace vigil::gen
