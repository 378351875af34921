// world.cc: tenants, their people and partners, and the outside organisations.
#include "gen/world.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "gen/ids.h"
#include "gen/vocab.h"

namespace vigil::gen {
namespace {

constexpr std::string_view kZones[] = {"America/New_York", "Europe/London",
                                       "America/Chicago",  "Europe/Berlin",
                                       "Australia/Sydney", "America/Los_Angeles"};
constexpr std::string_view kVipTitles[] = {"Chief Executive Officer", "Chief Financial Officer",
                                           "Chief Operating Officer", "General Counsel"};

// Visually confusable characters folded to the letters they imitate.
std::string Fold(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == 'r' && i + 1 < s.size() && s[i + 1] == 'n') {
      out += 'm';
      ++i;
    } else if (c == 'v' && i + 1 < s.size() && s[i + 1] == 'v') {
      out += 'w';
      ++i;
    } else if (c == '0') {
      out += 'o';
    } else if (c == '1' || c == 'i') {
      out += 'l';
    } else if (c != '-') {
      out += c;
    }
  }
  return out;
}

std::string FirstLabel(const std::string& domain) { return domain.substr(0, domain.find('.')); }

int Damerau(const std::string& a, const std::string& b) {
  const size_t n = a.size(), m = b.size();
  std::vector<std::vector<int>> d(n + 1, std::vector<int>(m + 1));
  for (size_t i = 0; i <= n; ++i) d[i][0] = static_cast<int>(i);
  for (size_t j = 0; j <= m; ++j) d[0][j] = static_cast<int>(j);
  for (size_t i = 1; i <= n; ++i) {
    for (size_t j = 1; j <= m; ++j) {
      const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[n][m];
}

std::string AccountCode(Rng& rng) {
  const std::string_view country = rng.Chance(0.6) ? "US" : "UK";
  return fmt::format("C{}{}{}{}{}", country, static_cast<char>('A' + rng.Below(3)), rng.Digits(3),
                     static_cast<char>('A' + rng.Below(6)), rng.Digits(3));
}

std::string CorporateDomain(Rng& rng, std::string_view stem) {
  const std::string_view tld = rng.Pick(vocab::CorporateTlds());
  if (rng.Chance(0.5)) return fmt::format("{}.{}", stem, tld);
  return fmt::format("{}{}.{}", stem, rng.Pick(vocab::CompanyKinds()), tld);
}

// Adds people with unique addresses at `domain`.
void AddUsers(Rng& rng, TenantModel& t, size_t count) {
  std::set<std::string> taken;
  while (t.users.size() < count) {
    Person p;
    p.first = Capitalize(std::string(rng.Pick(vocab::FirstNames())));
    p.last = Capitalize(std::string(rng.Pick(vocab::LastNames())));
    p.display = p.first + " " + p.last;
    std::string local = p.first + "." + p.last;
    std::transform(local.begin(), local.end(), local.begin(), ::tolower);
    if (!taken.insert(local).second) continue;
    p.email = local + "@" + t.domains[0];
    p.department = std::string(rng.Pick(vocab::Departments()));
    t.users.push_back(std::move(p));
  }
}

void AssignRoles(TenantModel& t) {
  for (size_t i = 0; i < std::size(kVipTitles); ++i) {
    Person& p = t.users[i];
    p.vip = true;
    p.title = std::string(kVipTitles[i]);
    p.department = "Executive";
    t.vips.push_back(i);
  }
  t.users[1].finance = true;  // the CFO
  t.finance.push_back(1);
  for (size_t i = std::size(kVipTitles); i < t.users.size(); ++i) {
    Person& p = t.users[i];
    if (p.department == "Finance" || p.department == "Accounts Payable") {
      p.finance = true;
      t.finance.push_back(i);
    } else if (p.department == "IT" && t.admins.size() < 3) {
      p.admin = true;
      t.admins.push_back(i);
    }
  }
  if (t.admins.empty()) {
    const size_t i = t.users.size() - 1;
    t.users[i].department = "IT";
    t.users[i].admin = true;
    t.admins.push_back(i);
  }
}

TenantModel MakeTenant(Rng& rng, size_t index, std::string_view stem) {
  TenantModel t;
  t.id = fmt::format("t{}-{}", index + 1, stem);
  const std::string_view kind = rng.Pick(vocab::CompanyKinds());
  t.name = Capitalize(std::string(stem)) + " " + Capitalize(std::string(kind));
  t.account = AccountCode(rng);
  t.region = t.account.substr(1, 2) == "US" ? "us" : "eu";
  t.time_zone = std::string(kZones[index % std::size(kZones)]);
  t.domains.push_back(CorporateDomain(rng, stem));
  if (rng.Chance(0.4)) t.domains.push_back(fmt::format("{}-{}.com", stem, kind));
  AddUsers(rng, t, static_cast<size_t>(rng.Range(60, 220)));
  AssignRoles(t);
  for (int i = 0; i < 4; ++i) t.egress_ips.push_back(TenantIp(index, 20 + i));
  t.office_ip = TenantIp(index, 200);
  std::string mx = t.domains[0];
  std::replace(mx.begin(), mx.end(), '.', '-');
  t.mx_host = mx + ".mail.protection.outlook.com";
  t.journaling = rng.Chance(0.5);
  t.weight = 0.5 + rng.Unit();
  return t;
}

ExternalOrg MakeOrg(Rng& rng, std::string domain, OrgKind kind) {
  ExternalOrg o;
  o.domain = std::move(domain);
  o.kind = kind;
  const size_t locals = kind == OrgKind::kBusiness ? static_cast<size_t>(rng.Range(2, 8)) : 2;
  for (size_t i = 0; i < locals; ++i) {
    switch (kind) {
      case OrgKind::kBusiness:
        o.locals.push_back(
            fmt::format("{}.{}", rng.Pick(vocab::FirstNames()), rng.Pick(vocab::LastNames())));
        break;
      case OrgKind::kNewsletter:
        o.locals.push_back(std::string(rng.Pick(vocab::BulkLocals())));
        break;
      case OrgKind::kSaas:
        o.locals.push_back(std::string(rng.Pick(vocab::NoReplyLocals())));
        break;
      case OrgKind::kSpammer:
        o.locals.push_back(rng.Hex(8));
        break;
    }
  }
  const int ips = kind == OrgKind::kSpammer ? 1 : static_cast<int>(rng.Range(1, 3));
  for (int i = 0; i < ips; ++i) o.ips.push_back(PublicIp(rng));
  o.dmarc_fails = kind == OrgKind::kBusiness && rng.Chance(0.03);
  return o;
}

}  // namespace

std::string Capitalize(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

int LookalikeDistance(const std::string& a, const std::string& b) {
  return Damerau(Fold(FirstLabel(a)), Fold(FirstLabel(b)));
}

World BuildWorld(Rng& rng, int tenants) {
  World w;
  std::vector<std::string_view> stems(vocab::CompanyStems().begin(), vocab::CompanyStems().end());
  for (size_t i = stems.size(); i > 1; --i) std::swap(stems[i - 1], stems[rng.Below(i)]);
  // Stems: tenants first, then a shared pool of partners, then outside organisations.
  constexpr size_t kTenantStems = 60, kPartnerStems = 30;
  std::vector<std::string> protected_domains, partner_pool;
  for (int i = 0; i < tenants; ++i) {
    const size_t index = static_cast<size_t>(i);
    std::string stem(stems[index % kTenantStems]);
    if (index >= kTenantStems) stem += std::to_string(index / kTenantStems);
    w.tenants.push_back(MakeTenant(rng, index, stem));
    for (const std::string& d : w.tenants.back().domains) protected_domains.push_back(d);
  }
  for (size_t i = 0; i < kPartnerStems; ++i) {
    partner_pool.push_back(CorporateDomain(rng, stems[kTenantStems + i]));
    protected_domains.push_back(partner_pool.back());
  }
  for (TenantModel& t : w.tenants) {
    std::vector<std::string> pool = partner_pool;
    const size_t n = static_cast<size_t>(rng.Range(6, 10));
    for (size_t i = 0; i < n; ++i) {
      const size_t pick = i + rng.Below(pool.size() - i);
      std::swap(pool[i], pool[pick]);
      t.partners.push_back(pool[i]);
    }
  }
  std::set<std::string> seen(protected_domains.begin(), protected_domains.end());
  constexpr OrgKind kKinds[] = {OrgKind::kBusiness, OrgKind::kNewsletter, OrgKind::kSaas,
                                OrgKind::kSpammer};
  constexpr double kKindWeights[] = {0.55, 0.2, 0.15, 0.1};
  constexpr std::string_view kSpamTlds[] = {"top", "xyz", "biz", "info"};
  const size_t first_free = kTenantStems + kPartnerStems;
  for (int attempts = 0; w.orgs.size() < 800 && attempts < 20000; ++attempts) {
    const std::string_view stem = stems[first_free + rng.Below(stems.size() - first_free)];
    const OrgKind kind = kKinds[rng.Weighted(kKindWeights)];
    std::string domain = kind == OrgKind::kSpammer
                             ? fmt::format("{}{}.{}", stem, rng.Digits(2),
                                           kSpamTlds[rng.Below(std::size(kSpamTlds))])
                             : CorporateDomain(rng, stem);
    if (!seen.insert(domain).second) continue;
    bool near = false;
    for (const std::string& p : protected_domains) near = near || LookalikeDistance(domain, p) < 4;
    if (near) continue;
    w.orgs.push_back(MakeOrg(rng, std::move(domain), kind));
  }
  return w;
}

}  // namespace vigil::gen
