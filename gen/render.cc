// render.cc: the render entry point and the pieces every renderer shares.
#include "gen/render.h"

#include <fmt/format.h>

namespace vigil::gen {

void Render(const RenderContext& c, std::vector<Record>* out) {
  if (c.format == Format::kApi2) {
    RenderSiemV2(c, out);
  } else {
    RenderSiemV1(c, out);
  }
  RenderFeeds(c, out);
}

void RenderSiem(SiemRenderer& r, const TenantTraffic& t) {
  for (const Message& m : t.messages) r.Message(m);
  for (const AvHit& a : t.av) r.Av(a);
  for (const SpamThread& s : t.spam) r.Spam(s);
  for (const IepHit& h : t.iep) r.Iep(h);
  for (const ImpVerdict& v : t.imp) r.Impersonation(v);
  for (const UrlClick& u : t.clicks) {
    if (u.siem_line) r.Url(u);
  }
  for (const ApVerdict& v : t.ap) {
    if (v.result == "malicious") r.Attachment(v);
  }
}

std::string TrueFalse(bool b) { return b ? "true" : "false"; }

std::string SpamDetailJson(const Message& m) {
  auto part = [](std::string_view info) {
    return fmt::format("{{\"info\":\"{}\",\"allow\":true}}", info);
  };
  std::string out = fmt::format("{{\"spf\":{},\"dkim\":{},\"dmarc\":{}", part(m.auth.spf),
                                part(m.auth.dkim), part(m.auth.dmarc));
  if (m.grey) out += ",\"greyEmail\":true";
  if (!m.verdict.empty()) {
    out += fmt::format(
        ",\"verdict\":{{\"categories\":[{{\"name\":\"{0}\",\"score\":{1}.{2:02},\"risk\":\"{3}\","
        "\"subcategories\":[]}}],\"decision\":\"{0}\",\"description\":\"\",\"risk\":\"{3}\"}}",
        m.verdict, m.spam_score / 3, m.spam_score * 7 % 100, m.risk);
  }
  out += "}";
  return out;
}

std::string AttachmentNames(const Message& m) {
  std::string out;
  for (const Attachment& a : m.attachments) {
    if (!out.empty()) out += ", ";
    out += "\"" + a.name + "\"";
  }
  return out;
}

int64_t AttachmentBytes(const Message& m) {
  int64_t n = 0;
  for (const Attachment& a : m.attachments) n += a.size;
  return n;
}

std::string DirWord(Dir d, bool lower) {
  switch (d) {
    case Dir::kInbound:
      return lower ? "inbound" : "Inbound";
    case Dir::kOutbound:
      return lower ? "outbound" : "Outbound";
    case Dir::kInternal:
      break;
  }
  return lower ? "internal" : "Internal";
}

std::string HeaderFrom(const Message& m) {
  if (m.from.empty() || m.from_name.empty()) return m.from;
  return m.from_name + " <" + m.from + ">";
}

std::string EnvelopeSender(const Message& m) { return m.sender.empty() ? "<>" : m.sender; }

std::vector<std::string> IdentifierNames(const ImpFlags& f) {
  std::vector<std::string> out;
  if (f.internal_name) out.push_back("internal_user_name");
  if (f.new_domain) out.push_back("newly_observed_domain");
  if (f.reply_mismatch) out.push_back("reply_address_mismatch");
  if (f.similar_internal) out.push_back("similar_internal_domain");
  if (f.similar_external) out.push_back("similar_external_domain");
  if (f.threat_dictionary || f.custom_dictionary) out.push_back("targeted_threat_dictionary");
  if (f.custom_name) out.push_back("custom_name");
  return out;
}

}  // namespace vigil::gen
