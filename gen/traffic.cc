// traffic.cc: benign messages and the events they cause.
#include "gen/traffic.h"

#include <fmt/format.h>

#include <algorithm>

#include "gen/files.h"
#include "gen/ids.h"
#include "gen/world.h"

namespace vigil::gen {
namespace {

constexpr int64_t kSecond = 1000, kMinute = 60 * kSecond, kHour = 60 * kMinute;

}  // namespace

bool IsFreemail(const std::string& domain) {
  for (std::string_view f : vocab::Freemail()) {
    if (f == domain) return true;
  }
  return false;
}

std::string FreemailIp(Rng& rng, const std::string& domain) {
  if (domain == "gmail.com") {
    return fmt::format("209.85.{}.{}", rng.Range(128, 255), rng.Range(1, 254));
  }
  if (domain == "outlook.com" || domain == "hotmail.com" || domain == "live.com") {
    return fmt::format("40.92.{}.{}", rng.Range(0, 127), rng.Range(1, 254));
  }
  return PublicIp(rng);
}

int UtcOffsetHours(const std::string& zone) {
  if (zone == "America/New_York") return -5;
  if (zone == "America/Chicago") return -6;
  if (zone == "America/Los_Angeles") return -8;
  if (zone == "Europe/Berlin") return 1;
  if (zone == "Australia/Sydney") return 11;
  return 0;
}

Traffic::Traffic(const World& world, Rng rng)
    : world_(world), rng_(rng), org_pop_(world.orgs.size(), 1.07), seen_(world.tenants.size()) {}

std::string Traffic::Subject(vocab::Words pool) {
  std::string s(rng_.Pick(pool));
  if (const size_t x = s.find("{x}"); x != std::string::npos) {
    s.replace(x, 3, rng_.Pick(vocab::SubjectTopics()));
  }
  if (const size_t n = s.find("{n}"); n != std::string::npos) s.replace(n, 3, rng_.Digits(6));
  return s;
}

std::string Traffic::SenderOf(const ExternalOrg& org) {
  return rng_.Pick(org.locals) + "@" + org.domain;
}

std::string Traffic::FreemailAddress(const std::string& first, const std::string& last) {
  std::string local = first + "." + last;
  for (char& c : local) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (rng_.Chance(0.6)) local += std::to_string(rng_.Range(1, 99));
  return local + "@" + std::string(rng_.Pick(vocab::Freemail()));
}

std::string Traffic::UrlOn(const std::string& host) {
  return fmt::format("https://{}{}?utm_source=email&id={}", host, rng_.Pick(vocab::UrlPaths()),
                     rng_.Hex(10));
}

const Person& Traffic::InternalSender(size_t t, int64_t ts) {
  const TenantModel& tm = world_.tenants[t];
  const int64_t hour = ((ts / kHour + UtcOffsetHours(tm.time_zone)) % 24 + 24) % 24;
  for (;;) {
    const Person& p = rng_.Pick(tm.users);
    if (!p.vip || (hour >= 7 && hour < 19)) return p;
  }
}

std::vector<std::string> Traffic::Recipients(size_t t, bool vip_ok) {
  const double r = rng_.Unit();
  const size_t n = r < 0.85   ? 1
                   : r < 0.97 ? static_cast<size_t>(rng_.Range(2, 3))
                              : static_cast<size_t>(rng_.Range(4, 8));
  std::vector<std::string> out;
  for (size_t guard = 0; out.size() < n && guard < 50; ++guard) {
    const Person& p = rng_.Pick(world_.tenants[t].users);
    if (p.vip && !vip_ok) continue;
    if (std::find(out.begin(), out.end(), p.email) == out.end()) out.push_back(p.email);
  }
  return out;
}

Message Traffic::NewMessage(size_t t, Dir dir, int64_t ts, const std::string& sender,
                            std::vector<std::string> rcpts, const std::string& subject) {
  const TenantModel& tm = world_.tenants[t];
  Message m;
  m.ts = ts;
  m.dir = dir;
  m.sender = sender;
  m.from = sender;
  m.rcpts = std::move(rcpts);
  m.subject = subject;
  const std::string domain = DomainOf(sender);
  const int style = dir != Dir::kInbound    ? 0
                    : domain == "gmail.com" ? 1
                                            : static_cast<int>(rng_.Below(4));
  m.message_id = MessageId(rng_, ts, domain.empty() ? tm.domains[0] : domain, style);
  m.acode = ACode(rng_);
  m.aggregate_id = AggregateId(rng_, ts);
  m.processing_id = ProcessingId(rng_, ts);
  m.sender_ip = dir == Dir::kInbound ? PublicIp(rng_) : rng_.Pick(tm.egress_ips);
  if (dir != Dir::kInbound || rng_.Chance(0.93)) {
    const vocab::Cipher& c = rng_.Pick(vocab::Ciphers());
    m.tls_version = std::string(c.tls_version);
    m.cipher = std::string(c.cipher);
  }
  m.has_auth = dir == Dir::kInbound;
  if (rng_.Chance(0.15)) m.auth.dkim = "DKIM_UNKNOWN";
  m.spam_score = dir == Dir::kInbound ? static_cast<int>(rng_.Range(0, 4)) : 0;
  m.size = rng_.LogNormal(10.2, 0.8, 1500, 400000);
  return m;
}

void Traffic::Complete(size_t t, Message& m) {
  const TenantModel& tm = world_.tenants[t];
  m.attempts.clear();
  m.journal = false;
  for (const Attachment& a : m.attachments) m.size += a.size;
  if (m.receipt_act != "Acc" || m.process_act == "Hld" || m.process_act == "Bnc") return;
  if (m.dir == Dir::kOutbound) {
    const std::string domain = DomainOf(m.rcpts[0]);
    m.dest_host = IsFreemail(domain) ? "mx." + domain : "mx1." + domain;
    if (domain == "gmail.com") m.dest_host = "gmail-smtp-in.l.google.com";
    m.dest_ip = StableIp(m.dest_host);
    m.route = std::string(rng_.Pick(vocab::OutboundRoutes()));
  } else {
    m.dest_host = tm.mx_host;
    m.dest_ip = fmt::format("52.101.{}.{}", rng_.Range(0, 200), rng_.Range(1, 254));
    m.route = std::string(vocab::InboundRoutes()[t % vocab::InboundRoutes().size()]);
  }
  for (size_t i = 0; i < m.rcpts.size(); ++i) {
    Attempt a;
    a.rcpt = i;
    a.ts = m.ts + rng_.Range(800, 6000);
    a.latency_ms = static_cast<int>(rng_.Range(250, 4000));
    if (rng_.Chance(0.004)) {
      a.delivered = false;
      a.rej_type = "Recipient email address is possibly incorrect";
      a.rej_code = "550";
      a.rej_info = "5.4.1 Recipient address rejected: Access denied. AS(201806281)";
    }
    m.attempts.push_back(a);
  }
  m.journal = tm.journaling && m.dir != Dir::kInbound;
}

void Traffic::RejectRbl(Message& m) {
  m.receipt_act = "Rej";
  m.rej_type = "IP Found in RBL";
  m.rej_code = "550";
  m.rej_info = fmt::format("Local RBL - {} listed", m.sender_ip);
  m.receipt_error = "IP Found in RBL";
}

std::string Traffic::PersonAt(const std::string& domain) {
  return fmt::format("{}.{}@{}", rng_.Pick(vocab::FirstNames()), rng_.Pick(vocab::LastNames()),
                     domain);
}

void Traffic::Redeliver(size_t t, Message& m, int64_t ts) {
  const TenantModel& tm = world_.tenants[t];
  Attempt a;
  a.ts = ts;
  a.latency_ms = static_cast<int>(rng_.Range(300, 2000));
  m.route = std::string(vocab::InboundRoutes()[0]);
  m.dest_host = tm.mx_host;
  m.dest_ip = StableIp(tm.mx_host);
  m.attempts.push_back(a);
}

void Traffic::Benign(size_t t, int64_t ts, TenantTraffic* out) {
  const double r = rng_.Unit();
  if (r < 0.58) {
    Inbound(t, ts, out);
  } else if (r < 0.85) {
    Outbound(t, ts, out);
  } else {
    InternalMail(t, ts, out);
  }
}

void Traffic::Outbound(size_t t, int64_t ts, TenantTraffic* out) {
  const TenantModel& tm = world_.tenants[t];
  const Person& from = InternalSender(t, ts);
  std::vector<std::string> rcpts;
  const size_t n = rng_.Chance(0.85) ? 1 : static_cast<size_t>(rng_.Range(2, 3));
  bool freemail = false;
  for (size_t i = 0; i < n; ++i) {
    const double r = rng_.Unit();
    const std::string name =
        fmt::format("{}.{}", rng_.Pick(vocab::FirstNames()), rng_.Pick(vocab::LastNames()));
    if (r < 0.42) {
      rcpts.push_back(name + "@" + rng_.Pick(tm.partners));
    } else if (r < 0.92) {
      const ExternalOrg* org = nullptr;
      for (int guard = 0; guard < 20 && (org == nullptr || org->kind != OrgKind::kBusiness);
           ++guard) {
        org = &world_.orgs[org_pop_.Sample(rng_)];
      }
      rcpts.push_back(name + "@" + org->domain);
    } else {
      rcpts.push_back(FreemailAddress(std::string(rng_.Pick(vocab::FirstNames())),
                                      std::string(rng_.Pick(vocab::LastNames()))));
      freemail = true;
    }
  }
  Message m = NewMessage(
      t, Dir::kOutbound, ts, from.email, rcpts,
      std::string(rng_.Pick(vocab::ReplyPrefixes())) + Subject(vocab::BusinessSubjects()));
  m.from_name = from.display;
  if (!freemail && rng_.Chance(0.2)) m.attachments.push_back(BenignFile(rng_));
  Complete(t, m);
  out->messages.push_back(std::move(m));
}

void Traffic::InternalMail(size_t t, int64_t ts, TenantTraffic* out) {
  const Person& from = InternalSender(t, ts);
  std::vector<std::string> rcpts = Recipients(t, true);
  std::erase(rcpts, from.email);
  if (rcpts.empty()) rcpts.push_back(world_.tenants[t].users[0].email);
  Message m = NewMessage(
      t, Dir::kInternal, ts, from.email, rcpts,
      std::string(rng_.Pick(vocab::ReplyPrefixes())) + Subject(vocab::InternalSubjects()));
  m.from_name = from.display;
  if (rng_.Chance(0.15)) m.attachments.push_back(BenignFile(rng_));
  Complete(t, m);
  out->messages.push_back(std::move(m));
}

}  // namespace vigil::gen
