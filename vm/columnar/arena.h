// arena.h: a chunked byte arena owning the string bytes of one batch; views stay valid until
// Reset(). Part of vm/columnar (the VM's input format, written by ingest).
#pragma once

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
  std::string_view Copy(std::string_view s);
  // Copies s lower-casing ASCII letters.
  std::string_view CopyLower(std::string_view s);
  // Reserves n writable bytes (valid until Reset()).
  char* Allocate(size_t n);
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
  }

 private:
  struct Chunk {
    std::unique_ptr<char[]> data;
    size_t size = 0;
    size_t used = 0;
  };
  size_t chunk_size_;
  std::vector<Chunk> chunks_;
  size_t current_ = 0;  // chunks_[current_] is being filled; later ones are empty
  size_t used_total_ = 0;
};

}  // namespace vigil::columnar
