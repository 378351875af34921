// run_test_util.h: helpers for runtime tests: temporary directories, files, and a run of
// `vigil run` in-process returning its alerts and statistics.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "runtime/run.h"

namespace vigil::testing {

inline std::string TempDir(const std::string& name) {
  const auto dir =
      std::filesystem::temp_directory_path() / ("vigil_" + name + "_" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir.string();
}

inline void WriteFile(const std::string& path, const std::string& text) {
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

inline std::vector<nlohmann::json> ReadLines(const std::string& path) {
  std::vector<nlohmann::json> out;
  std::istringstream in(ReadFile(path));
  for (std::string line; std::getline(in, line);) out.push_back(nlohmann::json::parse(line));
  return out;
}

struct RunOutput {
  int exit_code = 0;
  std::vector<nlohmann::json> alerts;
  nlohmann::json stats;
  std::string alerts_text;
};

inline RunOutput RunVigil(runtime::RunOptions o, const std::string& dir) {
  o.output = dir + "/alerts.jsonl";
  o.stats_json = dir + "/stats.json";
  o.summary = false;
  RunOutput r;
  r.exit_code = runtime::Run(o, nullptr);
  if (std::filesystem::exists(o.output)) {
    r.alerts_text = ReadFile(o.output);
    r.alerts = ReadLines(o.output);
  }
  if (std::filesystem::exists(o.stats_json))
    r.stats = nlohmann::json::parse(ReadFile(o.stats_json));
  return r;
}

inline std::string SamplesDir() {
  for (const std::string& d :
       {std::string(VIGIL_SAMPLES_DIR), std::string("/work/shared/data/mimecast")}) {
    if (std::filesystem::is_directory(d)) return d;
  }
  return VIGIL_SAMPLES_DIR;
}

// A minimal rule with the metadata sema requires.
inline std::string Rule(const std::string& id, const std::string& body,
                        const std::string& extra_meta = "") {
  return "rule " + id + " {\n title \"t\"\n description \"d\"\n class expel\n severity low\n" +
         extra_meta + body + "\n}\n";
}

}  // namespace vigil::testing
