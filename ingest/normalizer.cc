// normalizer.cc: the per-record loop (look each key up in the shape's table, apply its
// coercion), the derived fields and the required-field check.
#include "ingest/normalizer.h"

#include "ingest/json_writer.h"
#include "ingest/normalize_context.h"
#include "ingest/stats.h"
#include "ingest/values.h"

namespace vigil::ingest {

using schema::EventType;
using schema::FieldId;

namespace {

bool Apply(const KeyRule& r, const RawField& f, NormalizeContext& c) {
  switch (r.coerce) {
    case Coerce::kIgnore:
      return true;
    case Coerce::kString:
      return CoerceString(r, f, c);
    case Coerce::kLower:
      return CoerceLower(r, f, c);
    case Coerce::kInt:
    case Coerce::kDuration:
      return CoerceInt(r, f, c);
    case Coerce::kBool:
      return CoerceBool(r, f, c);
    case Coerce::kTimestamp:
      return CoerceTimestamp(r, f, c);
    case Coerce::kIp:
    case Coerce::kIpByType:
      return CoerceIp(r, f, c);
    case Coerce::kAction:
      return CoerceAction(r, f, c);
    case Coerce::kHoldReason:
      return CoerceHoldReason(r, f, c);
    case Coerce::kDirection:
      return CoerceDirection(r, f, c);
    case Coerce::kRouteOrDirection:
      return CoerceRouteOrDirection(r, f, c);
    case Coerce::kSender:
      return CoerceSender(r, f, c);
    case Coerce::kFrom:
      return CoerceFrom(r, f, c);
    case Coerce::kUser:
      return CoerceUser(r, f, c);
    case Coerce::kRecipients:
      return CoerceRecipients(r, f, c);
    case Coerce::kDomainWeak:
      return CoerceDomainWeak(r, f, c);
    case Coerce::kSpamInfo:
      return CoerceSpamInfo(r, f, c);
    case Coerce::kSpamDetail:
      return CoerceSpamDetail(r, f, c);
    case Coerce::kAttachments:
      return CoerceAttachments(r, f, c);
    case Coerce::kFileName:
      return CoerceFileName(r, f, c);
    case Coerce::kFileExt:
      return CoerceFileExt(r, f, c);
    case Coerce::kHash:
      return CoerceLower(r, f, c);
    case Coerce::kUrl:
      return CoerceUrl(r, f, c);
    case Coerce::kStringArray:
      return CoerceStringArray(r, f, c, false);
    case Coerce::kLowerArray:
      return CoerceStringArray(r, f, c, true);
    case Coerce::kIdentifiers:
      return CoerceIdentifiers(r, f, c);
    case Coerce::kImpFlag:
      return CoerceImpFlag(r, f, c);
    case Coerce::kImpResults:
      return CoerceImpResults(r, f, c);
    case Coerce::kAnalysis:
      return CoerceAnalysis(r, f, c);
    case Coerce::kTagMap:
      return CoerceTagMap(r, f, c);
    case Coerce::kPolicies:
      return CoercePolicies(r, f, c);
    case Coerce::kAuthResults:
      return CoerceAuthResults(r, f, c);
    case Coerce::kAuditInfo:
      return CoerceAuditInfo(r, f, c);
    case Coerce::kTlsVersion:
      return CoerceTlsVersion(r, f, c);
  }
  return true;
}

// Fields computed from other fields once every key has been applied.
void Derive(const Route& route, NormalizeContext& c) {
  StagedRow& row = *c.row;
  DeriveRootDomains(c);
  if (const size_t n = row.CountOf(FieldId::kRecipients); n > 0) {
    row.SetInt(FieldId::kRecipientCount, static_cast<int64_t>(n));
  }
  if (row.Has(FieldId::kAttachmentCount) || row.CountOf(FieldId::kAttachments) > 0) {
    const int64_t n = row.Has(FieldId::kAttachmentCount)
                          ? row.GetInt(FieldId::kAttachmentCount)
                          : static_cast<int64_t>(row.CountOf(FieldId::kAttachments));
    row.SetInt(FieldId::kAttachmentCount, n, true);
    row.SetInt(FieldId::kHasAttachments, n > 0, true);
  }
  if (route.type == EventType::kReceipt && (c.tls_seen || row.Has(FieldId::kTlsVersion))) {
    row.SetInt(FieldId::kTlsUsed, row.Has(FieldId::kTlsVersion), true);
  }
  if (c.identifiers_seen) {
    row.MarkPresent(FieldId::kIdentifiers);
    for (int i = 0; i < kIdentifierCount; ++i) {
      if (c.identifiers & (1u << i)) row.AppendString(FieldId::kIdentifiers, kIdentifierWords[i]);
    }
  }
  if (route.api != 0) row.SetInt(FieldId::kApi, route.api);
  row.SetWord(FieldId::kFeed, FeedOf(route.shape));
}

}  // namespace

bool Normalizer::Normalize(const RawRecord& record, const Route& route, StagedRow* row,
                           Failure* failure) {
  row->Reset();
  scratch_.Reset();
  domains_.Trim();
  NormalizeContext c{row, &scratch_, &domains_, &nested_, failure, route.type};
  LayoutMemo& layout = layouts_[static_cast<size_t>(route.type)];
  for (size_t i = 0; i < record.fields.size(); ++i) {
    const RawField& f = record.fields[i];
    const KeyRule* rule = layout.Find(route.shape, i, f.key);
    if (rule == nullptr) {
      NoteUnmapped(f.key);
      continue;
    }
    if (!Apply(*rule, f, c)) return false;
  }
  if (!row->Has(FieldId::kTs)) {
    failure->reason = Reason::kMissingTimestamp;
    failure->message =
        std::string("no event time in a ") + std::string(ShapeName(route.shape)) + " record";
    return false;
  }
  Derive(route, c);
  return true;
}

const KeyRule* Normalizer::LayoutMemo::Miss(Shape shape, size_t i, std::string_view key) {
  if (shape != shape_) {
    shape_ = shape;
    entries_.clear();
    keys_.clear();
  }
  const KeyRule* rule = TableFor(shape).Find(key);
  if (i > entries_.size() || i >= kMaxPositions || key.size() > kMaxKeyBytes) return rule;
  if (keys_.size() + key.size() > kMaxBytes) {  // stale keys of overwritten entries piled up
    entries_.clear();
    keys_.clear();
    if (i > 0) return rule;
  }
  const Entry e{static_cast<uint32_t>(keys_.size()), static_cast<uint32_t>(key.size()), rule};
  keys_.append(key);
  if (i == entries_.size()) {
    entries_.push_back(e);
  } else {
    entries_[i] = e;
  }
  return rule;
}

void Normalizer::NoteUnmapped(std::string_view key) {
  if (key.size() > kMaxKeyBytes) key = key.substr(0, kMaxKeyBytes);  // bounds the map's memory
  auto it = unmapped_.find(key);
  if (it != unmapped_.end()) {
    ++it->second;
  } else if (unmapped_.size() < Stats::kMaxUnmappedKeys) {
    unmapped_.emplace(std::string(key), 1);
  }
}

bool NormalizeContext::Fail(std::string_view key, std::string_view what, std::string_view value,
                            Reason reason) {
  failure->reason = reason;
  failure->message.assign("key ");
  AppendJsonString(key, &failure->message);
  failure->message.append(": ").append(what).append(": ");
  AppendJsonString(value.substr(0, 80), &failure->message);
  return false;
}

std::string_view NormalizeContext::Lower(std::string_view s) {
  for (char ch : s) {
    if (ch >= 'A' && ch <= 'Z') return scratch->CopyLower(s);
  }
  return s;
}

void NormalizeContext::Identifier(int index) {
  identifiers_seen = true;
  if (index >= 0) identifiers |= static_cast<uint8_t>(1u << index);
}

bool ScalarText(const RawField& f, std::string_view* text) {
  if (f.kind == RawKind::kNull || f.kind == RawKind::kObject || f.kind == RawKind::kArray) {
    return false;
  }
  *text = f.text;
  return true;
}

}  // namespace vigil::ingest
