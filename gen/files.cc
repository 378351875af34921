// files.cc: attachment types, names, sizes and hashes.
#include "gen/files.h"

#include <fmt/format.h>

#include "gen/vocab.h"
#include "gen/world.h"

namespace vigil::gen {
namespace {

struct Type {
  std::string_view ext, mime;
  double weight;
  double mu;  // log-normal of the size in bytes
};

constexpr Type kTypes[] = {
    {"pdf", "application/pdf", 0.38, 11.8},
    {"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", 0.18, 10.9},
    {"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", 0.14, 10.6},
    {"pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation", 0.05,
     13.2},
    {"png", "image/png", 0.09, 11.0},
    {"jpg", "image/jpeg", 0.08, 11.9},
    {"csv", "text/csv", 0.03, 9.5},
    {"zip", "application/zip", 0.05, 12.5},
};

constexpr std::pair<std::string_view, std::string_view> kOtherMimes[] = {
    {"exe", "application/x-msdownload"},
    {"dll", "application/x-msdownload"},
    {"scr", "application/x-msdownload"},
    {"js", "application/javascript"},
    {"vbs", "text/vbscript"},
    {"hta", "application/hta"},
    {"html", "text/html"},
    {"htm", "text/html"},
    {"iso", "application/x-iso9660-image"},
    {"img", "application/octet-stream"},
    {"one", "application/onenote"},
    {"lnk", "application/x-ms-shortcut"},
    {"xlsm", "application/vnd.ms-excel.sheet.macroEnabled.12"},
    {"docm", "application/vnd.ms-word.document.macroEnabled.12"},
    {"doc", "application/msword"},
    {"xls", "application/vnd.ms-excel"},
    {"txt", "text/plain"},
    {"7z", "application/x-7z-compressed"},
};

std::string ExtOf(const std::string& name) {
  const size_t dot = name.rfind('.');
  return dot == std::string::npos ? "" : name.substr(dot + 1);
}

}  // namespace

std::string MimeOf(const std::string& ext) {
  for (const Type& t : kTypes) {
    if (t.ext == ext) return std::string(t.mime);
  }
  for (const auto& [e, m] : kOtherMimes) {
    if (e == ext) return std::string(m);
  }
  return "application/octet-stream";
}

Attachment MakeFile(const std::string& name, int64_t size, uint64_t salt) {
  Attachment a;
  a.name = name;
  a.ext = ExtOf(name);
  a.mime = MimeOf(a.ext);
  a.size = size;
  Rng h(HashText(name) ^ (static_cast<uint64_t>(size) * 0x9e3779b97f4a7c15ULL) ^ salt);
  a.md5 = h.Hex(32);
  a.sha1 = h.Hex(40);
  a.sha256 = h.Hex(64);
  return a;
}

Attachment BenignFile(Rng& rng) {
  double weights[std::size(kTypes)];
  for (size_t i = 0; i < std::size(kTypes); ++i) weights[i] = kTypes[i].weight;
  const Type& t = kTypes[rng.Weighted(weights)];
  const std::string_view stem = rng.Pick(vocab::DocumentStems());
  std::string name;
  switch (rng.Below(4)) {
    case 0:
      name = fmt::format("{}.{}", stem, t.ext);
      break;
    case 1:
      name = fmt::format("{}_{}.{}", stem, rng.Digits(4), t.ext);
      break;
    case 2:
      name = fmt::format("{} {}.{}", Capitalize(std::string(stem)), rng.Range(2023, 2024), t.ext);
      break;
    default:
      name = fmt::format("{}-v{}.{}", stem, rng.Range(1, 4), t.ext);
      break;
  }
  return MakeFile(name, rng.LogNormal(t.mu, 0.9, 2000, 18'000'000), rng.Next());
}

}  // namespace vigil::gen
