// byte_source.cc: POSIX file reads, istream/memory adapters and a zlib inflating wrapper.
#include "ingest/byte_source.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <cerrno>
#include <cstring>
#include <vector>

namespace vigil::ingest {
namespace {

class FdSource final : public ByteSource {
 public:
  FdSource(int fd, bool owned) : fd_(fd), owned_(owned) {}
  ~FdSource() override {
    if (owned_) ::close(fd_);
  }
  size_t Read(char* dst, size_t n) override {
    for (;;) {
      const ssize_t r = ::read(fd_, dst, n);
      if (r >= 0) return static_cast<size_t>(r);
      if (errno == EINTR) continue;
      Fail(SourceError::kIo, std::strerror(errno));
      return 0;
    }
  }

 private:
  int fd_;
  bool owned_;
};

class MemSource final : public ByteSource {
 public:
  explicit MemSource(std::string_view bytes) : bytes_(bytes) {}
  size_t Read(char* dst, size_t n) override {
    const size_t k = std::min(n, bytes_.size() - pos_);
    std::memcpy(dst, bytes_.data() + pos_, k);
    pos_ += k;
    return k;
  }

 private:
  std::string_view bytes_;
  size_t pos_ = 0;
};

class StreamSource final : public ByteSource {
 public:
  explicit StreamSource(std::istream& in) : in_(in) {}
  size_t Read(char* dst, size_t n) override {
    if (!in_.good()) return 0;
    in_.read(dst, static_cast<std::streamsize>(n));
    if (in_.bad()) Fail(SourceError::kIo, "stream read failed");
    return static_cast<size_t>(in_.gcount());
  }

 private:
  std::istream& in_;
};

bool IsGzipMagic(const unsigned char* p, size_t n) {
  return n >= 2 && p[0] == 0x1f && p[1] == 0x8b;
}

bool IsZlibMagic(const unsigned char* p, size_t n) {
  return n >= 2 && p[0] == 0x78 && (p[0] * 256 + p[1]) % 31 == 0 &&
         (p[1] == 0x01 || p[1] == 0x5e || p[1] == 0x9c || p[1] == 0xda);
}

// Passes bytes through, or inflates them when the input starts with a gzip/zlib header.
class Inflater final : public ByteSource {
 public:
  explicit Inflater(std::unique_ptr<ByteSource> inner)
      : inner_(std::move(inner)), in_(std::make_unique_for_overwrite<char[]>(kChunk)) {
    Refill();
    const auto* p = reinterpret_cast<const unsigned char*>(in_.get());
    inflate_ = IsGzipMagic(p, in_len_) || IsZlibMagic(p, in_len_);
    if (inflate_) inflating_ = inflateInit2(&zs_, 15 + 32) == Z_OK;
  }
  ~Inflater() override {
    if (inflating_) inflateEnd(&zs_);
  }
  size_t Read(char* dst, size_t n) override { return inflate_ ? Inflate(dst, n) : Pass(dst, n); }

 private:
  static constexpr size_t kChunk = 256 * 1024;

  void Refill() {
    in_pos_ = 0;
    in_len_ = inner_->Read(in_.get(), kChunk);
    if (inner_->error() != SourceError::kNone) Fail(inner_->error(), inner_->message());
  }

  size_t Pass(char* dst, size_t n) {
    if (in_pos_ == in_len_ && error() == SourceError::kNone) {
      // The peeked chunk is drained: read straight into the caller's buffer.
      const size_t k = inner_->Read(dst, n);
      if (inner_->error() != SourceError::kNone) Fail(inner_->error(), inner_->message());
      return k;
    }
    const size_t k = std::min(n, in_len_ - in_pos_);
    std::memcpy(dst, in_.get() + in_pos_, k);
    in_pos_ += k;
    return k;
  }

  size_t Inflate(char* dst, size_t n);
  // After the end of one gzip member: true when another member follows.
  bool NextMember();

  std::unique_ptr<ByteSource> inner_;
  std::unique_ptr<char[]> in_;  // one read chunk (not zeroed: only bytes read are used)
  size_t in_pos_ = 0;
  size_t in_len_ = 0;
  bool inflate_ = false;
  bool inflating_ = false;
  bool done_ = false;
  z_stream zs_{};
};

bool Inflater::NextMember() {
  if (in_pos_ == in_len_) Refill();
  if (in_len_ == 0) return false;
  const auto* p = reinterpret_cast<const unsigned char*>(in_.get() + in_pos_);
  for (size_t i = in_pos_; i < in_len_; ++i) {
    if (in_[i] != 0) break;
    if (i + 1 == in_len_) return false;  // zero padding after the last member
  }
  if (in_len_ - in_pos_ >= 2 && !IsGzipMagic(p, in_len_ - in_pos_)) {
    Fail(SourceError::kDecompress, "trailing bytes after the compressed stream");
    return false;
  }
  inflateReset(&zs_);
  return true;
}

size_t Inflater::Inflate(char* dst, size_t n) {
  if (!inflating_) {
    if (error() == SourceError::kNone) Fail(SourceError::kDecompress, "inflateInit failed");
    return 0;
  }
  zs_.next_out = reinterpret_cast<Bytef*>(dst);
  zs_.avail_out = static_cast<uInt>(std::min<size_t>(n, 1u << 30));
  while (zs_.avail_out > 0 && !done_ && error() == SourceError::kNone) {
    if (in_pos_ == in_len_) {
      Refill();
      if (in_len_ == 0) {
        if (error() == SourceError::kNone)
          Fail(SourceError::kDecompress, "compressed stream is cut");
        break;
      }
    }
    zs_.next_in = reinterpret_cast<Bytef*>(in_.get() + in_pos_);
    zs_.avail_in = static_cast<uInt>(in_len_ - in_pos_);
    const int rc = inflate(&zs_, Z_NO_FLUSH);
    in_pos_ = in_len_ - zs_.avail_in;
    if (rc == Z_STREAM_END) {
      done_ = !NextMember();
    } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
      Fail(SourceError::kDecompress, zs_.msg != nullptr ? zs_.msg : "corrupt compressed stream");
    }
  }
  return n - zs_.avail_out;
}

}  // namespace

std::unique_ptr<ByteSource> OpenFileSource(const std::string& path, std::string* error) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    *error = std::strerror(errno);
    return nullptr;
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0 || S_ISDIR(st.st_mode)) {
    *error = S_ISDIR(st.st_mode) ? "is a directory" : std::strerror(errno);
    ::close(fd);
    return nullptr;
  }
  return std::make_unique<FdSource>(fd, true);
}

std::unique_ptr<ByteSource> StdinSource() { return std::make_unique<FdSource>(0, false); }

std::unique_ptr<ByteSource> MemorySource(std::string_view bytes) {
  return std::make_unique<MemSource>(bytes);
}

std::unique_ptr<ByteSource> IstreamSource(std::istream& in) {
  return std::make_unique<StreamSource>(in);
}

std::unique_ptr<ByteSource> Decompressing(std::unique_ptr<ByteSource> inner) {
  return std::make_unique<Inflater>(std::move(inner));
}

}  // namespace vigil::ingest
