// input_buffer.cc: chunked reads, line splitting and oversize skipping.
#include "ingest/input_buffer.h"

#include <algorithm>
#include <cstring>

namespace vigil::ingest {
namespace {

constexpr size_t kChunk = 1 << 20;

}  // namespace

InputBuffer::InputBuffer(ByteSource* source, size_t max_line, size_t keep_prefix)
    : source_(source), max_line_(std::max<size_t>(max_line, 1)), keep_prefix_(keep_prefix) {
  Reserve(std::min(kChunk, max_line_ + 1));
}

void InputBuffer::Reserve(size_t cap) {
  if (cap <= cap_) return;
  // Not zeroed: only bytes read from the source are ever handed out, and the padding after a
  // view may hold anything (simdjson reads it, never depends on it).
  auto fresh = std::make_unique_for_overwrite<char[]>(cap + kInputPadding);
  if (end_ > begin_) std::memcpy(fresh.get(), buf_.get() + begin_, end_ - begin_);
  base_ += begin_;
  end_ -= begin_;
  scan_ -= begin_;
  begin_ = 0;
  buf_ = std::move(fresh);
  cap_ = cap;
}

bool InputBuffer::Fill(size_t want) {
  if (eof_) return false;
  if (begin_ > 0 && (end_ == cap_ || begin_ >= cap_ / 2)) {
    std::memmove(buf_.get(), buf_.get() + begin_, end_ - begin_);
    base_ += begin_;
    end_ -= begin_;
    scan_ -= begin_;
    begin_ = 0;
  }
  if (end_ == cap_) Reserve(want);
  if (end_ == cap_) return false;
  const size_t n = source_->Read(buf_.get() + end_, cap_ - end_);
  if (n == 0) {
    eof_ = true;
    return false;
  }
  end_ += n;
  bytes_read_ += n;
  std::memset(buf_.get() + end_, 0, std::min(kInputPadding, cap_ + kInputPadding - end_));
  return true;
}

std::string_view InputBuffer::Peek(size_t n) {
  while (end_ - begin_ < n && Fill(std::max(n, cap_))) {
  }
  return {buf_.get() + begin_, std::min(n, end_ - begin_)};
}

bool InputBuffer::NextLine(Line* line) {
  for (;;) {
    const char* start = buf_.get() + begin_;
    const char* from = buf_.get() + std::max(scan_, begin_);
    const auto* nl = static_cast<const char*>(std::memchr(from, '\n', buf_.get() + end_ - from));
    const size_t have = end_ - begin_;
    if (nl == nullptr && !eof_) {
      if (have > max_line_) return SkipOversize(line);
      scan_ = end_;
      if (Fill(std::min(max_line_ + 1, std::max(cap_ * 2, kChunk))) || eof_) continue;
      return SkipOversize(line);  // the buffer cannot grow: the line is over the limit
    }
    if (nl == nullptr && have == 0) return false;
    const size_t len = nl != nullptr ? static_cast<size_t>(nl - start) : have;
    if (len > max_line_) return SkipOversize(line);
    line->offset = base_ + begin_;
    line->size = len;
    line->oversize = false;
    line->text = {start, len > 0 && start[len - 1] == '\r' ? len - 1 : len};
    line->readable = cap_ + kInputPadding - begin_;
    begin_ += len + (nl != nullptr ? 1 : 0);
    scan_ = begin_;
    return true;
  }
}

bool InputBuffer::SkipOversize(Line* line) {
  line->offset = base_ + begin_;
  prefix_.clear();
  uint64_t size = 0;
  for (;;) {
    const char* from = buf_.get() + begin_;
    const auto* nl = static_cast<const char*>(std::memchr(from, '\n', end_ - begin_));
    const size_t part = nl != nullptr ? static_cast<size_t>(nl - from) : end_ - begin_;
    if (prefix_.size() < keep_prefix_) {
      prefix_.append(from, std::min(part, keep_prefix_ - prefix_.size()));
    }
    size += part;
    if (nl != nullptr) {
      begin_ += part + 1;
      break;
    }
    base_ += end_;
    begin_ = end_ = scan_ = 0;
    if (!Fill(cap_)) break;
  }
  scan_ = begin_;
  line->size = size;
  line->oversize = true;
  line->text = prefix_;
  line->readable = prefix_.size();
  return true;
}

bool InputBuffer::ReadRest(size_t limit, std::string_view* doc, size_t* readable, uint64_t* size) {
  while (end_ - begin_ <= limit && Fill(std::min(limit + 1, std::max(cap_ * 2, kChunk)))) {
  }
  if (end_ - begin_ > limit) {
    uint64_t total = end_ - begin_;
    prefix_.assign(buf_.get() + begin_, std::min(keep_prefix_, end_ - begin_));
    base_ += end_;
    begin_ = end_ = scan_ = 0;
    while (Fill(cap_)) {
      total += end_;
      base_ += end_;
      end_ = 0;
    }
    *doc = prefix_;
    *readable = prefix_.size();
    *size = total;
    return false;
  }
  *doc = {buf_.get() + begin_, end_ - begin_};
  *readable = cap_ + kInputPadding - begin_;
  *size = end_ - begin_;
  begin_ = scan_ = end_;
  return true;
}

}  // namespace vigil::ingest
