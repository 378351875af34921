// checkpoint.cc: the checkpoint file: magic, version, size, CRC-32, body.
#include "runtime/checkpoint.h"

#include <fcntl.h>
#include <unistd.h>
#include <zlib.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "vm/bytecode/wire.h"

namespace vigil::runtime {
namespace {

constexpr char kMagic[8] = {'V', 'I', 'G', 'I', 'L', 'C', 'K', '\0'};
constexpr uint32_t kVersion = 2;  // 2: content hashes (alert ids) are XXH3
constexpr size_t kHeader = 8 + 4 + 8 + 4;

uint32_t Crc(std::string_view s) {
  uLong crc = crc32(0L, Z_NULL, 0);
  for (size_t off = 0; off < s.size();) {
    const auto n = static_cast<uInt>(std::min<size_t>(s.size() - off, 1u << 30));
    crc = crc32(crc, reinterpret_cast<const Bytef*>(s.data() + off), n);
    off += n;
  }
  return static_cast<uint32_t>(crc);
}

bool WriteAll(int fd, const std::string& bytes) {
  size_t off = 0;
  while (off < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + off, bytes.size() - off);
    if (n <= 0) return false;
    off += static_cast<size_t>(n);
  }
  return true;
}

std::string Path(const std::string& dir) {
  return (std::filesystem::path(dir) / "checkpoint.vgs").string();
}

}  // namespace

bool WriteCheckpoint(const std::string& dir, const Checkpoint& c, std::string* error) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  bytecode::WireWriter body;
  body.U64(c.fingerprint);
  body.U8(c.complete ? 1 : 0);
  body.U32(static_cast<uint32_t>(c.positions.size()));
  for (const auto& [input, done] : c.positions) {
    body.Str(input);
    body.U64(done);
  }
  body.Str(c.ingest_stats);
  body.Str(c.runner_state);
  body.U64(c.alerts_bytes);
  body.U64(c.dead_letter_bytes);
  bytecode::WireWriter head;
  head.Bytes(kMagic, 8);
  head.U32(kVersion);
  head.U64(body.out().size());
  head.U32(Crc(body.out()));
  const std::string bytes = head.out() + body.out();
  const std::string path = Path(dir), tmp = path + ".tmp";
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd < 0 || !WriteAll(fd, bytes) || ::fsync(fd) != 0) {
    if (fd >= 0) ::close(fd);
    *error = "cannot write " + tmp + ": " + std::strerror(errno);
    return false;
  }
  ::close(fd);
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    *error = "cannot replace " + path + ": " + std::strerror(errno);
    return false;
  }
  const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (dfd >= 0) {
    ::fsync(dfd);
    ::close(dfd);
  }
  return true;
}

CheckpointStatus ReadCheckpoint(const std::string& dir, Checkpoint* c, std::string* error) {
  const std::string path = Path(dir);
  std::ifstream in(path, std::ios::binary);
  if (!in) return CheckpointStatus::kNone;
  std::stringstream buf;
  buf << in.rdbuf();
  const std::string bytes = buf.str();
  auto corrupt = [&](const std::string& why) {
    *error = path + ": " + why;
    return CheckpointStatus::kCorrupt;
  };
  if (bytes.size() < kHeader || std::memcmp(bytes.data(), kMagic, 8) != 0)
    return corrupt("not a vigil state file");
  bytecode::WireReader head(std::string_view(bytes).substr(8, kHeader - 8));
  const uint32_t version = head.U32();
  const uint64_t size = head.U64();
  const uint32_t crc = head.U32();
  if (version != kVersion)
    return corrupt("state format version " + std::to_string(version) + " is not supported");
  const std::string_view body = std::string_view(bytes).substr(kHeader);
  if (size != body.size()) return corrupt("truncated state file");
  if (Crc(body) != crc) return corrupt("state checksum mismatch (the file is corrupted)");
  bytecode::WireReader r(body);
  c->fingerprint = r.U64();
  c->complete = r.U8() != 0;
  const uint32_t n = r.Count(12, "input");
  for (uint32_t i = 0; i < n && r.ok(); ++i) {
    std::string input = r.Str();
    c->positions[input] = r.U64();
  }
  c->ingest_stats = r.Str();
  c->runner_state = r.Str();
  c->alerts_bytes = r.U64();
  c->dead_letter_bytes = r.U64();
  if (!r.ok() || r.remaining() != 0) return corrupt("malformed state file: " + r.error());
  return CheckpointStatus::kLoaded;
}

}  // namespace vigil::runtime
