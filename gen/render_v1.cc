// render_v1.cc: API 1.0 SIEM lines (receipt, process, delivery, jrnl, av, spameventthread,
// iep, impersonation, ttp_url, ttp_ap): PascalCase keys, `datetime` with a numeric offset,
// `acc` and the aCode shared by the lines of one message. JSON carries real numbers and
// booleans; key=value carries text.
#include <fmt/format.h>

#include "gen/ids.h"
#include "gen/render.h"

namespace vigil::gen {
namespace {

using V = Value;

class V1 final : public SiemRenderer {
 public:
  V1(const RenderContext& c, std::vector<Record>* out) : c_(c), out_(out) {}

  void Message(const gen::Message& m) override;
  void Av(const AvHit& a) override;
  void Spam(const SpamThread& s) override;
  void Iep(const IepHit& h) override;
  void Impersonation(const ImpVerdict& v) override;
  void Url(const UrlClick& u) override;
  void Attachment(const ApVerdict& v) override;

 private:
  const gen::Message& Msg(size_t i) const { return c_.traffic.messages[i]; }
  Fields Head(int64_t ts, const gen::Message* m) const {
    Fields f{{"datetime", V::Str(Iso8601(ts))}};
    if (m != nullptr) f.push_back({"aCode", V::Str(m->acode)});
    f.push_back({"acc", V::Str(c_.tenant.account)});
    return f;
  }
  Value Num(int64_t v) const {
    return c_.format == Format::kApi1Kv ? V::Str(std::to_string(v)) : V::Int(v);
  }
  void Emit(Stream s, int64_t ts, int scenario, const std::string& msg_id, const Fields& f) {
    EmitRecord(s, ts, scenario, msg_id, f,
               c_.format == Format::kApi1Kv ? Syntax::kKv : Syntax::kJson, out_);
  }
  void Receipt(const gen::Message& m, size_t rcpt);
  void Process(const gen::Message& m);
  void Delivery(const gen::Message& m, const Attempt& a);

