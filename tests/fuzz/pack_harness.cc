// pack_harness.cc: decode, verify, load and run one pack over fixed batches (pack_harness.h).
#include "tests/fuzz/pack_harness.h"

#include <zlib.h>

#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <utility>

#include "base/ip.h"
#include "schema/schema.h"
#include "vm/bytecode/serializer.h"
#include "vm/bytecode/verifier.h"
#include "vm/columnar/batch.h"
#include "vm/columnar/batch_builder.h"
#include "vm/exec/loaded_pack.h"
#include "vm/exec/vm.h"

namespace vigil::fuzz {
namespace {

using columnar::Batch;
using columnar::BatchBuilder;
using schema::FieldId;
using schema::FieldInfo;
using schema::ScalarType;
using schema::Shape;

// serializer.h: magic 8 | version 4 | flags 4 | body size 8 | CRC-32 of body 4 | 0 4.
constexpr size_t kHeaderSize = 32;
constexpr size_t kVersionAt = 8;
constexpr size_t kSizeAt = 16;
constexpr size_t kCrcAt = 24;

// Answers history calls from a map, so history instructions run too.
class MapHistory final : public columnar::HistoryProvider {
 public:
  bool FirstSeen(uint32_t site, const std::string& keys, int64_t, int64_t) override {
    return seen_[{site, keys}]++ == 0;
  }
  int64_t Prevalence(uint32_t site, const std::string& keys, int64_t, int64_t) override {
    return seen_[{site, keys}]++;
  }

 private:
  std::map<std::pair<uint32_t, std::string>, int64_t> seen_;
};

// One row's value of field `f` (variant 0 or 1; an odd field is left null in variant 1).
void SetValue(BatchBuilder& w, const FieldInfo& f, int variant) {
  static const std::array<std::string_view, 2> kStrings = {"inbound", "Invoice PAYMENT due"};
  static const std::array<std::string_view, 2> kEmails = {"ceo@example.com", "x@gmail.com"};
  static const std::array<std::string_view, 2> kDomains = {"example.com", "mail.gmail.com"};
  const bool member = f.shape == Shape::kMember;
  switch (f.type) {
    case ScalarType::kBool:
    case ScalarType::kInt:
    case ScalarType::kTimestamp:
    case ScalarType::kDuration: {
      const int64_t v = variant == 0 ? 1717243200000 : 3;
      member ? w.SetMemberInt(f.id, v) : w.SetInt(f.id, f.type == ScalarType::kBool ? variant : v);
      break;
    }
    case ScalarType::kFloat:
      w.SetFloat(f.id, variant == 0 ? 4.5 : -0.0);
      break;
    case ScalarType::kIp:
      if (auto ip = base::ParseIp(variant == 0 ? "10.1.2.3" : "2001:db8::1")) {
        w.SetIp(f.id, *ip);
      }
      break;
    case ScalarType::kCidr:
      break;
    case ScalarType::kString:
    case ScalarType::kEmail:
    case ScalarType::kDomain: {
      const auto& pool = f.type == ScalarType::kEmail    ? kEmails
                         : f.type == ScalarType::kDomain ? kDomains
                                                         : kStrings;
      if (f.shape == Shape::kArray) {
        w.AppendArrayString(f.id, pool[variant]);
        w.AppendArrayString(f.id, "new_domain");
      } else {
        member ? w.SetMemberString(f.id, pool[variant]) : w.SetString(f.id, pool[variant]);
      }
      break;
    }
  }
}

// A batch of `type` with three rows: typical values, other values with gaps, all null.
std::unique_ptr<Batch> FixedBatch(schema::EventType type) {
  auto batch = std::make_unique<Batch>(type, 8);
  BatchBuilder w(batch.get());
  for (int variant = 0; variant < 2; ++variant) {
    w.BeginRow({});
    for (const FieldInfo& f : schema::AllFields()) {
      if (!f.HasEvent(type) || f.shape == Shape::kMember) continue;
      if (variant == 1 && static_cast<int>(f.id) % 2 == 1) continue;
      if (f.shape != Shape::kRecords) {
        SetValue(w, f, variant);
        continue;
      }
      for (int rec = 0; rec < 2; ++rec) {
        w.AppendRecord(f.id);
        for (FieldId m : schema::MembersOf(f.id)) {
          SetValue(w, schema::Field(m), (variant + rec) % 2);
        }
      }
    }
  }
  w.BeginRow({});
  return batch;
}

const std::unique_ptr<Batch>& BatchFor(schema::EventType type) {
  static std::array<std::unique_ptr<Batch>, schema::kEventTypeCount> batches;
  auto& b = batches[static_cast<size_t>(type)];
  if (b == nullptr) b = FixedBatch(type);
  return b;
}

}  // namespace

PackOutcome LoadAndRunPack(std::string_view bytes) {
  bytecode::PackFile pack;
  std::string error;
  if (!bytecode::Deserialize(bytes, &pack, &error)) return PackOutcome::kNotDecoded;
  if (!bytecode::Verify(pack.exe).empty()) return PackOutcome::kNotVerified;
  const auto loaded = vm::LoadedPack::Load(std::move(pack.exe), &error);
  if (loaded == nullptr) return PackOutcome::kNotLoaded;
  vm::Vm vm(*loaded);
  MapHistory history;
  columnar::TenantContext tenant;
  tenant.history = &history;
  for (const bytecode::Program& p : loaded->exe().programs) {
    columnar::MatchSet out;
    vm.Run(*BatchFor(p.event_type), tenant, &out);
  }
  return PackOutcome::kRan;
}

std::string FixPackHeader(std::string bytes) {
  if (bytes.size() < kHeaderSize) return bytes;
  const uint64_t size = bytes.size() - kHeaderSize;
  const auto crc = static_cast<uint32_t>(crc32(
      0L, reinterpret_cast<const Bytef*>(bytes.data() + kHeaderSize), static_cast<uInt>(size)));
  for (int i = 0; i < 4; ++i) {
    bytes[kVersionAt + i] = static_cast<char>(bytecode::kPackFormatVersion >> (8 * i));
  }
  for (int i = 0; i < 8; ++i) bytes[kSizeAt + i] = static_cast<char>(size >> (8 * i));
  for (int i = 0; i < 4; ++i) bytes[kCrcAt + i] = static_cast<char>(crc >> (8 * i));
  return bytes;
}

}  // namespace vigil::fuzz
