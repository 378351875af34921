// key_table.h: normalization as data. Each source shape (API 1.0 SIEM, API 2.0 SIEM, each
// feed) has one table: source key -> normalized field + coercion. The normalizer looks keys up
// in O(1) with a small open-addressing hash built once per table.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "schema/schema.h"
#include "vm/columnar/bytes.h"

namespace vigil::ingest {

// The record shapes ingest knows (one mapping table each).
enum class Shape : uint8_t {
  kApi1Siem,          // API 1.0 MTA/SIEM lines (log type from the file name or the keys)
  kApi2Siem,          // API 2.0 Cloud Gateway SIEM events (type/eventType)
  kCloudIntegrated,   // API 2.0 Cloud Integrated events (entities, mailflow, urlclick)
  kTtpUrl,            // TTP URL Protect click logs
  kTtpAttachment,     // TTP Attachment Protect logs
  kTtpImpersonation,  // TTP Impersonation Protect logs
  kDlp,               // DLP logs
  kAudit,             // audit events
  kRelease,           // message release logs
  kArchiveSearch,     // archive search logs
  kRejection,         // rejection logs
};
inline constexpr int kShapeCount = 11;

// How a source value becomes normalized values (see normalizer.cc for each one's contract).
enum class Coerce : uint8_t {
  kIgnore,            // a known key with no normalized home (bookkeeping, duplicates)
  kString,            // text as sent (numbers and booleans as their text)
  kLower,             // text, ASCII lower-cased
  kInt,               // integer; numeric strings accepted
  kBool,              // boolean; "true"/"Yes"/"1"/... accepted
  kTimestamp,         // event time -> UTC ms (epoch ms/s, ISO-8601 with offset, Sentinel text)
  kDuration,          // milliseconds
  kIp,                // IP address; "Internal IP" and empty -> null
  kIpByType,          // API 1.0 IP: destination_ip on delivery lines, sender_ip otherwise
  kAction,            // Acc -> accept, ...; anything else lower-cased
  kHoldReason,        // Spm -> spam, ...; other codes lower-cased, free text kept
  kDirection,         // direction word, lower-cased
  kRouteOrDirection,  // a direction word -> direction (weak), anything else -> route
  kSender,            // envelope sender -> sender, sender.local/.domain/.root_domain; <> -> null
  kFrom,              // header from -> from, from.name/.domain/.root_domain
  kUser,              // acting user -> user, user.domain
  kRecipients,        // one address, a list, or a JSON array -> recipients + recipient(_count)
  kDomainWeak,        // a domain used only when the address gave none (senderDomain)
  kSpamInfo,          // "[]" -> null
  kSpamDetail,        // spamProcessingDetail (object, JSON text, double-encoded text)
  kAttachments,       // quoted CSV string or JSON array of names -> attachments records
  kFileName,          // file.name, and file.ext from it when none is sent
  kFileExt,           // lower-case extension without the dot
  kHash,              // lower-case hex digest
  kUrl,               // url, url.host/.root_domain/.path/.scheme
  kStringArray,       // JSON array of strings (or one string) -> array field
  kLowerArray,        // the same, lower-cased
  kIdentifiers,       // impersonation identifier names -> identifiers + imp.* flags
  kImpFlag,           // impersonation flag ("true", "Hit") -> imp.* bool + identifier
  kImpResults,        // impersonationResults -> similar_domain
  kAnalysis,          // URL Protect analysis JSON -> analysis_tags
  kTagMap,            // TTP URL tagMap object -> analysis_tags
  kPolicies,          // Cloud Integrated policiesApplied -> policies (+ action)
  kAuthResults,       // Cloud Integrated authResults -> auth.spf/.dkim/.dmarc
  kAuditInfo,         // audit eventInfo -> audit.info, client_ip, application, method, reason
  kTlsVersion,        // tls.version; at receipt also tls.used
};

struct KeyRule {
  std::string_view key;
  schema::FieldId field;
  Coerce coerce;
};

class KeyTable {
 public:
  explicit KeyTable(std::span<const KeyRule> rules);
  // The rule for `key` (exact, case-sensitive), or nullptr.
  const KeyRule* Find(std::string_view key) const {
    const uint64_t h = columnar::HashBytes(key);
    const auto tag = static_cast<uint32_t>(h >> 32);
    const size_t mask = slots_.size() - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
      const Slot& s = slots_[i];
      if (s.rule == nullptr) return nullptr;
      if (s.tag == tag && columnar::EqualBytes(s.rule->key, key)) return s.rule;
    }
  }

 private:
  // A slot keeps the high hash bits of its key, so a probe reads the rule only on a match.
  struct Slot {
    const KeyRule* rule = nullptr;
    uint32_t tag = 0;
  };
  std::vector<Slot> slots_;
};

// The mapping table of a shape.
const KeyTable& TableFor(Shape s);
// The rules of a shape, for docs and tests.
std::span<const KeyRule> RulesFor(Shape s);
// Name of a shape ("api1_siem", "ttp_url", ...) and the `feed` value of its events (views of
// static storage).
std::string_view ShapeName(Shape s);
std::string_view FeedOf(Shape s);

}  // namespace vigil::ingest
