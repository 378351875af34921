// render_v2.cc: API 2.0 Cloud Gateway SIEM events: one JSON object per line with its keys in
// name order, `type`/`subtype`, epoch-ms `timestamp`, `accountId`, the message's
// `aggregateId` and `processingId`, stream bookkeeping (`_offset`, `_partition`), and numbers
// and booleans sent as strings, as the batch files do.
#include <fmt/format.h>

#include "gen/ids.h"
#include "gen/render.h"

namespace vigil::gen {
namespace {

using V = Value;

class V2 final : public SiemRenderer {
 public:
  V2(const RenderContext& c, std::vector<Record>* out) : c_(c), out_(out) {}

  void Message(const gen::Message& m) override;
  void Av(const AvHit& a) override;
  void Spam(const SpamThread& s) override;
  void Iep(const IepHit& h) override;
  void Impersonation(const ImpVerdict& v) override;
  void Url(const UrlClick& u) override;
  void Attachment(const ApVerdict& v) override;

 private:
  const gen::Message& Msg(size_t i) const { return c_.traffic.messages[i]; }
  // The envelope: type, subtype, ids, time and bookkeeping. `own_processing` gives the event
  // its own processingId (verdict lines); message lines share the message's.
  Fields Head(std::string_view type, Value subtype, int64_t ts, const gen::Message& m,
              bool own_processing) const {
    Fields f{{"type", V::Str(std::string(type))},
             {"subtype", std::move(subtype)},
             {"timestamp", V::Int(ts)},
             {"accountId", V::Str(c_.tenant.account)},
             {"aggregateId", V::Str(m.aggregate_id)},
             {"_partition", V::Int(c_.partition)},
             {"_offset", V::Int(static_cast<int64_t>((*c_.kafka_offset)++))}};
    if (own_processing) {
      Rng r(HashText(m.processing_id) ^ static_cast<uint64_t>(ts));
      f.push_back({"processingId", V::Str(ProcessingId(r, m.ts))});
    } else {
      f.push_back({"processingId", V::Str(m.processing_id)});
    }
    return f;
  }
  static Value Text(int64_t v) { return V::Str(std::to_string(v)); }
  void Emit(Stream s, int64_t ts, int scenario, const std::string& msg_id, const Fields& f) {
    EmitRecord(s, ts, scenario, msg_id, f, Syntax::kSortedJson, out_);
  }
  void Receipt(const gen::Message& m, size_t rcpt);
  void Process(const gen::Message& m);
  void Delivery(const gen::Message& m, const Attempt& a);

