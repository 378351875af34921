// gen_util.cc: the helpers of gen_util.h.
#include "tests/gen/gen_util.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

namespace vigil::gen::testing {
namespace {

namespace fs = std::filesystem;

// Keeps each row's provenance and a few fields the proportion tests look at.
class RowSink final : public ingest::Sink {
 public:
  RowSink(std::string dir, Ingested* out) : dir_(std::move(dir)), out_(out) {}
  void set_files(const std::vector<std::string>* files) { files_ = files; }

  void OnBatch(columnar::Batch& batch) override {
    const std::string type(schema::Event(batch.type()).name);
    const columnar::Column* dir = batch.column(schema::FieldId::kDirection);
    const columnar::Column* domain = batch.column(schema::FieldId::kSenderDomain);
    const columnar::Column* action = batch.column(schema::FieldId::kAction);
    for (size_t i = 0; i < batch.size(); ++i) {
      const columnar::RowSource& src = batch.sources()[i];
      std::string file = (*files_)[src.file];
      if (file.starts_with(dir_)) file = file.substr(dir_.size());
      out_->rows.emplace(file, src.offset, type);
      if (batch.type() != schema::EventType::kReceipt || dir->IsNull(i)) continue;
      const std::string direction(dir->GetString(i));
      ++out_->directions[direction];
      if (direction == "inbound" && !action->IsNull(i) && action->GetString(i) == "accept" &&
          !domain->IsNull(i)) {
        ++out_->inbound_sender_domains[std::string(domain->GetString(i))];
      }
    }
  }
  void OnDeadLetter(const ingest::DeadLetter& letter) override { (void)letter; }

 private:
  const std::vector<std::string>* files_ = nullptr;
  std::string dir_;
  Ingested* out_;
};

}  // namespace

TempDir::TempDir(const std::string& name) {
  path_ =
      (fs::temp_directory_path() / ("vigil_gen_" + name + "_" + std::to_string(getpid()))).string();
  fs::remove_all(path_);
  fs::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

GenSummary GenerateOrDie(const GenOptions& o, const std::string& dir) {
  GenSummary summary;
  std::string error;
  EXPECT_TRUE(Generate(o, dir, &summary, &error)) << error;
  return summary;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::map<std::string, std::string> ReadTree(const std::string& dir) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file())
      out[fs::relative(e.path(), dir).string()] = ReadFile(e.path().string());
  }
  return out;
}

Ingested IngestGenerated(const std::string& dir) {
  Ingested out;
  ingest::Options options;
  RowSink sink(dir + "/", &out);
  ingest::Ingestor ingestor(options, &sink);
  sink.set_files(&ingestor.files());
  EXPECT_TRUE(ingestor.IngestPath(dir + "/logs"));
  ingestor.Flush();
  out.stats = ingestor.stats();
  return out;
}

}  // namespace vigil::gen::testing
