// pack_gen.cc: lists, rules and tenants of generated packs.
#include "tests/diff/pack_gen.h"

#include <re2/re2.h>

#include "stdlib/lists/declared.h"

namespace vigil::difftest {

using schema::EventType;

namespace {

const std::vector<std::string> kListKinds = {"string", "email", "domain", "int",
                                             "cidr",   "regex", "glob",   "ioc"};
const std::vector<std::string> kZones = {"UTC", "Asia/Tokyo", "America/New_York", "Asia/Kolkata"};

// Event types with many fields are picked more often.
EventType PickHome(Rng& rng) {
  static const std::vector<EventType> kTypes = {
      EventType::kReceipt,   EventType::kReceipt,       EventType::kProcess,
      EventType::kProcess,   EventType::kUrlProtect,    EventType::kCiMessage,
      EventType::kDelivery,  EventType::kImpersonation, EventType::kAv,
      EventType::kAudit,     EventType::kRelease,       EventType::kAttachmentProtect,
      EventType::kRejection, EventType::kArchiveSearch, EventType::kIep,
      EventType::kCiAuth,    EventType::kDlp,           EventType::kSpam,
      EventType::kJournal};
  return rng.Pick(kTypes);
}

// One raw entry of a list of `kind` (the text a list builder takes).
std::string RawEntry(Rng& rng, const std::string& kind, ValuePool& pool) {
  if (kind == "email") return NearMiss(rng, RandomWord(rng) + "@" + RandomWord(rng) + ".com");
  if (kind == "domain") return NearMiss(rng, RandomWord(rng) + ".com");
  if (kind == "int") return std::to_string(rng.Range(0, 12));
  if (kind == "cidr") return rng.Chance(0.5) ? RandomNetwork(rng) : RandomIp(rng);
  if (kind == "regex") return RegexFrom(rng, RandomWord(rng));
  if (kind == "glob") return WildcardFrom(rng, RandomWord(rng));
  if (kind == "ioc") {
    static const std::vector<std::string> kIocs = {"evil.com",
                                                   "acme.com",
                                                   "10.1.2.3",
                                                   "192.168.1.7",
                                                   "d41d8cd98f00b204e9800998ecf8427e",
                                                   "http://evil.com/x",
                                                   "2001:db8::1",
                                                   "mail.evil.com"};
    return rng.Pick(kIocs);
  }
  if (!pool.strings.empty() && rng.Chance(0.3)) return NearMiss(rng, rng.Pick(pool.strings));
  return RandomString(rng);
}

// The source text of a raw entry in a list of `kind`.
std::string EntryText(const std::string& kind, const std::string& raw) {
  if (kind == "int") return raw;
  if (kind == "cidr" && raw.find(':') == std::string::npos) return raw;
  return Quote(raw);
}

void RecordInPool(const std::string& kind, const std::string& raw, ValuePool& pool) {
  if (kind == "int") {
    pool.ints.push_back(std::stoll(raw));
  } else if (kind == "cidr") {
    (raw.find('/') != std::string::npos ? pool.networks : pool.ips).push_back(raw);
  } else {
    pool.strings.push_back(raw);
  }
}

GenList MakeList(Rng& rng, size_t index, ValuePool& pool) {
  GenList l;
  l.kind = rng.Pick(kListKinds);
  l.tenant = rng.Chance(0.35);
  l.name = (l.tenant ? "tl" : "pl") + std::to_string(index);
  const bool defaults = !l.tenant || rng.Chance(0.5);
  const size_t n = defaults ? 1 + rng.Below(5) : 0;
  for (size_t i = 0; i < n; ++i) {
    std::string raw = RawEntry(rng, l.kind, pool);
    if (!raw.empty() || l.kind == "string") {
      l.raw.push_back(raw);
      l.entries.push_back(EntryText(l.kind, raw));
      RecordInPool(l.kind, raw, pool);
    }
  }
  if (l.tenant && rng.Chance(0.6)) {
    l.configured = true;
    const size_t m = rng.Below(5);
    for (size_t i = 0; i < m; ++i) {
      std::string raw = RawEntry(rng, l.kind, pool);
      RecordInPool(l.kind, raw, pool);
      l.tenant_values.push_back(raw);
    }
  }
  l.regex_safe = l.glob_safe = true;
  for (const std::string& raw : l.raw) {
    RE2::Options opts;
    opts.set_log_errors(false);
    l.regex_safe = l.regex_safe && RE2(raw, opts).ok();
    l.glob_safe = l.glob_safe && raw.find('\\') == std::string::npos;
  }
  return l;
}

std::string ListText(const GenList& l) {
  std::string out = (l.tenant ? "tenant list " : "list ") + l.name + ": " + l.kind;
  if (!l.tenant || !l.entries.empty()) {
    out += " = [";
    for (size_t i = 0; i < l.entries.size(); ++i) out += (i ? ", " : "") + l.entries[i];
    out += "]";
  }
  return out + "\n";
}

}  // namespace

std::string RuleText(const GenRule& rule) {
  std::string on;
  for (EventType t : rule.events)
    on += (on.empty() ? "" : ", ") + std::string(schema::Event(t).name);
  std::string out = "rule " + rule.id + " {\n  title \"t\"\n  description \"d\"\n  class expel\n" +
                    "  severity low\n  on " + on + "\n  when " + rule.when.Render() + "\n";
  if (rule.aggregate) out += "  aggregate by tenant over 10m having count() >= 2\n";
  return out + "}\n";
}

std::string GenPack::Source() const {
  std::string out;
  for (const GenList& l : lists) out += ListText(l);
  for (const GenRule& r : rules) out += RuleText(r);
  return out;
}

std::string GenPack::SourceWith(const GenRule& rule) const {
  std::string out;
  for (const GenList& l : lists) out += ListText(l);
  return out + RuleText(rule);
}

GenPack GeneratePack(Rng& rng, const PackOptions& options) {
  GenPack pack;
  pack.home = PickHome(rng);
  pack.time_zone = rng.Pick(kZones);
  const size_t lists = rng.Below(6);
  for (size_t i = 0; i < lists; ++i) pack.lists.push_back(MakeList(rng, i, pack.pool));
  const size_t rules = 1 + rng.Below(options.max_rules);
  for (size_t i = 0; i < rules; ++i) {
    GenRule r;
    r.id = "t.r" + std::to_string(i);
    r.events = {pack.home};
    if (rng.Chance(0.15)) {
      const EventType other = PickHome(rng);
      if (other != pack.home) r.events.push_back(other);
    }
    schema::EventMask mask = 0;
    for (EventType t : r.events) mask |= schema::MaskOf(t);
    RuleGen gen(rng, pack.pool, pack.lists, mask);
    r.when =
        gen.Condition(static_cast<int>(rng.Below(static_cast<uint64_t>(options.max_depth) + 1)));
    r.aggregate = rng.Chance(0.05);
    pack.rules.push_back(std::move(r));
  }
  return pack;
}

std::unique_ptr<GenTenant> MakeTenant(const GenPack& pack, columnar::HistoryProvider* history) {
  auto t = std::make_unique<GenTenant>();
  t->context.tenant = "acme";
  t->context.time_zone = pack.time_zone;
  t->context.history = history;
  for (const GenList& l : pack.lists) {
    if (!l.tenant || !l.configured) continue;
    std::vector<std::string> errors;
    t->owned.push_back(stdlib::BuildDeclaredList(l.kind, l.tenant_values, "tenant", &errors));
    t->context.lists[l.name] = t->owned.back().get();
  }
  return t;
}

}  // namespace vigil::difftest