  const RenderContext& c_;
  std::vector<Record>* out_;
};

void V2::Receipt(const gen::Message& m, size_t rcpt) {
  const int64_t ts = m.ts + static_cast<int64_t>(rcpt);
  const bool accepted = m.receipt_act == "Acc";
  Fields f = Head("receipt", V::Str(m.receipt_act), ts, m, false);
  f.push_back({"action", V::Str(m.receipt_act)});
  f.push_back({"direction", V::Str(DirWord(m.dir))});
  f.push_back({"messageId", accepted ? V::Str(m.message_id) : V::Null()});
  f.push_back({"numberAttachments", Text(static_cast<int64_t>(m.attachments.size()))});
  f.push_back({"receiptErrors", V::StrOrNull(m.receipt_error)});
  f.push_back({"recipients", V::Str(m.rcpts[rcpt])});
  f.push_back({"rejectionCode", V::StrOrNull(m.rej_code)});
  f.push_back({"rejectionInfo", V::StrOrNull(m.rej_info)});
  f.push_back({"rejectionType", V::StrOrNull(m.rej_type)});
  f.push_back({"senderEnvelope", V::Str(EnvelopeSender(m))});
  f.push_back({"senderHeader", accepted ? V::StrOrNull(HeaderFrom(m)) : V::Null()});
  f.push_back({"senderIp", V::Str(m.sender_ip)});
  f.push_back(
      {"spamDetectionLevel", accepted ? V::Str(std::to_string(m.spam_score / 4)) : V::Null()});
  f.push_back({"spamInfo", accepted ? V::Str("[]") : V::Null()});
  f.push_back({"spamProcessingDetail", m.has_auth ? V::Str(SpamDetailJson(m)) : V::Null()});
  f.push_back({"spamScore", accepted ? Text(m.spam_score) : V::Null()});
  f.push_back({"subject", accepted ? V::Str(m.subject) : V::Null()});
  f.push_back({"tlsCipher", V::StrOrNull(m.cipher)});
  f.push_back({"tlsVersion", V::StrOrNull(m.tls_version)});
  f.push_back({"virusFound", V::StrOrNull(m.virus)});
  Emit(Stream::kReceipt, ts, m.scenario, m.message_id, f);
}

void V2::Process(const gen::Message& m) {
  const int64_t ts = m.ts + 350;
  Fields f = Head("process", V::Str(m.process_act), ts, m, false);
  f.push_back({"action", V::Str(m.process_act)});
  f.push_back({"attachments", m.attachments.empty() ? V::Null() : V::Str(AttachmentNames(m))});
  f.push_back({"emailSize", Text(m.size)});
  f.push_back({"holdReason", V::StrOrNull(m.hold_reason)});
  f.push_back({"messageId", V::Str(m.message_id)});
  f.push_back({"numberAttachments", Text(static_cast<int64_t>(m.attachments.size()))});
  f.push_back({"senderEnvelope", V::Str(EnvelopeSender(m))});
  f.push_back({"subject", V::Str(m.subject)});
  f.push_back({"totalSizeAttachments", Text(AttachmentBytes(m))});
  Emit(Stream::kProcess, ts, m.scenario, m.message_id, f);
}

void V2::Delivery(const gen::Message& m, const Attempt& a) {
  Fields f = Head("delivery", V::Str(TrueFalse(a.delivered)), a.ts, m, false);
  f.push_back({"Hostname", V::Str(m.dest_host)});
  f.push_back({"delivered", V::Str(TrueFalse(a.delivered))});
  f.push_back({"deliveryAttempts", Text(a.number)});
  f.push_back({"deliveryErrors", a.delivered ? V::Null() : V::Str(a.rej_info)});
  f.push_back({"deliveryTime", Text(a.latency_ms)});
  f.push_back({"destinationIp", V::Str(m.dest_ip)});
  f.push_back({"direction", V::Str(DirWord(m.dir))});
  f.push_back({"emailSize", Text(m.size)});
  f.push_back({"messageId", V::Str(m.message_id)});
  f.push_back({"numberAttachments", Text(static_cast<int64_t>(m.attachments.size()))});
  f.push_back({"recipients", V::Str(m.rcpts[a.rcpt])});
  f.push_back({"rejectionCode", V::StrOrNull(a.rej_code)});
  f.push_back({"rejectionInfo", V::StrOrNull(a.rej_info)});
  f.push_back({"rejectionType", V::StrOrNull(a.rej_type)});
  f.push_back({"route", V::Str(m.route)});
  f.push_back({"senderEnvelope", V::Str(EnvelopeSender(m))});
  f.push_back({"subject", V::Str(m.subject)});
  f.push_back({"tlsCipher", V::StrOrNull(m.cipher)});
  f.push_back({"tlsUsed", V::Str(m.tls_version.empty() ? "No" : "Yes")});
  f.push_back({"tlsVersion", V::StrOrNull(m.tls_version)});
  f.push_back({"totalSizeAttachments", Text(AttachmentBytes(m))});
  Emit(Stream::kDelivery, a.ts, m.scenario, m.message_id, f);
}

void V2::Message(const gen::Message& m) {
  for (size_t i = 0; i < m.rcpts.size(); ++i) Receipt(m, i);
  if (m.receipt_act != "Acc") return;
  Process(m);
  for (const Attempt& a : m.attempts) Delivery(m, a);
  if (m.journal) {
    const int64_t ts = m.ts + 200;
    Fields f = Head("journal", V::Null(), ts, m, true);
    f.push_back({"direction", V::Str(DirWord(m.dir))});
    f.push_back({"recipients", V::Str(m.rcpts[0])});
    f.push_back({"senderEnvelope", V::Str(EnvelopeSender(m))});
    Emit(Stream::kJournal, ts, m.scenario, m.message_id, f);
  }
}

void V2::Av(const AvHit& a) {
  const gen::Message& m = Msg(a.msg);
  Fields f = Head("av", V::Null(), a.ts, m, true);
  f.push_back({"emailSize", Text(m.size)});
  f.push_back({"fileExtension", V::Str(a.file.ext)});
  f.push_back({"fileName", V::Str(a.file.name)});
  f.push_back({"md5", V::Str(a.file.md5)});
  f.push_back({"messageId", V::Str(m.message_id)});
  f.push_back({"recipients", V::Str(m.rcpts[0])});
  f.push_back({"route", V::Str(DirWord(m.dir))});
  f.push_back({"senderDomain", V::Str(DomainOf(m.sender))});
  f.push_back({"senderDomainInternal", V::Str(TrueFalse(m.dir != Dir::kInbound))});
  f.push_back({"senderEnvelope", V::Str(EnvelopeSender(m))});
  f.push_back({"senderIp", V::Str(m.sender_ip)});
  f.push_back({"sha1", V::Str(a.file.sha1)});
  f.push_back({"sha256", V::Str(a.file.sha256)});
  f.push_back({"subject", V::Str(m.subject)});
  f.push_back({"virusFound", V::Str(a.virus)});
  Emit(Stream::kAv, a.ts, a.scenario, m.message_id, f);
}

void V2::Spam(const SpamThread& s) {
  const gen::Message& m = Msg(s.msg);
  Fields f = Head("spam", V::Null(), s.ts, m, true);
  f.push_back({"messageId", V::Str(m.message_id)});
  f.push_back({"recipients", V::Str(m.rcpts[s.rcpt])});
  f.push_back({"route", V::Str(DirWord(m.dir))});
  f.push_back({"senderDomain", V::Str(DomainOf(m.sender))});
  f.push_back({"senderEnvelope", V::Str(EnvelopeSender(m))});
  f.push_back({"senderHeader", V::StrOrNull(HeaderFrom(m))});
  f.push_back({"senderIp", V::Str(m.sender_ip)});
  f.push_back({"subject", V::Str(m.subject)});
  Emit(Stream::kSpam, s.ts, s.scenario, m.message_id, f);
}

void V2::Iep(const IepHit& h) {
  const gen::Message& m = Msg(h.msg);
  Fields f = Head("internal email protect", V::Null(), h.ts, m, true);
  f.push_back({"messageId", V::Str(m.message_id)});
  f.push_back({"monitoredDomainSource", V::Null()});
  f.push_back({"recipients", V::Str(m.rcpts[h.rcpt])});
  f.push_back({"route", V::Str("Internal")});
  f.push_back({"scanResults", V::Str(h.scan_info)});
  f.push_back({"senderEnvelope", V::Str(EnvelopeSender(m))});
  f.push_back({"similarDomain", V::Null()});
  f.push_back({"subject", V::Str(m.subject)});
  f.push_back({"urlCategory", V::Str(h.category)});
  Emit(Stream::kIep, h.ts, h.scenario, m.message_id, f);
}

void V2::Impersonation(const ImpVerdict& v) {
  const gen::Message& m = Msg(v.msg);
  const ImpFlags& x = v.flags;
  Fields f = Head("impersonation protect", V::Str(v.action), v.ts, m, true);
  f.push_back({"action", V::Str(v.action)});
  f.push_back({"customNameMatch", V::Str(TrueFalse(x.custom_name))});
  f.push_back({"customThreatDictionary", V::Str(TrueFalse(x.custom_dictionary))});
  f.push_back({"internalUserName", V::Str(TrueFalse(x.internal_name))});
  f.push_back({"itemsDetected", Text(static_cast<int64_t>(IdentifierNames(x).size()))});
  f.push_back({"messageId", V::Str(m.message_id)});
  f.push_back({"mimecastThreatDictionary", V::Str(TrueFalse(x.threat_dictionary))});
  f.push_back({"newDomain", V::Str(TrueFalse(x.new_domain))});
  f.push_back({"policyDefinition", V::Str(v.definition)});
  f.push_back({"recipients", V::Str(m.rcpts[v.rcpt])});
  f.push_back({"replyMismatch", V::Str(TrueFalse(x.reply_mismatch))});
  f.push_back({"route", V::Str(DirWord(m.dir))});
  f.push_back({"senderEnvelope", V::Str(EnvelopeSender(m))});
  f.push_back({"senderIp", V::Str(m.sender_ip)});
  f.push_back({"similarCustomExternalDomain", V::Str(TrueFalse(x.similar_external))});
  f.push_back({"similarInternalDomain", V::Str(TrueFalse(x.similar_internal))});
  f.push_back({"similarMimecastExternalDomain", V::Str("false")});
  f.push_back({"subject", V::Str(m.subject)});
  f.push_back({"taggedExternal", V::Str(TrueFalse(v.tagged_external))});
  f.push_back({"taggedMalicious", V::Str(TrueFalse(v.tagged_malicious))});
  Emit(Stream::kImpersonation, v.ts, v.scenario, m.message_id, f);
}

void V2::Url(const UrlClick& u) {
  const gen::Message& m = Msg(u.msg);
  Fields f = Head("url protect", V::Str("Block"), u.ts, m, true);
  f.push_back({"action", V::Str("Block")});
  f.push_back({"analysis", V::Str("null")});
  f.push_back({"blockReason", V::Str(u.scan_result == "malicious" ? "Malicious" : "Suspicious")});
  f.push_back({"messageId", V::Str(m.message_id)});
  f.push_back({"recipients", V::Str(m.rcpts[u.rcpt])});
  f.push_back({"route", V::Str(DirWord(m.dir, true))});
  f.push_back({"senderDomain", V::Str(DomainOf(m.sender))});
  f.push_back({"senderEnvelope", V::Str(EnvelopeSender(m))});
  f.push_back({"sourceIp", V::Str(m.sender_ip)});
  f.push_back({"subject", V::Str(m.subject)});
  f.push_back({"url", V::Str(u.url)});
  f.push_back({"urlCategory", V::Str(u.category)});
  Emit(Stream::kUrlProtect, u.ts, u.scenario, m.message_id, f);
}

void V2::Attachment(const ApVerdict& v) {
  const gen::Message& m = Msg(v.msg);
  Fields f = Head("attachment protect", V::Null(), v.ts, m, true);
  f.push_back({"fileExtension", V::Str(v.file.ext)});
  f.push_back({"fileMime", V::Str(v.file.mime)});
  f.push_back({"fileName", V::Str(v.file.name)});
  f.push_back({"md5", V::Str(v.file.md5)});
  f.push_back({"messageId", V::Str(m.message_id)});
  f.push_back({"recipient", V::Str(m.rcpts[v.rcpt])});
  f.push_back({"route", V::Str(DirWord(m.dir))});
  f.push_back({"senderDomain", V::Str(DomainOf(m.sender))});
  f.push_back({"senderEnvelope", V::Str(EnvelopeSender(m))});
  f.push_back({"senderIp", V::Str(m.sender_ip)});
  f.push_back({"sha1", V::Str(v.file.sha1)});
  f.push_back({"sha256", V::Str(v.file.sha256)});
  f.push_back({"sizeAttachment", Text(v.file.size)});
  f.push_back({"subject", V::Str(m.subject)});
  Emit(Stream::kAttachmentProtect, v.ts, v.scenario, m.message_id, f);
}

}  // namespace

void RenderSiemV2(const RenderContext& c, std::vector<Record>* out) {
  V2 r(c, out);
  RenderSiem(r, c.traffic);
}

}  // namespace vigil::gen
