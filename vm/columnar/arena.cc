// arena.cc: chunked arena allocation.
#include "vm/columnar/arena.h"

#include <algorithm>
#include <cstring>

namespace vigil::columnar {

char* Arena::Allocate(size_t n) {
  while (current_ < chunks_.size() && chunks_[current_].size - chunks_[current_].used < n) {
    if (current_ + 1 == chunks_.size()) break;
    ++current_;
  }
  if (chunks_.empty() || chunks_[current_].size - chunks_[current_].used < n) {
    Chunk c;
    c.size = std::max(chunk_size_, n);
    c.data = std::make_unique<char[]>(c.size);
    chunks_.push_back(std::move(c));
    current_ = chunks_.size() - 1;
  }
  Chunk& c = chunks_[current_];
  char* p = c.data.get() + c.used;
  c.used += n;
  used_total_ += n;
  return p;
}

std::string_view Arena::Copy(std::string_view s) {
  if (s.empty()) return {};
  char* p = Allocate(s.size());
  std::memcpy(p, s.data(), s.size());
  return {p, s.size()};
}

std::string_view Arena::CopyLower(std::string_view s) {
  if (s.empty()) return {};
  char* p = Allocate(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    p[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  }
  return {p, s.size()};
}

void Arena::Reset() {
  for (Chunk& c : chunks_) c.used = 0;
  current_ = 0;
  used_total_ = 0;
}

}  // namespace vigil::columnar
