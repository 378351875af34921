// arena.cc: chunked arena allocation.
#include "vm/columnar/arena.h"

#include <algorithm>
#include <cstring>

namespace vigil::columnar {

char* Arena::Allocate(size_t n) {
  if (chunks_.empty() || chunks_.back().size - chunks_.back().used < n) {
    Chunk c;
    c.size = std::max(chunk_size_, n);
    c.data = std::make_unique<char[]>(c.size);
    chunks_.push_back(std::move(c));
  }
  Chunk& c = chunks_.back();
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
  if (chunks_.size() > 1) {
    // Keep the largest chunk so steady-state batches do not allocate.
    auto largest = std::max_element(chunks_.begin(), chunks_.end(),
                                     [](const Chunk& a, const Chunk& b) { return a.size < b.size; });
    Chunk keep = std::move(*largest);
    chunks_.clear();
    chunks_.push_back(std::move(keep));
  }
  if (!chunks_.empty()) chunks_.front().used = 0;
  used_total_ = 0;
}

}  // namespace vigil::columnar
