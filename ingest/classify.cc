// classify.cc: type names, file prefixes, key signatures and API 1.0 type inference.
#include "ingest/classify.h"

#include "base/strings.h"

namespace vigil::ingest {
namespace {

using schema::EventType;
using E = EventType;

struct Name {
  std::string_view name;
  EventType type;
};

// Every spelling of a MTA log type seen in Mimecast APIs and their integrations.
constexpr Name kTypeNames[] = {
    {"receipt", E::kReceipt},
    {"process", E::kProcess},
    {"delivery", E::kDelivery},
    {"journal", E::kJournal},
    {"jrnl", E::kJournal},
    {"av", E::kAv},
    {"avlog", E::kAv},
    {"spam", E::kSpam},
    {"spameventthread", E::kSpam},
    {"iep", E::kIep},
    {"internal email protect", E::kIep},
    {"internal-email-protect", E::kIep},
    {"impersonation", E::kImpersonation},
    {"impersonation protect", E::kImpersonation},
    {"impersonation-protect", E::kImpersonation},
    {"ttp_url", E::kUrlProtect},
    {"url protect", E::kUrlProtect},
    {"url-protect", E::kUrlProtect},
    {"ttp_ap", E::kAttachmentProtect},
    {"attachment protect", E::kAttachmentProtect},
    {"attachment-protect", E::kAttachmentProtect},
    // Sentinel Logtype values (connector-made, API 2.0 events)
    {"email_receipt", E::kReceipt},
    {"email_process", E::kProcess},
    {"email_delivery", E::kDelivery},
    {"email_journal", E::kJournal},
    {"email_antivirus", E::kAv},
    {"email_spam", E::kSpam},
    {"email_iep", E::kIep},
    {"email_ttp_impersonation", E::kImpersonation},
    {"email_ttp_url", E::kUrlProtect},
    {"email_ttp_ap", E::kAttachmentProtect},
};

// Cloud Integrated event types.
constexpr Name kCiNames[] = {
    {"entities", E::kCiMessage}, {"mailflow", E::kCiAuth}, {"urlclick", E::kUrlProtect}};

// API 1.0 file-name prefixes, longest first where they share a start.
constexpr Name kFilePrefixes[] = {{"receipt_", E::kReceipt},
                                  {"process_", E::kProcess},
                                  {"delivery_", E::kDelivery},
                                  {"jrnl_", E::kJournal},
                                  {"av_", E::kAv},
                                  {"spameventthread_", E::kSpam},
                                  {"iep_", E::kIep},
                                  {"impersonation_", E::kImpersonation},
                                  {"ttp_url_", E::kUrlProtect},
                                  {"ttp_ap_", E::kAttachmentProtect}};

// Keys that settle an API 1.0 line's type, checked in this order (first hit wins).
constexpr Name kDefinitiveKeys[] = {
    {"RcptActType", E::kJournal},
    {"ScanResultInfo", E::kIep},
    {"reason", E::kUrlProtect},
    {"credentialTheft", E::kUrlProtect},
    {"Definition", E::kImpersonation},
    {"TaggedMalicious", E::kImpersonation},
    {"TaggedExternal", E::kImpersonation},
    {"ThreatDictionary", E::kImpersonation},
    {"Hits", E::kImpersonation},
    {"Delivered", E::kDelivery},
    {"Attempt", E::kDelivery},
    {"Latency", E::kDelivery},
    {"Snt", E::kDelivery},
    {"ReceiptAck", E::kDelivery},
    {"UseTls", E::kDelivery},
    {"Err", E::kDelivery},
    {"Hld", E::kProcess},
    {"AttNames", E::kProcess},
    {"MsgSize", E::kProcess},
    {"IPInternalName", E::kProcess},
    {"IPThreadDict", E::kProcess},
    {"SpamScore", E::kReceipt},
    {"SpamInfo", E::kReceipt},
    {"SpamLimit", E::kReceipt},
    {"SpamProcessingDetail", E::kReceipt},
    {"Error", E::kReceipt},
    {"CustomerIP", E::kAv},
    {"MimecastIP", E::kAv},
    {"SenderDomainInternal", E::kAv},
    {"SourceIP", E::kSpam},
    {"fileName", E::kAttachmentProtect},
    {"sha256", E::kAttachmentProtect},
    {"URL", E::kIep},
    {"UrlCategory", E::kIep},
    {"url", E::kUrlProtect},
};

std::optional<EventType> FindName(const Name* table, size_t n, std::string_view name) {
  for (size_t i = 0; i < n; ++i) {
    if (table[i].name.size() == name.size() && base::EqualsIgnoreCase(table[i].name, name)) {
      return table[i].type;
    }
  }
  return std::nullopt;
}

bool HasAny(const RawRecord& r, std::initializer_list<std::string_view> keys) {
  for (std::string_view k : keys) {
    if (r.Find(k) != nullptr) return true;
  }
  return false;
}

// API 1.0 `Act` without a definitive key: Rej/Ign only at receipt, Hld/Sdbx/Rty only at
// process; Acc/Bnc at receipt when the line carries SMTP-session keys.
std::optional<EventType> FromAct(const RawRecord& r) {
  const std::string_view act = r.StringOf("Act");
  if (act.empty()) return std::nullopt;
  if (act == "Rej" || act == "Ign") return E::kReceipt;
  if (act == "Hld" || act == "Sdbx" || act == "Rty") return E::kProcess;
  return HasAny(r, {"Rcpt", "IP", "Dir", "TlsVer", "headerFrom"}) ? E::kReceipt : E::kProcess;
}

// The file name inside a collector's Content-Disposition header value.
std::string_view DispositionFile(std::string_view v) {
  const size_t at = v.find("filename=");
  if (at == std::string_view::npos) return {};
  std::string_view f = v.substr(at + 9);
  if (!f.empty() && f.front() == '"') f.remove_prefix(1);
  const size_t end = f.find('"');
  return end == std::string_view::npos ? f : f.substr(0, end);
}

bool IsStix(const RawRecord& r, std::string_view type) {
  const std::string_view id = r.StringOf("id");
  return (id.starts_with(type) && id.substr(type.size()).starts_with("--")) || type == "bundle";
}

Classification Ok(Shape shape, EventType type, int api, bool inferred = false) {
  return {true, Route{shape, type, api, inferred}, Reason::kUnknownShape, {}};
}

Classification Fail(Reason reason, std::string_view detail) { return {false, {}, reason, detail}; }

// Records of the per-feed endpoints, recognized by their signature keys.
std::optional<Classification> Feed(const RawRecord& r) {
  const int api = r.api_hint;
  if (HasAny(r, {"auditType"})) return Ok(Shape::kAudit, E::kAudit, api);
  if (HasAny(r, {"userEmailAddress", "ttpDefinition", "fromUserEmailAddress"})) {
    return Ok(Shape::kTtpUrl, E::kUrlProtect, api);
  }
  if (HasAny(r, {"fileHash", "actionTriggered"})) {
    return Ok(Shape::kTtpAttachment, E::kAttachmentProtect, api);
  }
  if (HasAny(r, {"impersonationResults", "senderIpAddress", "identifiers"})) {
    return Ok(Shape::kTtpImpersonation, E::kImpersonation, api);
  }
  if (HasAny(r, {"createTime"}) && HasAny(r, {"searchText", "emailAddr", "searchReason"})) {
    return Ok(Shape::kArchiveSearch, E::kArchiveSearch, api);
  }
  if (HasAny(r, {"released", "fromEnv", "fromHdr", "heldReason"})) {
    return Ok(Shape::kRelease, E::kRelease, api);
  }
  if (HasAny(r, {"fromAddress"}) && HasAny(r, {"toAddress", "created"})) {
    return Ok(Shape::kRejection, E::kRejection, api);
  }
  if (HasAny(r, {"policy"}) && HasAny(r, {"senderAddress", "recipientAddress", "eventTime"})) {
    return Ok(Shape::kDlp, E::kDlp, api);
  }
  return std::nullopt;
}

}  // namespace

std::optional<EventType> LogTypeFromName(std::string_view name) {
  const std::string_view n = base::Trim(name);
  if (auto t = FindName(kTypeNames, std::size(kTypeNames), n)) return t;
  EventType t;
  if (schema::FindEvent(n, &t)) return t;
  return std::nullopt;
}

std::optional<EventType> LogTypeFromFileName(std::string_view path) {
  const size_t slash = path.find_last_of("/\\");
  const std::string_view base = slash == std::string_view::npos ? path : path.substr(slash + 1);
  for (const Name& p : kFilePrefixes) {
    if (base.size() > p.name.size() &&
        base::EqualsIgnoreCase(base.substr(0, p.name.size()), p.name)) {
      return p.type;
    }
  }
  return std::nullopt;
}

std::optional<EventType> InferApi1Type(const RawRecord& r) {
  for (const Name& k : kDefinitiveKeys) {
    if (r.Find(k.name) != nullptr) return k.type;
  }
  if (auto t = FromAct(r)) return t;
  if (HasAny(r, {"headerFrom"}) && HasAny(r, {"Recipient"})) return E::kSpam;
  if (HasAny(r, {"Rcpt"}) && HasAny(r, {"Dir"})) return E::kJournal;
  return std::nullopt;
}

Classification Classifier::Classify(const RawRecord& r, std::optional<EventType> file_type) const {
  std::string_view type = r.StringOf("type");
  if (type.empty()) type = r.StringOf("eventType");
  const std::string_view disposition = DispositionFile(r.StringOf("Content-Disposition"));
  if (disposition.find("stix") != std::string_view::npos) {
    return Fail(Reason::kNotAnEventLog, "STIX threat-intel feed object (load it as an IOC feed)");
  }
  if (!type.empty()) {
    if (auto t = FindName(kCiNames, std::size(kCiNames), type)) {
      return Ok(Shape::kCloudIntegrated, *t, 2);
    }
    if (r.Find("datetime") == nullptr) {
      if (auto t = FindName(kTypeNames, std::size(kTypeNames), type)) {
        return Ok(Shape::kApi2Siem, *t, 2);
      }
    }
    if (IsStix(r, type)) {
      return Fail(Reason::kNotAnEventLog, "STIX threat-intel feed object (load it as an IOC feed)");
    }
    if (HasAny(r, {"timestamp", "processingId", "aggregateId"})) {
      return Fail(Reason::kUnknownEventType, "API 2.0 event of an unknown type");
    }
  }
  const std::string_view log_type =
      !r.StringOf("Logtype").empty() ? r.StringOf("Logtype") : r.StringOf("logType");
  if (!log_type.empty() && r.Find("datetime") == nullptr) {
    if (auto t = LogTypeFromName(log_type)) return Ok(Shape::kApi2Siem, *t, 2);
    return Fail(Reason::kUnknownEventType, "Logtype names an unknown event type");
  }
  if (r.Find("datetime") != nullptr) return Api1(r, file_type);
  if (auto feed = Feed(r)) return *feed;
  if (HasAny(r, {"processingId", "aggregateId"})) {
    return Fail(Reason::kUnknownEventType, "API 2.0 event without a type");
  }
  return Fail(Reason::kUnknownShape, "the keys match no Mimecast log shape");
}

Classification Classifier::Api1(const RawRecord& r, std::optional<EventType> file_type) const {
  if (log_type_) return Ok(Shape::kApi1Siem, *log_type_, 1);
  const std::string_view disposition = DispositionFile(r.StringOf("Content-Disposition"));
  if (auto t = LogTypeFromFileName(disposition)) return Ok(Shape::kApi1Siem, *t, 1);
  if (auto t = LogTypeFromName(r.StringOf("logType"))) return Ok(Shape::kApi1Siem, *t, 1);
  if (file_type) return Ok(Shape::kApi1Siem, *file_type, 1);
  if (auto t = InferApi1Type(r)) return Ok(Shape::kApi1Siem, *t, 1, true);
  return Fail(Reason::kUnknownShape, "API 1.0 line whose log type cannot be inferred");
}

}  // namespace vigil::ingest
