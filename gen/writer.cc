// writer.cc: file names, envelopes and offsets of the generated logs.
#include "gen/writer.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "gen/ids.h"

namespace vigil::gen {
namespace {

// API 1.0 SIEM file prefixes (the log type is the file name's) and API 2.0 type names.
constexpr std::string_view kV1Prefix[] = {"receipt", "process",         "delivery", "jrnl",
                                          "av",      "spameventthread", "iep",      "impersonation",
                                          "ttp_url", "ttp_ap"};
constexpr std::string_view kV2Name[] = {"receipt", "process",   "delivery", "journal",
                                        "av",      "spam",      "iep",      "impersonation",
                                        "url",     "attachment"};
// Feed files: name, and the key that holds the records inside "data" ("" for data[] itself).
struct FeedFile {
  std::string_view name, items;
};
constexpr FeedFile kFeeds[] = {{"ttp-url-click-logs", "clickLogs"},
                               {"ttp-attachment-logs", "attachmentLogs"},
                               {"ttp-impersonation-logs", "impersonationLogs"},
                               {"dlp-logs", "dlpLogs"},
                               {"audit-events", ""},
                               {"message-release-logs", ""},
                               {"archive-search-logs", "logs"}};

bool WriteFile(const std::filesystem::path& path, const std::string& text, std::string* error) {
  std::FILE* f = std::fopen(path.string().c_str(), "wb");
  if (f == nullptr) {
    *error = "cannot write " + path.string();
    return false;
  }
  const bool ok = std::fwrite(text.data(), 1, text.size(), f) == text.size();
  if (std::fclose(f) != 0 || !ok) {
    *error = "cannot write " + path.string();
    return false;
  }
  return true;
}

}  // namespace

std::string Writer::FileName(Stream s, int64_t chunk_start) const {
  const size_t i = static_cast<size_t>(s);
  const std::string stamp = FileStamp(chunk_start);
  if (IsSiemStream(s)) {
    switch (format_) {
      case Format::kApi1Json:
        return fmt::format("{}_{}.json", kV1Prefix[i], stamp);
      case Format::kApi1Kv:
        return fmt::format("{}_{}.log", kV1Prefix[i], stamp);
      case Format::kApi2:
        return fmt::format("cg_{}_{}.ndjson", kV2Name[i], stamp);
    }
  }
  return fmt::format("{}_{}.json", kFeeds[i - static_cast<size_t>(Stream::kTtpUrlLog)].name, stamp);
}

void Writer::Compose(Stream s, const std::vector<const Record*>& records, const std::string& rel,
                     std::string* text) {
  std::string close;
  std::string_view separator = "\n";
  if (!IsSiemStream(s)) {
    const FeedFile& feed = kFeeds[static_cast<size_t>(s) - static_cast<size_t>(Stream::kTtpUrlLog)];
    *text = fmt::format(
        "{{\"meta\":{{\"status\":200,\"pagination\":{{\"pageSize\":{},\"totalCount\":{}}}}},"
        "\"data\":[",
        records.size(), records.size());
    if (!feed.items.empty()) *text += fmt::format("{{\"{}\":[", feed.items);
    *text += "\n";
    close = feed.items.empty() ? "\n],\"fail\":[]}\n" : "\n]}],\"fail\":[]}\n";
    separator = ",\n";
  } else if (format_ == Format::kApi1Json) {
    *text = "{\"type\":\"MTA\",\"data\":[\n";
    close = "\n]}\n";
    separator = ",\n";
  } else {
    close = "\n";
  }
  for (size_t i = 0; i < records.size(); ++i) {
    if (i > 0) *text += separator;
    const Record& r = *records[i];
    if (r.scenario >= 0) {
      truth_.push_back(
          {r.scenario, rel, text->size(), std::string(StreamEventType(s)), r.message_id});
    }
    *text += r.body;
  }
  *text += close;
}

bool Writer::WriteChunk(const std::string& tenant_dir, int64_t chunk_start,
                        std::vector<Record>* records, std::string* error) {
  if (records->empty()) return true;
  std::stable_sort(records->begin(), records->end(),
                   [](const Record& a, const Record& b) { return a.ts < b.ts; });
  std::vector<std::vector<const Record*>> by_stream(kStreamCount);
  for (const Record& r : *records) by_stream[static_cast<size_t>(r.stream)].push_back(&r);
  const std::string chunk_dir = tenant_dir + "/" + ChunkStamp(chunk_start);
  std::error_code ec;
  std::filesystem::create_directories(std::filesystem::path(dir_) / chunk_dir, ec);
  if (ec) {
    *error =
        "cannot create " + (std::filesystem::path(dir_) / chunk_dir).string() + ": " + ec.message();
    return false;
  }
  for (size_t s = 0; s < kStreamCount; ++s) {
    if (by_stream[s].empty()) continue;
    const Stream stream = static_cast<Stream>(s);
    const std::string rel = chunk_dir + "/" + FileName(stream, chunk_start);
    std::string text;
    Compose(stream, by_stream[s], rel, &text);
    if (!WriteFile(std::filesystem::path(dir_) / rel, text, error)) return false;
    ++stats_.files;
    stats_.bytes += text.size();
    stats_.records += by_stream[s].size();
    stats_.by_type[std::string(StreamEventType(stream))] += by_stream[s].size();
  }
  return true;
}

}  // namespace vigil::gen
