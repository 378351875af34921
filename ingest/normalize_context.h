// normalize_context.h: the state one record's normalization shares across the coercion
// functions (internal to ingest). Each Coerce* function applies one KeyRule to one RawField;
// it returns false only after calling Fail().
#pragma once

#include <cstdint>
#include <string_view>

#include "ingest/domain_cache.h"
#include "ingest/key_table.h"
#include "ingest/nested_json.h"
#include "ingest/normalizer.h"
#include "ingest/raw_record.h"
#include "ingest/staged_row.h"
#include "vm/columnar/arena.h"

namespace vigil::ingest {

struct NormalizeContext {
  StagedRow* row;
  columnar::Arena* scratch;
  DomainCache* domains;
  NestedJson* nested;
  Failure* failure;
  schema::EventType type;
  uint8_t identifiers = 0;        // bit i: kIdentifierWords[i] hit
  bool identifiers_seen = false;  // the record carries impersonation flags or identifiers
  bool tls_seen = false;          // the record carries a TLS version key (maybe null)

  // Records a bad value of `key` and returns false.
  bool Fail(std::string_view key, std::string_view what, std::string_view value,
            Reason reason = Reason::kBadValue);
  // s lower-cased (ASCII), copied into the scratch arena only when it has upper-case letters.
  std::string_view Lower(std::string_view s);
  // s copied into the scratch arena (for strings read from the nested-JSON parser).
  std::string_view Copy(std::string_view s) { return scratch->Copy(s); }
  // Marks identifier `index` as hit (and the identifiers field as present).
  void Identifier(int index);
};

// The text of a scalar field (string, number or bool); false for null, objects and arrays.
bool ScalarText(const RawField& f, std::string_view* text);

// Scalar coercions (coerce_scalar.cc).
bool CoerceString(const KeyRule& r, const RawField& f, NormalizeContext& c);
bool CoerceLower(const KeyRule& r, const RawField& f, NormalizeContext& c);
bool CoerceInt(const KeyRule& r, const RawField& f, NormalizeContext& c);
bool CoerceBool(const KeyRule& r, const RawField& f, NormalizeContext& c);
bool CoerceTimestamp(const KeyRule& r, const RawField& f, NormalizeContext& c);
bool CoerceIp(const KeyRule& r, const RawField& f, NormalizeContext& c);
bool CoerceAction(const KeyRule& r, const RawField& f, NormalizeContext& c);
bool CoerceHoldReason(const KeyRule& r, const RawField& f, NormalizeContext& c);
bool CoerceDirection(const KeyRule& r, const RawField& f, NormalizeContext& c);
bool CoerceRouteOrDirection(const KeyRule& r, const RawField& f, NormalizeContext& c);
bool CoerceSpamInfo(const KeyRule& r, const RawField& f, NormalizeContext& c);
bool CoerceFileName(const KeyRule& r, const RawField& f, NormalizeContext& c);
bool CoerceFileExt(const KeyRule& r, const RawField& f, NormalizeContext& c);
bool CoerceImpFlag(const KeyRule& r, const RawField& f, NormalizeContext& c);
bool CoerceTlsVersion(const KeyRule& r, const RawField& f, NormalizeContext& c);

// Addresses, recipients, domains, URLs (coerce_address.cc).
bool CoerceSender(const KeyRule& r, const RawField& f, NormalizeContext& c);
bool CoerceFrom(const KeyRule& r, const RawField& f, NormalizeContext& c);
bool CoerceUser(const KeyRule& r, const RawField& f, NormalizeContext& c);
bool CoerceRecipients(const KeyRule& r, const RawField& f, NormalizeContext& c);
bool CoerceDomainWeak(const KeyRule& r, const RawField& f, NormalizeContext& c);
bool CoerceUrl(const KeyRule& r, const RawField& f, NormalizeContext& c);
// Stages the registered domains of sender.domain and from.domain.
void DeriveRootDomains(NormalizeContext& c);

// Nested structures (coerce_nested.cc).
bool CoerceSpamDetail(const KeyRule& r, const RawField& f, NormalizeContext& c);
bool CoerceAttachments(const KeyRule& r, const RawField& f, NormalizeContext& c);
bool CoerceStringArray(const KeyRule& r, const RawField& f, NormalizeContext& c, bool lower);
bool CoerceIdentifiers(const KeyRule& r, const RawField& f, NormalizeContext& c);
bool CoerceImpResults(const KeyRule& r, const RawField& f, NormalizeContext& c);
bool CoerceAnalysis(const KeyRule& r, const RawField& f, NormalizeContext& c);
bool CoerceTagMap(const KeyRule& r, const RawField& f, NormalizeContext& c);
bool CoercePolicies(const KeyRule& r, const RawField& f, NormalizeContext& c);
bool CoerceAuthResults(const KeyRule& r, const RawField& f, NormalizeContext& c);
bool CoerceAuditInfo(const KeyRule& r, const RawField& f, NormalizeContext& c);

}  // namespace vigil::ingest
