// raw_record.h: one source record as its keys and values, before normalization. Every reader
// (JSON, key=value, CSV) produces this shape-independent view; the classifier and the
// normalizer consume it. Views point into parser or input buffers and live for one record.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace vigil::ingest {

// Records with more keys are quarantined (Mimecast records have fewer than 100): bounds the
// memory one record can take in RawRecord::fields.
inline constexpr size_t kMaxRecordFields = 4096;

enum class RawKind : uint8_t { kNull, kString, kNumber, kBool, kObject, kArray };

struct RawField {
  std::string_view key;
  // kString: the unescaped text (a view of the input itself when it holds no escapes); kNumber: the
  // number token; kBool: "true"/"false"; kObject/kArray: the raw JSON text (readable with
  // kInputPadding bytes after it when `padded`); kNull: empty.
  std::string_view text;
  RawKind kind = RawKind::kNull;
  bool padded = false;
};

struct RawRecord {
  std::vector<RawField> fields;  // in source order; reused across records
  std::string_view raw;          // the record's bytes as they appear in the input
  uint64_t offset = 0;           // byte offset of the record in its input
  int api_hint = 0;              // 1 or 2 when the container or format fixes the generation

  void Clear() {
    fields.clear();
    raw = {};
    offset = 0;
    api_hint = 0;
  }
  // The first field named `key`, or nullptr.
  const RawField* Find(std::string_view key) const {
    for (const RawField& f : fields) {
      if (f.key.size() == key.size() && f.key == key) return &f;
    }
    return nullptr;
  }
  // The text of `key` when it is a non-empty string, else "".
  std::string_view StringOf(std::string_view key) const {
    const RawField* f = Find(key);
    return f != nullptr && f->kind == RawKind::kString ? f->text : std::string_view();
  }
};

}  // namespace vigil::ingest
