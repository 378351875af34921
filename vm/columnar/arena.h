// arena.h: a chunked byte arena owning the string bytes of one batch; views stay valid until
// Reset(). Part of vm/columnar (the VM's input format, written by ingest).
#pragma once

#include <cstring>
#include <memory>
#include <string_view>
#include <utility>
#include <vector>

namespace vigil::columnar {

class Arena {
 public:
  explicit Arena(size_t chunk_size = 64 * 1024) : chunk_size_(chunk_size) {}
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;

  // Copies s into the arena; the view lives until Reset().
  std::string_view Copy(std::string_view s) {
    if (s.empty()) return {};
    char* p = Allocate(s.size());
    std::memcpy(p, s.data(), s.size());
    return {p, s.size()};
  }
  // Copies s lower-casing ASCII letters.
  std::string_view CopyLower(std::string_view s);
  // Reserves n writable bytes (valid until Reset()).
  char* Allocate(size_t n) {
    if (static_cast<size_t>(end_ - next_) < n) return AllocateSlow(n);
    char* p = next_;
    next_ += n;
    used_total_ += n;
    return p;
  }
  // Drops every string; keeps the chunks for reuse (a batch refilled to the same size
  // allocates nothing).
  void Reset();
  size_t bytes_used() const { return used_total_; }
  // Exchanges contents with `other`; views into either stay valid (chunks do not move).
  void Swap(Arena& other) noexcept {
    std::swap(chunk_size_, other.chunk_size_);
    chunks_.swap(other.chunks_);
    std::swap(current_, other.current_);
    std::swap(used_total_, other.used_total_);
    std::swap(next_, other.next_);
    std::swap(end_, other.end_);
  }

 private:
  struct Chunk {
    std::unique_ptr<char[]> data;
    size_t size = 0;
  };
  // Moves to a chunk with n free bytes (a later one, or a new one) and allocates there.
  char* AllocateSlow(size_t n);

  size_t chunk_size_;
  std::vector<Chunk> chunks_;
  size_t current_ = 0;  // chunks_[current_] is being filled; later ones are empty
  size_t used_total_ = 0;
  // The free bytes of chunks_[current_] (none before the first allocation).
  char* next_ = nullptr;
  char* end_ = nullptr;
};

}  // namespace vigil::columnar
