// wire.h: the little-endian binary encoding the pack format is built from. The reader checks
// every length against the bytes left, so a truncated or hostile input yields an error, never
// an out-of-bounds read or a huge allocation.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace vigil::bytecode {

class WireWriter {
 public:
  void U8(uint8_t v) { out_.push_back(static_cast<char>(v)); }
  void U16(uint16_t v) { Raw(&v, 2); }
  void U32(uint32_t v) { Raw(&v, 4); }
  void U64(uint64_t v) { Raw(&v, 8); }
  void I64(int64_t v) { Raw(&v, 8); }
  void F64(double v) { Raw(&v, 8); }
  void Str(std::string_view s) {
    U32(static_cast<uint32_t>(s.size()));
    out_.append(s);
  }
  void Bytes(const void* p, size_t n) { out_.append(static_cast<const char*>(p), n); }
  std::string& out() { return out_; }

 private:
  void Raw(const void* p, size_t n) { out_.append(static_cast<const char*>(p), n); }  // x86-64: LE
  std::string out_;
};

class WireReader {
 public:
  explicit WireReader(std::string_view in) : in_(in) {}
  bool ok() const { return ok_; }
  const std::string& error() const { return error_; }
  size_t remaining() const { return in_.size() - pos_; }

  uint8_t U8() { return Take<uint8_t>(); }
  uint16_t U16() { return Take<uint16_t>(); }
  uint32_t U32() { return Take<uint32_t>(); }
  uint64_t U64() { return Take<uint64_t>(); }
  int64_t I64() { return Take<int64_t>(); }
  double F64() { return Take<double>(); }
  std::string Str() {
    const uint32_t n = U32();
    if (!Need(n, "string")) return {};
    std::string s(in_.substr(pos_, n));
    pos_ += n;
    return s;
  }
  // A count of items each at least `min_item_bytes` long (rejects counts the input cannot hold).
  uint32_t Count(size_t min_item_bytes, const char* what) {
    const uint32_t n = U32();
    if (ok_ && min_item_bytes > 0 && n > remaining() / min_item_bytes) Fail(std::string("implausible ") + what + " count");
    return ok_ ? n : 0;
  }
  void Fail(std::string message) {
    if (ok_) error_ = std::move(message);
    ok_ = false;
  }

 private:
  bool Need(size_t n, const char* what) {
    if (ok_ && remaining() < n) Fail(std::string("truncated ") + what);
    return ok_;
  }
  template <typename T>
  T Take() {
    T v{};
    if (!Need(sizeof(T), "number")) return v;
    std::memcpy(&v, in_.data() + pos_, sizeof(T));
    pos_ += sizeof(T);
    return v;
  }

  std::string_view in_;
  size_t pos_ = 0;
  bool ok_ = true;
  std::string error_;
};

}  // namespace vigil::bytecode
