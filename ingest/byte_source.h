// byte_source.h: where ingest's bytes come from: files, stdin, istreams, memory, with gzip and
// zlib streams inflated on the fly (detected by their magic bytes, whatever the file name).
// Feeds the line and document readers; never holds more than one chunk of input.
#pragma once

#include <cstddef>
#include <istream>
#include <memory>
#include <string>
#include <string_view>

namespace vigil::ingest {

enum class SourceError : uint8_t { kNone, kIo, kDecompress };

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Reads up to n bytes into dst and returns how many; 0 means end of input or an error
  // (then error() != kNone and message() says what happened).
  virtual size_t Read(char* dst, size_t n) = 0;
  SourceError error() const { return error_; }
  const std::string& message() const { return message_; }

 protected:
  void Fail(SourceError e, std::string message) {
    error_ = e;
    message_ = std::move(message);
  }

 private:
  SourceError error_ = SourceError::kNone;
  std::string message_;
};

// Opens a regular file (or a FIFO/character device); nullptr with *error set on failure.
std::unique_ptr<ByteSource> OpenFileSource(const std::string& path, std::string* error);
// Standard input (file descriptor 0).
std::unique_ptr<ByteSource> StdinSource();
// Bytes owned by the caller, which must outlive the source.
std::unique_ptr<ByteSource> MemorySource(std::string_view bytes);
// A std::istream owned by the caller.
std::unique_ptr<ByteSource> IstreamSource(std::istream& in);
// Inflates gzip (multi-member) or zlib input; passes anything else through unchanged.
std::unique_ptr<ByteSource> Decompressing(std::unique_ptr<ByteSource> inner);

}  // namespace vigil::ingest
