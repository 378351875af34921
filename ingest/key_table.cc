// key_table.cc: building the per-shape lookup tables.
#include "ingest/key_table.h"

#include <array>
#include <bit>

#include "base/check.h"
#include "ingest/mappings.h"

namespace vigil::ingest {
namespace {

struct ShapeInfo {
  std::string_view name;
  std::string_view feed;
  std::span<const KeyRule> (*rules)();
};

constexpr std::array<ShapeInfo, kShapeCount> kShapes = {{
    {"api1_siem", "siem", &mappings::Api1Siem},
    {"api2_siem", "siem", &mappings::Api2Siem},
    {"cloud_integrated", "cloud_integrated", &mappings::Api2Siem},
    {"ttp_url", "ttp_log", &mappings::TtpUrl},
    {"ttp_attachment", "ttp_log", &mappings::TtpAttachment},
    {"ttp_impersonation", "ttp_log", &mappings::TtpImpersonation},
    {"dlp", "dlp_log", &mappings::Dlp},
    {"audit", "audit_log", &mappings::Audit},
    {"release", "release_log", &mappings::Release},
    {"archive_search", "archive_log", &mappings::ArchiveSearch},
    {"rejection", "rejection_log", &mappings::Rejection},
}};

}  // namespace

KeyTable::KeyTable(std::span<const KeyRule> rules) {
  slots_.assign(std::bit_ceil(rules.size() * 4 + 1), Slot{});
  const size_t mask = slots_.size() - 1;
  for (const KeyRule& r : rules) {
    VIGIL_CHECK_MSG(Find(r.key) == nullptr, r.key);
    const uint64_t h = columnar::HashBytes(r.key);
    size_t i = h & mask;
    while (slots_[i].rule != nullptr) i = (i + 1) & mask;
    slots_[i] = Slot{&r, static_cast<uint32_t>(h >> 32)};
  }
}

std::span<const KeyRule> RulesFor(Shape s) { return kShapes[static_cast<size_t>(s)].rules(); }
std::string_view ShapeName(Shape s) { return kShapes[static_cast<size_t>(s)].name; }
std::string_view FeedOf(Shape s) { return kShapes[static_cast<size_t>(s)].feed; }

const KeyTable& TableFor(Shape s) {
  static const std::array<KeyTable, kShapeCount>* tables = [] {
    return new std::array<KeyTable, kShapeCount>{KeyTable(RulesFor(Shape::kApi1Siem)),
                                                 KeyTable(RulesFor(Shape::kApi2Siem)),
                                                 KeyTable(RulesFor(Shape::kCloudIntegrated)),
                                                 KeyTable(RulesFor(Shape::kTtpUrl)),
                                                 KeyTable(RulesFor(Shape::kTtpAttachment)),
                                                 KeyTable(RulesFor(Shape::kTtpImpersonation)),
                                                 KeyTable(RulesFor(Shape::kDlp)),
                                                 KeyTable(RulesFor(Shape::kAudit)),
                                                 KeyTable(RulesFor(Shape::kRelease)),
                                                 KeyTable(RulesFor(Shape::kArchiveSearch)),
                                                 KeyTable(RulesFor(Shape::kRejection))};
  }();
  return (*tables)[static_cast<size_t>(s)];
}

}  // namespace vigil::ingest
