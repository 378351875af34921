// stix.cc: STIX 2.0 pattern parsing and the Mimecast feed loader.
#include "stdlib/lists/stix.h"

#include <algorithm>
#include <map>

#include "base/strings.h"
#include "stdlib/lists/records.h"

namespace vigil::stdlib {
namespace {

bool PathType(std::string_view path, IocType* type) {
  std::string p = base::AsciiLower(base::Trim(path));
  std::erase(p, '\'');
  std::erase(p, '"');
  if (p == "file:hashes.sha-256" || p == "file:hashes.sha256")
    return *type = IocType::kSha256, true;
  if (p == "file:hashes.sha-1" || p == "file:hashes.sha1") return *type = IocType::kSha1, true;
  if (p == "file:hashes.md5") return *type = IocType::kMd5, true;
  if (p == "ipv4-addr:value" || p == "ipv6-addr:value") return *type = IocType::kCidr, true;
  if (p == "domain-name:value") return *type = IocType::kDomain, true;
  if (p == "url:value") return *type = IocType::kUrl, true;
  if (p == "email-addr:value" || p == "email-message:from_ref.value") {
    return *type = IocType::kEmail, true;
  }
  return false;
}

std::string Str(const nlohmann::json& o, const char* key) {
  auto it = o.find(key);
  return it != o.end() && it->is_string() ? it->get<std::string>() : std::string();
}

void AddLabels(const nlohmann::json& o, std::vector<std::string>* labels) {
  auto it = o.find("labels");
  if (it == o.end() || !it->is_array()) return;
  for (const auto& l : *it) {
    if (l.is_string() &&
        std::find(labels->begin(), labels->end(), l.get<std::string>()) == labels->end()) {
      labels->push_back(l.get<std::string>());
    }
  }
}

// "attachment; filename=\"x.stix\"" -> "x.stix"
std::string FeedFile(const std::string& disposition) {
  const size_t at = disposition.find("filename=");
  if (at == std::string::npos) return {};
  std::string f = disposition.substr(at + 9);
  std::erase(f, '"');
  return std::string(base::Trim(f));
}

}  // namespace

bool ParseStixPattern(std::string_view pattern, std::vector<StixComparison>* out) {
  out->clear();
  size_t i = 0, path_start = std::string_view::npos;
  while (i < pattern.size()) {
    const char c = pattern[i];
    if (c == '[') {
      path_start = i + 1;
      ++i;
    } else if (c == '\'') {  // a quoted path component or a value: skip it whole
      size_t j = i + 1;
      std::string value;
      for (; j < pattern.size() && pattern[j] != '\''; ++j) {
        if (pattern[j] == '\\' && j + 1 < pattern.size()) ++j;
        value += pattern[j];
      }
      if (j >= pattern.size()) {  // unterminated quote
        out->clear();
        return false;
      }
      const std::string_view before = path_start == std::string_view::npos
                                          ? std::string_view()
                                          : base::Trim(pattern.substr(path_start, i - path_start));
      if (path_start != std::string_view::npos && before.ends_with("=") &&
          !before.ends_with("!=")) {
        IocType type;
        StixComparison cmp;
        if (PathType(before.substr(0, before.size() - 1), &type) &&
            NormalizeIndicator(type, value, &cmp.value)) {
          cmp.type = type == IocType::kCidr && cmp.value.find('/') == std::string::npos
                         ? IocType::kIp
                         : type;
          out->push_back(std::move(cmp));
        }
        path_start = std::string_view::npos;
      }
      i = j + 1;
    } else if (c == ']') {
      path_start = std::string_view::npos;
      ++i;
    } else if (path_start == std::string_view::npos &&
               (pattern.substr(i, 3) == "AND" || pattern.substr(i, 10) == "FOLLOWEDBY")) {
      out->clear();
      return false;
    } else {
      ++i;
    }
  }
  return !out->empty();
}

LoadResult LoadStixText(std::string_view text, std::string_view name, std::string_view source) {
  LoadResult result;
  std::vector<JsonRecord> records;
  std::string error;
  if (!ReadJsonRecords(text, &records, &error)) {
    result.errors.push_back(std::string(name) + ":" + error);
    return result;
  }
  std::map<std::string, const nlohmann::json*> malware;  // id -> object
  std::multimap<std::string, std::string> indicates;     // indicator id -> malware id
  for (const JsonRecord& r : records) {
    if (!r.value.is_object()) continue;
    const std::string type = Str(r.value, "type");
    if (type == "malware") malware[Str(r.value, "id")] = &r.value;
    if (type == "relationship" && Str(r.value, "relationship_type") == "indicates") {
      indicates.emplace(Str(r.value, "source_ref"), Str(r.value, "target_ref"));
    }
  }
  std::vector<Indicator> indicators;
  for (const JsonRecord& r : records) {
    if (!r.value.is_object() || Str(r.value, "type") != "indicator") continue;
    const std::string id = Str(r.value, "id"), pattern = Str(r.value, "pattern");
    std::vector<StixComparison> values;
    if (pattern.empty()) {
      result.errors.push_back(std::string(name) + ":" + std::to_string(r.line) + ": indicator " +
                              id + " has no pattern");
      continue;
    }
    if (!ParseStixPattern(pattern, &values)) {
      ++result.skipped;
      continue;
    }
    Indicator base_ind;
    base_ind.source = std::string(source);
    base_ind.first_seen = Str(r.value, "valid_from");
    AddLabels(r.value, &base_ind.labels);
    auto [lo, hi] = indicates.equal_range(id);
    for (auto it = lo; it != hi; ++it) {
      auto m = malware.find(it->second);
      if (m == malware.end()) continue;
      const std::string mname = Str(*m->second, "name");
      if (!mname.empty())
        base_ind.description += (base_ind.description.empty() ? "" : "; ") + mname;
      AddLabels(*m->second, &base_ind.labels);
    }
    for (const char* key : {"created", "modified"}) {
      if (!Str(r.value, key).empty()) base_ind.extra.emplace_back(key, Str(r.value, key));
    }
    base_ind.extra.emplace_back("stix_id", id);
    const std::string feed = FeedFile(Str(r.value, "Content-Disposition"));
    if (!feed.empty()) base_ind.extra.emplace_back("feed_file", feed);
    for (StixComparison& v : values) {
      Indicator ind = base_ind;
      ind.type = v.type;
      ind.value = std::move(v.value);
      indicators.push_back(std::move(ind));
    }
  }
  result.list = std::make_unique<IocList>(std::move(indicators));
  return result;
}

LoadResult LoadStixFile(const std::string& path, std::string_view source) {
  std::string text, error;
  if (!ReadFileToString(path, &text, &error)) {
    LoadResult r;
    r.errors.push_back(error);
    return r;
  }
  return LoadStixText(text, path, source);
}

}  // namespace vigil::stdlib
