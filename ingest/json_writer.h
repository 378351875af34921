// json_writer.h: a small streaming JSON writer for ingest's outputs (dead letters, stats,
// normalized events). Always produces valid JSON: invalid UTF-8 becomes U+FFFD and control
// characters are escaped, so raw log bytes can be embedded safely.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace vigil::ingest {

class JsonWriter {
 public:
  JsonWriter& BeginObject();
  JsonWriter& EndObject();
  JsonWriter& BeginArray();
  JsonWriter& EndArray();
  // Writes an object key; the next call writes its value.
  JsonWriter& Key(std::string_view key);
  JsonWriter& String(std::string_view s);
  JsonWriter& Int(int64_t v);
  JsonWriter& Double(double v);
  JsonWriter& Bool(bool v);
  JsonWriter& Null();

  const std::string& str() const { return out_; }
  // Returns the text and leaves the writer empty.
  std::string Take();

 private:
  void Separate();
  std::string out_;
  std::vector<bool> first_;  // per open container: no element written yet
  bool after_key_ = false;
};

// Appends s to out as a JSON string literal (quotes included).
void AppendJsonString(std::string_view s, std::string* out);

}  // namespace vigil::ingest
