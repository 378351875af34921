// arena.cc: chunked arena allocation.
#include "vm/columnar/arena.h"

#include <algorithm>
#include <cstring>

namespace vigil::columnar {

char* Arena::AllocateSlow(size_t n) {
  // The chunks after current_ are empty: fill the first that holds n bytes, else a new one.
  size_t i = next_ == nullptr ? 0 : current_ + 1;
  while (i < chunks_.size() && chunks_[i].size < n) ++i;
  if (i == chunks_.size()) {
    Chunk c;
    c.size = std::max(chunk_size_, n);
    c.data = std::make_unique<char[]>(c.size);
    chunks_.push_back(std::move(c));
  }
  current_ = i;
  next_ = chunks_[i].data.get() + n;
  end_ = chunks_[i].data.get() + chunks_[i].size;
  used_total_ += n;
  return chunks_[i].data.get();
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
  current_ = 0;
  used_total_ = 0;
  next_ = chunks_.empty() ? nullptr : chunks_[0].data.get();
  end_ = chunks_.empty() ? nullptr : next_ + chunks_[0].size;
}

}  // namespace vigil::columnar
