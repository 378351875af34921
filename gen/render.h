// render.h: turns one tenant's simulated traffic into Mimecast records of one wire format:
// API 2.0 SIEM events (NDJSON, sorted keys, numbers and booleans as strings), API 1.0 SIEM
// lines (JSON with real numbers, or key=value text) and the per-feed logs (TTP URL clicks,
// Attachment and Impersonation Protect logs, DLP, audit events, message releases, archive
// searches), which both generations fetch from the same endpoints.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "gen/model.h"
#include "gen/record.h"

namespace vigil::gen {

enum class Format { kApi2, kApi1Json, kApi1Kv };

struct RenderContext {
  const TenantModel& tenant;
  const TenantTraffic& traffic;
  Format format;
  int partition = 0;       // API 2.0 _partition of this tenant
  uint64_t* kafka_offset;  // API 2.0 _offset, advanced per record
};

// Appends every record of the traffic.
void Render(const RenderContext& c, std::vector<Record>* out);

// What a SIEM renderer of one API generation writes for a message and each verdict.
class SiemRenderer {
 public:
  virtual ~SiemRenderer() = default;
  virtual void Message(const gen::Message& m) = 0;
  virtual void Av(const AvHit& a) = 0;
  virtual void Spam(const SpamThread& s) = 0;
  virtual void Iep(const IepHit& h) = 0;
  virtual void Impersonation(const ImpVerdict& v) = 0;
  virtual void Url(const UrlClick& u) = 0;
  virtual void Attachment(const ApVerdict& v) = 0;
};

// Runs `r` over every message and verdict of `t`: URL Protect lines only for blocked clicks,
// Attachment Protect lines only for malicious files.
void RenderSiem(SiemRenderer& r, const TenantTraffic& t);

// Parts shared by the renderers.
void RenderSiemV1(const RenderContext& c, std::vector<Record>* out);
void RenderSiemV2(const RenderContext& c, std::vector<Record>* out);
void RenderFeeds(const RenderContext& c, std::vector<Record>* out);

// spamProcessingDetail as JSON text: spf, dkim, dmarc, greyEmail and the verdict.
std::string SpamDetailJson(const Message& m);
// AttNames / attachments: "\"a.pdf\", \"b.docx\"" ("" when none).
std::string AttachmentNames(const Message& m);
int64_t AttachmentBytes(const Message& m);
// "Inbound" / "Outbound" / "Internal", or lower-case.
std::string DirWord(Dir d, bool lower = false);
// The header From as logged: "Display Name <address>", or the bare address.
std::string HeaderFrom(const Message& m);
// The envelope sender as logged: "<>" for the null sender.
std::string EnvelopeSender(const Message& m);
// The identifier names of an impersonation verdict (TTP log spelling) and their count.
std::vector<std::string> IdentifierNames(const ImpFlags& f);
// "true" / "false".
std::string TrueFalse(bool b);

}  // namespace vigil::gen
