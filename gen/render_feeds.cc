// render_feeds.cc: the per-feed logs, the same in both API generations: TTP URL click logs,
// Attachment Protect logs, Impersonation Protect logs, DLP logs, audit events, message release
// logs and archive search logs. No account code: the tenant comes from the input path.
#include <fmt/format.h>

#include "gen/ids.h"
#include "gen/render.h"

namespace vigil::gen {
namespace {

using V = Value;

void Emit(Stream s, int64_t ts, int scenario, const std::string& msg_id, const Fields& f,
          std::vector<Record>* out) {
  EmitRecord(s, ts, scenario, msg_id, f, Syntax::kJson, out);
}

// A per-record token, stable for the same record.
std::string Token(const std::string& seed_text, int64_t ts, bool mtoken) {
  Rng r(HashText(seed_text) ^ static_cast<uint64_t>(ts));
  return mtoken ? MToken(r) : EventToken(r);
}

void Click(const Message& m, const UrlClick& u, std::vector<Record>* out) {
  Fields f{{"userEmailAddress", V::Str(m.rcpts[u.rcpt])},
           {"fromUserEmailAddress", V::Str(EnvelopeSender(m))},
           {"url", V::Str(u.url)},
           {"ttpDefinition", V::Str(u.definition)},
           {"subject", V::Str(m.subject)},
           {"action", V::Str(u.action)},
           {"adminOverride", V::Str("N/A")},
           {"userOverride", V::Str(u.user_override)},
           {"scanResult", V::Str(u.scan_result)},
           {"category", V::Str(u.category)},
           {"sendingIp", V::Str(m.dir == Dir::kInbound ? m.sender_ip : "Internal IP")},
           {"userAwarenessAction", V::Str(u.awareness)},
           {"date", V::Str(Iso8601(u.ts))},
           {"actions", V::Str(u.actions)},
           {"route", V::Str(DirWord(m.dir, true))},
           {"creationMethod", V::Str(u.creation)},
           {"emailPartsDescription", V::Json("[\"Body\"]")},
           {"messageId", V::Str(m.message_id)}};
  if (!u.tag_type.empty()) {
    f.push_back(
        {"tagMap", V::Json(fmt::format(
                       "{{\"UrlReputationScan\":{{\"Status\":[\"CustomerAll\",\"VerdictBlock\"],"
                       "\"Type\":[{}],\"UrlBlock\":[{}],\"Url\":[{}]}}}}",
                       JsonQuote(u.tag_type),
                       JsonQuote("ORIGINAL:" + u.url + " (Blocked as " + u.tag_type + ")"),
                       JsonQuote(u.url)))});
  }
  Emit(Stream::kTtpUrlLog, u.ts, u.scenario, m.message_id, f, out);
}

void AttachmentLog(const Message& m, const ApVerdict& v, std::vector<Record>* out) {
  Fields f{{"senderAddress", V::Str(EnvelopeSender(m))},
           {"recipientAddress", V::Str(m.rcpts[v.rcpt])},
           {"fileName", V::Str(v.file.name)},
           {"fileType", V::Str(v.file.mime)},
           {"result", V::Str(v.result)},
           {"actionTriggered", V::Str(v.action_triggered)},
           {"date", V::Str(Iso8601(v.ts))},
           {"details", V::Str(v.details)},
           {"route", V::Str(DirWord(m.dir, true))},
           {"messageId", V::Str(m.message_id)},
           {"subject", V::Str(m.subject)},
           {"fileHash", V::Str(v.file.sha256)},
           {"definition", V::Str(v.definition)}};
  Emit(Stream::kTtpAttachmentLog, v.ts, v.scenario, m.message_id, f, out);
}

void ImpersonationLog(const Message& m, const ImpVerdict& v, std::vector<Record>* out) {
  const std::vector<std::string> ids = IdentifierNames(v.flags);
  std::string identifiers = "[", results = "[";
  for (size_t i = 0; i < ids.size(); ++i) {
    if (i > 0) {
      identifiers += ",";
      results += ",";
    }
    identifiers += JsonQuote(ids[i]);
    const bool names = ids[i] == "internal_user_name" || ids[i] == "custom_name";
    results += fmt::format(
        "{{\"impersonationDomainSource\":{},\"similarDomain\":{},\"stringSimilarToDomain\":{},"
        "\"checkerResult\":\"hit\"}}",
        JsonQuote(ids[i]), JsonQuote(names ? v.similar : DomainOf(m.sender)),
        JsonQuote(names                      ? v.similar_string
                  : v.similar_string.empty() ? DomainOf(m.sender)
                                             : v.similar_string));
  }
  identifiers += "]";
  results += "]";
  std::string action = v.action;
  for (char& c : action) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  Fields f{{"id", V::Str(Token(m.message_id + "imp", v.ts, true))},
           {"senderAddress", V::Str(EnvelopeSender(m))},
           {"recipientAddress", V::Str(m.rcpts[v.rcpt])},
           {"subject", V::Str(m.subject)},
           {"definition", V::Str(v.definition)},
           {"hits", V::Int(static_cast<int64_t>(ids.size()))},
           {"identifiers", V::Json(identifiers)},
           {"action", V::Str(action)},
           {"taggedExternal", V::Bool(v.tagged_external)},
           {"taggedMalicious", V::Bool(v.tagged_malicious)},
           {"senderIpAddress", V::Str(m.sender_ip)},
           {"eventTime", V::Str(Iso8601(v.ts))},
           {"impersonationResults", V::Json(results)},
           {"messageId", V::Str(m.message_id)}};
  Emit(Stream::kTtpImpersonationLog, v.ts, v.scenario, m.message_id, f, out);
}

void DlpLog(const Message& m, const DlpEvent& d, std::vector<Record>* out) {
  Fields f{{"senderAddress", V::Str(EnvelopeSender(m))},
           {"recipientAddress", V::Str(m.rcpts[d.rcpt])},
           {"subject", V::Str(m.subject)},
           {"eventTime", V::Str(Iso8601(d.ts))},
           {"route", V::Str(DirWord(m.dir, true))},
           {"policy", V::Str(d.policy)},
           {"action", V::Str(d.action)},
           {"messageId", V::Str(m.message_id)}};
  Emit(Stream::kDlpLog, d.ts, d.scenario, m.message_id, f, out);
}

void AuditLog(const AuditEvent& a, std::vector<Record>* out) {
  Fields f{{"id", V::Str(Token(a.user + a.type + a.info, a.ts, false))},
           {"auditType", V::Str(a.type)},
           {"user", V::Str(a.user)},
           {"eventTime", V::Str(Iso8601(a.ts))},
           {"eventInfo", V::Str(a.info)},
           {"category", V::Str(a.category)}};
  Emit(Stream::kAuditLog, a.ts, a.scenario, "", f, out);
}

std::string AddressObject(const std::string& name, const std::string& address) {
  return fmt::format("{{\"displayableName\":{},\"emailAddress\":{}}}", JsonQuote(name),
                     JsonQuote(address));
}

void ReleaseLog(const Message& m, const ReleaseEvent& r, std::vector<Record>* out) {
  std::string to = "[";
  for (size_t i = 0; i < m.rcpts.size(); ++i) {
    if (i > 0) to += ",";
    to += fmt::format("{{\"emailAddress\":{}}}", JsonQuote(m.rcpts[i]));
  }
  to += "]";
  Fields f{{"attachments", V::Bool(!m.attachments.empty())},
           {"detectionLevel", V::Str(r.detection_level)},
           {"fromEnv", V::Json(AddressObject(m.from_name, EnvelopeSender(m)))},
           {"fromHdr", V::Json(AddressObject(m.from_name, m.from))},
           {"heldGroup", V::Str(r.held_group)},
           {"heldReason", V::Str(r.held_reason)},
           {"id", V::Str(Token(m.message_id + "release", r.ts, false))},
           {"messageInfo", V::Str(r.message_info)},
           {"operator", V::Str(r.op)},
           {"policy", V::Str(r.policy)},
           {"rejectReason", V::StrOrNull(r.reject_reason)},
           {"released", V::Str(Iso8601(r.ts, true))},
           {"route", V::Str(DirWord(m.dir, true))},
           {"size", V::Int(m.size)},
           {"spamProcessingDetail", V::Json(SpamDetailJson(m))},
           {"spamScore", V::Int(m.spam_score)},
           {"status", V::Str(r.status)},
           {"subject", V::Str(m.subject)},
           {"to", V::Json(to)}};
  Emit(Stream::kReleaseLog, r.ts, r.scenario, m.message_id, f, out);
}

void SearchLog(const SearchEvent& s, std::vector<Record>* out) {
  Fields f{{"createTime", V::Str(Iso8601(s.ts))}, {"emailAddr", V::Str(s.user)},
           {"source", V::Str("archive")},         {"searchText", V::Str(s.text)},
           {"searchReason", V::Str(s.reason)},    {"description", V::Str(s.description)}};
  Emit(Stream::kSearchLog, s.ts, s.scenario, "", f, out);
}

}  // namespace

void RenderFeeds(const RenderContext& c, std::vector<Record>* out) {
  const TenantTraffic& t = c.traffic;
  for (const UrlClick& u : t.clicks) Click(t.messages[u.msg], u, out);
  for (const ApVerdict& v : t.ap) AttachmentLog(t.messages[v.msg], v, out);
  for (const ImpVerdict& v : t.imp) ImpersonationLog(t.messages[v.msg], v, out);
  for (const DlpEvent& d : t.dlp) DlpLog(t.messages[d.msg], d, out);
  for (const AuditEvent& a : t.audit) AuditLog(a, out);
  for (const ReleaseEvent& r : t.releases) ReleaseLog(t.messages[r.msg], r, out);
  for (const SearchEvent& s : t.searches) SearchLog(s, out);
}

}  // namespace vigil::gen
