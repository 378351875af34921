// parallel_corpus.cc: the scratch corpus of the parallel ingest tests (parallel_corpus.h).
#include "tests/ingest/parallel_corpus.h"

#include <gtest/gtest.h>
#include <unistd.h>
#include <zlib.h>

#include <fstream>
#include <sstream>
#include <vector>

#include "tests/ingest/test_sink.h"

namespace vigil::ingest::testing {
namespace {

namespace fs = std::filesystem;

void Write(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
}

void WriteGzip(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  gzFile gz = gzopen(p.c_str(), "wb");
  gzwrite(gz, text.data(), static_cast<unsigned>(text.size()));
  gzclose(gz);
}

// The lines of the API 2.0 fixtures: several event types.
std::vector<std::string> FixtureLines() {
  std::vector<std::string> lines;
  for (const char* name : {"api2_more_types.ndjson", "receipt_parity_v2.ndjson"}) {
    std::istringstream in(ReadFile(Fixture(name)));
    for (std::string line; std::getline(in, line);) {
      if (!line.empty()) lines.push_back(line + "\n");
    }
  }
  return lines;
}

// `n` records mixing receipts and the fixtures' types, in an order that depends on `seed`.
std::string MixedNdjson(int n, int seed) {
  const std::vector<std::string> fixtures = FixtureLines();
  std::string out;
  for (int i = 0; i < n; ++i) {
    const int k = (i * 7 + seed * 3) % 11;
    out += k < static_cast<int>(fixtures.size()) ? fixtures[k] : ReceiptLine(i + seed * 1000);
  }
  return out;
}

}  // namespace

void WriteParallelCorpus(const fs::path& dir, int scale) {
  fs::remove_all(dir);
  for (int f = 0; f < 5; ++f) {
    Write(dir / "api2" / ("siem_" + std::to_string(f) + ".ndjson"),
          MixedNdjson(37 * scale + 9 * f, f));
  }
  const std::string kv = ReadFile(Fixture("process_20240101000000000.log"));
  Write(dir / "api1" / "a" / "process_20240101000000000.log", kv + kv + kv);
  Write(dir / "api1" / "b" / "process_20240102000000000.log", kv);
  Write(dir / "page" / "api2_page.json", ReadFile(Fixture("api2_page.json")));
  WriteGzip(dir / "gz" / "siem_9.ndjson.gz", MixedNdjson(53 * scale, 9));
  std::string gz_bytes = ReadFile((dir / "gz" / "siem_9.ndjson.gz").string());
  Write(dir / "gz" / "siem_cut.ndjson.gz", gz_bytes.substr(0, gz_bytes.size() / 2));
  Write(dir / "bad" / "malformed.ndjson",
        ReceiptLine(1) + "{\"type\":\"receipt\",\n" + "not json at all\n" +
            "{\"type\":\"receipt\"}}\n" + ReceiptLine(2) +
            R"({"type":"no_such_event","timestamp":1})" + "\n" +
            R"({"type":"receipt","accountId":"C1"})" + "\n" + ReceiptLine(3) + "[1,2]\n");
  Write(dir / "bad" / "empty.ndjson", "");
  Write(dir / "bad" / "notes.txt", "these are not logs\n");
  fs::create_symlink(dir / "nowhere", dir / "bad" / "dangling.log");  // io_error
  fs::create_directory_symlink(dir / "api2", dir / "gz" / "loop");    // read once, as api2
}

fs::path ScratchDir(const std::string& prefix) {
  const fs::path dir =
      fs::temp_directory_path() / (prefix + std::to_string(::getpid()) + "_" +
                                   ::testing::UnitTest::GetInstance()->current_test_info()->name());
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

}  // namespace vigil::ingest::testing
