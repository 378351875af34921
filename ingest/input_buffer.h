// input_buffer.h: bounded buffering over a ByteSource: peeking for format detection, splitting
// into lines (with simdjson's padding after every line) and reading a whole document.
// Memory never exceeds the record/document limit plus one read chunk: an over-long line is
// skipped to its newline without being stored.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "ingest/byte_source.h"

namespace vigil::ingest {

// Bytes readable after any view handed out by InputBuffer (simdjson's SIMDJSON_PADDING).
inline constexpr size_t kInputPadding = 64;

struct Line {
  std::string_view text;  // without '\n' and a trailing '\r'; only a prefix when oversize
  uint64_t offset = 0;    // byte offset of the line's first byte
  uint64_t size = 0;      // full length of the line in bytes (without the newline)
  bool oversize = false;  // longer than the limit: text holds its first bytes only
  size_t readable = 0;    // bytes readable from text.data(): >= text.size() + kInputPadding
};

class InputBuffer {
 public:
  // `max_line`: the longest line returned whole; `keep_prefix`: bytes kept of a longer one.
  InputBuffer(ByteSource* source, size_t max_line, size_t keep_prefix);

  // The next up to n unread bytes (fewer at the end of input), without consuming them.
  std::string_view Peek(size_t n);
  // The next line; false at end of input (check source_error() then).
  bool NextLine(Line* line);
  // Consumes the rest of the input as one document of at most `limit` bytes. Returns false
  // when it is larger (the input is then drained; *size holds its full length).
  bool ReadRest(size_t limit, std::string_view* doc, size_t* readable, uint64_t* size);
  // Byte offset of the next unread byte.
  uint64_t offset() const { return base_ + begin_; }
  uint64_t bytes_read() const { return bytes_read_; }
  SourceError source_error() const { return source_->error(); }
  const std::string& source_message() const { return source_->message(); }

 private:
  // Reads more input after end_, compacting and growing up to `want` bytes of capacity.
  // Returns false at end of input.
  bool Fill(size_t want);
  void Reserve(size_t cap);
  bool SkipOversize(Line* line);

  ByteSource* source_;
  size_t max_line_;
  size_t keep_prefix_;
  std::unique_ptr<char[]> buf_;
  size_t cap_ = 0;     // usable bytes; kInputPadding more are allocated
  size_t begin_ = 0;   // first unread byte
  size_t end_ = 0;     // one past the last buffered byte
  size_t scan_ = 0;    // newline search resumes here
  uint64_t base_ = 0;  // input offset of buf_[0]
  uint64_t bytes_read_ = 0;
  bool eof_ = false;
  std::string prefix_;  // the kept prefix of an oversize line
};

}  // namespace vigil::ingest