  const RenderContext& c_;
  std::vector<Record>* out_;
};

void V1::Receipt(const gen::Message& m, size_t rcpt) {
  const int64_t ts = m.ts + static_cast<int64_t>(rcpt);
  const bool accepted = m.receipt_act == "Acc";
  Fields f = Head(ts, &m);
  f.push_back({"SpamLimit", Num(m.spam_limit)});
  f.push_back({"IP", V::Str(m.sender_ip)});
  f.push_back({"Dir", V::Str(DirWord(m.dir))});
  f.push_back({"MsgId", accepted ? V::Str(m.message_id) : V::Null()});
  f.push_back({"Subject", accepted ? V::Str(m.subject) : V::Null()});
  f.push_back({"headerFrom", accepted ? V::StrOrNull(HeaderFrom(m)) : V::Null()});
  f.push_back({"Sender", V::Str(EnvelopeSender(m))});
  f.push_back({"Rcpt", V::Str(m.rcpts[rcpt])});
  f.push_back({"SpamInfo", V::Str("[]")});
  f.push_back({"Act", V::Str(m.receipt_act)});
  f.push_back({"TlsVer", V::StrOrNull(m.tls_version)});
  f.push_back({"Cphr", V::StrOrNull(m.cipher)});
  if (m.has_auth) f.push_back({"SpamProcessingDetail", V::Json(SpamDetailJson(m))});
  f.push_back({"SpamScore", Num(m.spam_score)});
  if (!accepted) {
    f.push_back({"RejType", V::Str(m.rej_type)});
    f.push_back({"RejCode", V::Str(m.rej_code)});
    f.push_back({"RejInfo", V::Str(m.rej_info)});
    if (!m.receipt_error.empty()) f.push_back({"Error", V::Str(m.receipt_error)});
  }
  if (!m.virus.empty()) f.push_back({"Virus", V::Str(m.virus)});
  Emit(Stream::kReceipt, ts, m.scenario, m.message_id, f);
}

void V1::Process(const gen::Message& m) {
  const int64_t ts = m.ts + 350;
  Fields f = Head(ts, &m);
  f.push_back({"Act", V::Str(m.process_act)});
  if (!m.hold_reason.empty()) f.push_back({"Hld", V::Str(m.hold_reason)});
  f.push_back({"AttCnt", Num(static_cast<int64_t>(m.attachments.size()))});
  f.push_back({"AttNames", m.attachments.empty() ? V::Null() : V::Str(AttachmentNames(m))});
  f.push_back({"AttSize", Num(AttachmentBytes(m))});
  f.push_back({"MsgSize", Num(m.size)});
  f.push_back({"MsgId", V::Str(m.message_id)});
  f.push_back({"Sender", V::Str(EnvelopeSender(m))});
  f.push_back({"Subject", V::Str(m.subject)});
  if (m.imp_flags_logged) {
    f.push_back({"IPInternalName", V::Str(TrueFalse(m.imp.internal_name))});
    f.push_back({"IPNewDomain", V::Str(TrueFalse(m.imp.new_domain))});
    f.push_back({"IPReplyMismatch", V::Str(TrueFalse(m.imp.reply_mismatch))});
    f.push_back({"IPSimilarDomain", V::Str(TrueFalse(m.imp.similar_internal))});
    f.push_back({"IPThreadDict", V::Str(TrueFalse(m.imp.threat_dictionary))});
  }
  Emit(Stream::kProcess, ts, m.scenario, m.message_id, f);
}

void V1::Delivery(const gen::Message& m, const Attempt& a) {
  Fields f = Head(a.ts, &m);
  f.push_back({"Delivered", c_.format == Format::kApi1Kv ? V::Str(TrueFalse(a.delivered))
                                                         : V::Bool(a.delivered)});
  f.push_back({"IP", V::Str(m.dest_ip)});
  f.push_back({"AttCnt", Num(static_cast<int64_t>(m.attachments.size()))});
  f.push_back({"Dir", V::Str(DirWord(m.dir))});
  f.push_back({"ReceiptAck",
               a.delivered
                   ? V::Str(fmt::format("250 2.6.0 {} [InternalId={}] Queued mail for delivery",
                                        m.message_id, a.ts % 100000000))
                   : V::Null()});
  f.push_back({"MsgId", V::Str(m.message_id)});
  f.push_back({"Subject", V::Str(m.subject)});
  f.push_back({"Latency", Num(a.latency_ms)});
  f.push_back({"Sender", V::Str(EnvelopeSender(m))});
  f.push_back({"Rcpt", V::Str(m.rcpts[a.rcpt])});
  f.push_back({"AttSize", Num(AttachmentBytes(m))});
  f.push_back({"Attempt", Num(a.number)});
  f.push_back({"TlsVer", V::StrOrNull(m.tls_version)});
  f.push_back({"Cphr", V::StrOrNull(m.cipher)});
  f.push_back({"Snt", Num(a.delivered ? m.size + 1800 : 0)});
  f.push_back({"UseTls", V::Str(m.tls_version.empty() ? "No" : "Yes")});
  f.push_back({"Route", V::Str(m.route)});
  if (!a.delivered) {
    f.push_back({"RejType", V::Str(a.rej_type)});
    f.push_back({"RejCode", V::Str(a.rej_code)});
    f.push_back({"RejInfo", V::Str(a.rej_info)});
  }
  Emit(Stream::kDelivery, a.ts, m.scenario, m.message_id, f);
}

void V1::Message(const gen::Message& m) {
  for (size_t i = 0; i < m.rcpts.size(); ++i) Receipt(m, i);
  if (m.receipt_act != "Acc") return;
  Process(m);
  for (const Attempt& a : m.attempts) Delivery(m, a);
  if (m.journal) {
    const int64_t ts = m.ts + 200;
    Fields f = Head(ts, &m);
    f.push_back({"Sender", V::Str(EnvelopeSender(m))});
    f.push_back({"Rcpt", V::Str(m.rcpts[0])});
    f.push_back({"RcptActType", V::Str("Jnl")});
    f.push_back({"Dir", V::Str(DirWord(m.dir))});
    f.push_back({"RcptHdrType", V::Str("Unknown")});
    Emit(Stream::kJournal, ts, m.scenario, m.message_id, f);
  }
}

void V1::Av(const AvHit& a) {
  const gen::Message& m = Msg(a.msg);
  const std::string domain = DomainOf(m.sender);
  Fields f = Head(a.ts, nullptr);
  f.push_back({"IP", V::Str(m.sender_ip)});
  f.push_back({"Sender", V::Str(EnvelopeSender(m))});
  f.push_back({"Recipient", V::Str(m.rcpts[0])});
  f.push_back({"SenderDomain", V::Str(domain)});
  f.push_back({"SenderDomainInternal", V::Str(TrueFalse(m.dir != Dir::kInbound))});
  f.push_back({"Route", V::Str(DirWord(m.dir))});
  f.push_back({"MsgId", V::Str(m.message_id)});
  f.push_back({"Subject", V::Str(m.subject)});
  f.push_back({"Virus", V::Str(a.virus)});
  f.push_back({"fileName", V::Str(a.file.name)});
  f.push_back({"fileExt", V::Str(a.file.ext)});
  f.push_back({"fileMime", V::Str(a.file.mime)});
  f.push_back({"md5", V::Str(a.file.md5)});
  f.push_back({"sha1", V::Str(a.file.sha1)});
  f.push_back({"sha256", V::Str(a.file.sha256)});
  f.push_back({"Size", Num(a.file.size)});
  f.push_back({"CustomerIP", V::Str(TrueFalse(m.dir != Dir::kInbound))});
  f.push_back({"MimecastIP", V::Str("false")});
  Emit(Stream::kAv, a.ts, a.scenario, m.message_id, f);
}

void V1::Spam(const SpamThread& s) {
  const gen::Message& m = Msg(s.msg);
  Fields f = Head(s.ts, &m);
  f.push_back({"MsgId", V::Str(m.message_id)});
  f.push_back({"Sender", V::Str(EnvelopeSender(m))});
  f.push_back({"headerFrom", V::StrOrNull(HeaderFrom(m))});
  f.push_back({"Recipient", V::Str(m.rcpts[s.rcpt])});
  f.push_back({"Route", V::Str(DirWord(m.dir))});
  f.push_back({"SenderDomain", V::Str(DomainOf(m.sender))});
  f.push_back({"SourceIP", V::Str(m.sender_ip)});
  f.push_back({"Subject", V::Str(m.subject)});
  Emit(Stream::kSpam, s.ts, s.scenario, m.message_id, f);
}

void V1::Iep(const IepHit& h) {
  const gen::Message& m = Msg(h.msg);
  Fields f = Head(h.ts, &m);
  f.push_back({"MsgId", V::Str(m.message_id)});
  f.push_back({"Sender", V::Str(EnvelopeSender(m))});
  f.push_back({"Recipient", V::Str(m.rcpts[h.rcpt])});
  f.push_back({"Route", V::Str("Internal")});
  f.push_back({"Subject", V::Str(m.subject)});
  f.push_back({"URL", V::StrOrNull(h.url)});
  f.push_back({"UrlCategory", V::Str(h.category)});
  f.push_back({"ScanResultInfo", V::Str(h.scan_info)});
  Emit(Stream::kIep, h.ts, h.scenario, m.message_id, f);
}

void V1::Impersonation(const ImpVerdict& v) {
  const gen::Message& m = Msg(v.msg);
  const ImpFlags& x = v.flags;
  Fields f = Head(v.ts, &m);
  f.push_back({"Action", V::Str(v.action)});
  f.push_back({"Definition", V::Str(v.definition)});
  f.push_back({"Hits", V::Str(std::to_string(IdentifierNames(x).size()))});
  f.push_back({"IP", V::Str(m.sender_ip)});
  f.push_back({"MsgId", V::Str(m.message_id)});
  f.push_back({"Sender", V::Str(EnvelopeSender(m))});
  f.push_back({"Recipient", V::Str(m.rcpts[v.rcpt])});
  f.push_back({"Route", V::Str(DirWord(m.dir))});
  f.push_back({"Subject", V::Str(m.subject)});
  f.push_back({"CustomName", V::Str(TrueFalse(x.custom_name))});
  f.push_back({"CustomThreatDictionary", V::Str(TrueFalse(x.custom_dictionary))});
  f.push_back({"InternalName", V::Str(TrueFalse(x.internal_name))});
  f.push_back({"NewDomain", V::Str(TrueFalse(x.new_domain))});
  f.push_back({"ReplyMismatch", V::Str(TrueFalse(x.reply_mismatch))});
  f.push_back({"SimilarCustomExternalDomain", V::Str(TrueFalse(x.similar_external))});
  f.push_back({"SimilarInternalDomain", V::Str(TrueFalse(x.similar_internal))});
  f.push_back({"SimilarMimecastExternalDomain", V::Str("false")});
  f.push_back({"TaggedExternal", V::Str(TrueFalse(v.tagged_external))});
  f.push_back({"TaggedMalicious", V::Str(TrueFalse(v.tagged_malicious))});
  f.push_back({"ThreatDictionary", V::Str(TrueFalse(x.threat_dictionary))});
  Emit(Stream::kImpersonation, v.ts, v.scenario, m.message_id, f);
}

void V1::Url(const UrlClick& u) {
  const gen::Message& m = Msg(u.msg);
  Fields f = Head(u.ts, nullptr);
  f.push_back({"reason", V::Str(u.scan_result)});
  f.push_back({"url", V::Str(u.url)});
  f.push_back({"urlCategory", V::Str(u.category)});
  f.push_back({"route", V::Str(DirWord(m.dir, true))});
  f.push_back({"sourceIp", V::Str(m.sender_ip)});
  f.push_back({"sender", V::Str(EnvelopeSender(m))});
  f.push_back({"recipient", V::Str(m.rcpts[u.rcpt])});
  f.push_back({"senderDomain", V::Str(DomainOf(m.sender))});
  f.push_back({"subject", V::Str(m.subject)});
  f.push_back({"msgid", V::Str(m.message_id)});
  f.push_back({"action", V::Str("Block")});
  f.push_back({"credentialTheft", V::Null()});
  Emit(Stream::kUrlProtect, u.ts, u.scenario, m.message_id, f);
}

void V1::Attachment(const ApVerdict& v) {
  const gen::Message& m = Msg(v.msg);
  Fields f = Head(v.ts, nullptr);
  f.push_back({"IP", V::Str(m.sender_ip)});
  f.push_back({"Sender", V::Str(EnvelopeSender(m))});
  f.push_back({"Recipient", V::Str(m.rcpts[v.rcpt])});
  f.push_back({"SenderDomain", V::Str(DomainOf(m.sender))});
  f.push_back({"Route", V::Str(DirWord(m.dir))});
  f.push_back({"Size", Num(v.file.size)});
  f.push_back({"fileName", V::Str(v.file.name)});
  f.push_back({"fileExt", V::Str(v.file.ext)});
  f.push_back({"fileMime", V::Str(v.file.mime)});
  f.push_back({"md5", V::Str(v.file.md5)});
  f.push_back({"sha1", V::Str(v.file.sha1)});
  f.push_back({"sha256", V::Str(v.file.sha256)});
  f.push_back({"MsgId", V::Str(m.message_id)});
  f.push_back({"Subject", V::Str(m.subject)});
  Emit(Stream::kAttachmentProtect, v.ts, v.scenario, m.message_id, f);
}

}  // namespace

void RenderSiemV1(const RenderContext& c, std::vector<Record>* out) {
  V1 r(c, out);
  RenderSiem(r, c.traffic);
}

}  // namespace vigil::gen
