// traffic_inbound.cc: benign inbound mail: who sends it (Zipf-popular outside organisations,
// partners, people on free webmail), what it carries, how Mimecast scores, holds and releases
// it, and what follows delivery (sandbox verdicts, clicks).
//
// Benign traffic is built as if the tenant's history were warm: a sender's first message
// never carries attachments and never goes to a VIP, so first-seen rules
// (risky_attachment_first_time_sender, new_sender_domain_with_attachment,
// archive_attachment_first_time_sender, first_time_sender_to_vip) only see planted senders;
// display names are never a VIP's, and free-webmail subjects carry no finance words.
#include <fmt/format.h>

#include "gen/files.h"
#include "gen/ids.h"
#include "gen/traffic.h"
#include "gen/world.h"

namespace vigil::gen {
namespace {

constexpr int64_t kMinute = 60'000, kHour = 60 * kMinute;

bool Sandboxed(const Attachment& a) {
  return a.ext == "pdf" || a.ext == "docx" || a.ext == "xlsx" || a.ext == "pptx" || a.ext == "zip";
}

bool IsVipName(const TenantModel& t, const std::string& name) {
  for (size_t v : t.vips) {
    if (t.users[v].display == name) return true;
  }
  return false;
}

}  // namespace

Traffic::Sender Traffic::PickSender(size_t t) {
  const TenantModel& tm = world_.tenants[t];
  Sender s;
  const double r = rng_.Unit();
  if (r < 0.14) {
    const std::string& partner = rng_.Pick(tm.partners);
    s.first = Capitalize(std::string(rng_.Pick(vocab::FirstNames())));
    s.last = Capitalize(std::string(rng_.Pick(vocab::LastNames())));
    s.address = Lower(s.first + "." + s.last) + "@" + partner;
    s.subject = std::string(rng_.Pick(vocab::ReplyPrefixes())) + Subject(vocab::BusinessSubjects());
    s.ip = StableIp(partner);
  } else if (r < 0.21) {
    s.first = Capitalize(std::string(rng_.Pick(vocab::FirstNames())));
    s.last = Capitalize(std::string(rng_.Pick(vocab::LastNames())));
    s.address = FreemailAddress(s.first, s.last);
    s.subject = std::string(rng_.Pick(vocab::ReplyPrefixes())) + Subject(vocab::PersonalSubjects());
    s.ip = FreemailIp(rng_, DomainOf(s.address));
  } else {
    s.org = &world_.orgs[org_pop_.Sample(rng_)];
    s.address = SenderOf(*s.org);
    s.ip = s.org->kind == OrgKind::kSpammer ? PublicIp(rng_) : rng_.Pick(s.org->ips);
    switch (s.org->kind) {
      case OrgKind::kBusiness:
        s.subject =
            std::string(rng_.Pick(vocab::ReplyPrefixes())) + Subject(vocab::BusinessSubjects());
        break;
      case OrgKind::kNewsletter:
        s.subject = Subject(vocab::NewsletterSubjects());
        break;
      case OrgKind::kSaas:
        s.subject = Subject(vocab::NotificationSubjects());
        break;
      case OrgKind::kSpammer:
        s.subject = Subject(vocab::SpamSubjects());
        break;
    }
  }
  if (!s.first.empty() && rng_.Chance(0.45) && !IsVipName(tm, s.first + " " + s.last)) {
    s.display = s.first + " " + s.last;
  }
  return s;
}

void Traffic::Score(Message& m, OrgKind kind) {
  if (kind == OrgKind::kSpammer) {
    m.spam_score = static_cast<int>(rng_.Range(32, 70));
    m.verdict = "SPAM";
    m.risk = "HIGH";
    if (rng_.Chance(0.45)) {
      RejectRbl(m);
      m.auth.spf = "SPF_FAIL";
    } else if (rng_.Chance(0.15)) {
      m.receipt_act = "Rej";
      m.rej_type = "Manual Envelope Rejection";
      m.rej_code = "550";
      m.rej_info = "Envelope blocked - User Entry";
    } else {
      m.process_act = "Hld";
      m.hold_reason = "Spm";
    }
  } else if (kind == OrgKind::kNewsletter) {
    m.grey = true;
    m.spam_score = static_cast<int>(rng_.Range(5, 20));
    if (rng_.Chance(0.06)) {
      m.verdict = "SPAM";
      m.risk = "LOW";
    } else if (rng_.Chance(0.03)) {
      m.spam_score = static_cast<int>(rng_.Range(29, 35));
      m.verdict = "SPAM";
      m.risk = "MEDIUM";
      m.process_act = "Hld";
      m.hold_reason = "Spm";
    }
  }
}

void Traffic::Inbound(size_t t, int64_t ts, TenantTraffic* out) {
  const Sender s = PickSender(t);
  const bool known = seen_[t].count(s.address) > 0;
  Message m = NewMessage(t, Dir::kInbound, ts, s.address, Recipients(t, known), s.subject);
  m.sender_ip = s.ip;
  m.from_name = s.display;
  m.imp_flags_logged = rng_.Chance(0.3);
  const OrgKind kind = s.org == nullptr ? OrgKind::kBusiness : s.org->kind;
  Score(m, kind);
  if (known && (kind == OrgKind::kBusiness || kind == OrgKind::kSaas)) {
    const double p_att = kind == OrgKind::kSaas            ? 0.12
                         : IsFreemail(DomainOf(s.address)) ? 0.08
                                                           : 0.3;
    if (rng_.Chance(p_att)) {
      const int n = rng_.Chance(0.8) ? 1 : 2;
      for (int i = 0; i < n; ++i) m.attachments.push_back(BenignFile(rng_));
    }
  }
  if (s.org != nullptr && s.org->dmarc_fails) m.auth.dmarc = "DMARC_FAIL";
  const bool first_contact = !known && kind == OrgKind::kBusiness && rng_.Chance(0.04);
  if (first_contact) m.imp.new_domain = m.imp_flags_logged = true;
  Complete(t, m);
  if (m.receipt_act == "Acc") seen_[t].insert(s.address);
  const bool held = m.process_act == "Hld";
  const size_t index = out->messages.size();
  out->messages.push_back(std::move(m));
  if (first_contact) {
    ImpVerdict v;
    v.msg = index;
    v.ts = ts + rng_.Range(200, 900);
    v.flags.new_domain = true;
    v.similar = v.similar_string = DomainOf(s.address);
    out->imp.push_back(v);
  }
  if (held) {
    SpamHold(t, index, kind == OrgKind::kNewsletter && rng_.Chance(0.4), out);
  } else {
    AfterDelivery(index, kind, out);
  }
}

void Traffic::SpamHold(size_t t, size_t msg, bool release, TenantTraffic* out) {
  const TenantModel& tm = world_.tenants[t];
  Message& m = out->messages[msg];
  for (size_t i = 0; i < m.rcpts.size(); ++i) {
    out->spam.push_back({msg, i, m.ts + rng_.Range(100, 700), -1});
  }
  if (!release) return;
  ReleaseEvent r;
  r.msg = msg;
  r.ts = m.ts + rng_.Range(30 * kMinute, 5 * kHour);
  r.op = tm.users[rng_.Pick(tm.admins)].email;
  r.held_reason = "Spam Signature";
  r.held_group = "Administrators";
  r.policy = "Moderate Spam Detection";
  r.message_info = "Released by administrator";
  out->releases.push_back(r);
  Redeliver(t, m, r.ts + rng_.Range(1000, 5000));
}

void Traffic::AfterDelivery(size_t msg, OrgKind kind, TenantTraffic* out) {
  const Message& m = out->messages[msg];
  if (m.attempts.empty() || !m.attempts[0].delivered) return;
  for (const Attachment& a : m.attachments) {
    if (!Sandboxed(a)) continue;
    ApVerdict v;
    v.msg = msg;
    v.ts = m.ts + rng_.Range(2000, 9000);
    v.file = a;
    v.details = fmt::format("Safe{:46}\r\nTime taken: 0 hrs, 0 min, {} sec", "", rng_.Range(2, 9));
    v.definition = "Inbound - Safe file with On-Demand Sandbox";
    out->ap.push_back(v);
  }
  if (kind == OrgKind::kSpammer) return;
  const std::string host = DomainOf(m.sender);
  for (size_t i = 0; i < m.rcpts.size(); ++i) {
    if (!rng_.Chance(0.05) || IsFreemail(host)) continue;
    UrlClick c;
    c.msg = msg;
    c.rcpt = i;
    c.ts = m.ts + rng_.Range(2 * kMinute, 6 * kHour);
    c.url = UrlOn(rng_.Chance(0.5) ? host : "www." + host);
    c.category = std::string(rng_.Pick(vocab::BenignUrlCategories()));
    c.definition =
        rng_.Chance(0.5) ? "Default Inbound URL Protect Definition" : "Inbound URL 'Aggressive'";
    out->clicks.push_back(c);
  }
}

}  // namespace vigil::gen
