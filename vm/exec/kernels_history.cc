// kernels_history.cc: the History kernel (first_seen, prevalence): renders each element's keys
// as the interpreter does (FormatDatum, joined by \x1f) and asks the tenant's HistoryProvider.
// A key from a dictionary-encoded column is rendered and hashed once per distinct value and
// batch. The questions of a batch go to the provider in one call (HistoryProvider::Answer).
#include <string>
#include <vector>

#include "base/strings.h"
#include "stdlib/value_print.h"
#include "vm/exec/kernels.h"

namespace vigil::vm::kernels {

using columnar::Column;
using schema::Datum;
using schema::ScalarType;

namespace {

// True when QuoteString leaves every byte of s as it is (printable ASCII, no quote, backslash).
bool PlainAscii(std::string_view s) {
  for (const char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u >= 0x7f || c == '"' || c == '\\') return false;
  }
  return true;
}

// Appends FormatDatum(d): the same text, without QuoteString's UTF-8 check and escaping for
// plain strings.
void AppendKeyText(const Datum& d, std::string* out) {
  if (d.valid && !d.is_array && d.list == nullptr && schema::IsStringLike(d.type) &&
      PlainAscii(d.s)) {
    out->push_back('"');
    out->append(d.s);
    out->push_back('"');
    return;
  }
  out->append(stdlib::FormatDatum(d));
}

// One key position of a history site over a batch: a constant, or a register whose dictionary
// values (when dictionary-encoded) are rendered on first use.
struct KeyPart {
  bool constant = false;
  bool constant_null = false;
  std::string text;  // the constant's text
  const ValueReg* reg = nullptr;
  ScalarType type = ScalarType::kString;
  bool dict = false;
  std::vector<std::string> by_code;
  std::vector<uint64_t> hash_by_code;  // base::Hash64 of by_code[code]
  std::vector<uint8_t> built;

  void Bind(ExecState& s, uint32_t reg_or_const) {
    text.clear();
    constant = (reg_or_const & bytecode::kConstTag) != 0;
    if (constant) {
      const Datum& k = s.pack.constant(reg_or_const & ~bytecode::kConstTag);
      constant_null = !k.valid;
      AppendKeyText(k, &text);
      return;
    }
    reg = &s.V(reg_or_const);
    type = s.TypeOf(reg_or_const);
    dict = reg->col != nullptr && reg->col->storage() == columnar::Storage::kDictString &&
           s.prog.regs[reg_or_const].kind == bytecode::RegKind::kValue;
    if (dict) {
      const size_t distinct = reg->col->dict.size();
      if (by_code.size() < distinct) by_code.resize(distinct);
      if (hash_by_code.size() < distinct) hash_by_code.resize(distinct);
      built.assign(distinct, 0);
    }
  }

  // The text of element i, or null when the value is null. When `hash` is given and the text
  // is a dictionary value's, *hash is its base::Hash64 (computed once per value); otherwise
  // *hash is left alone.
  const std::string* At(size_t i, uint64_t* hash = nullptr) {
    if (constant) return constant_null ? nullptr : &text;
    if (reg->IsNull(i)) return nullptr;
    if (!dict) {
      text.clear();
      AppendKeyText(DatumAt(*reg, i, type), &text);
      return &text;
    }
    const uint32_t code = reg->col->code[reg->At(i)];
    if (!built[code]) {
      by_code[code].clear();
      AppendKeyText(Datum::String(reg->col->dict.value(code), type), &by_code[code]);
      hash_by_code[code] = base::Hash64(by_code[code]);
      built[code] = 1;
    }
    if (hash != nullptr) *hash = hash_by_code[code];
    return &by_code[code];
  }
};

}  // namespace

void History(ExecState& s, const Instr& in) {
  const bytecode::HistorySite& site = s.pack.exe().history[in.a];
  const size_t n = s.SizeOf(in.dst);
  ValueReg& dst = s.V(in.dst);
  const bool first_seen = in.sub == 0;
  Column& out = ResultColumn(dst, first_seen ? ScalarType::kBool : ScalarType::kInt, n);
  const Column* ts = s.batch.column(schema::FieldId::kTs);
  const uint32_t* keys = s.prog.extra.data() + in.extra;
  if (s.tenant.history == nullptr || ts == nullptr) return;
  const std::vector<uint32_t> rows = RowsOf(s, s.DomainOf(in.dst), n);
  thread_local std::vector<KeyPart> parts;
  if (parts.size() < in.extra_count) parts.resize(in.extra_count);
  for (uint32_t k = 0; k < in.extra_count; ++k) parts[k].Bind(s, keys[k]);
  // Every element with a time and a non-null key asks one question, in element order (history
  // records each event). A single dictionary key's text and hash are kept per value; other
  // keys are rendered into `texts` and hashed here.
  thread_local std::vector<columnar::HistoryQuery> queries;
  thread_local std::vector<uint32_t> element;                 // queries[q] is about element[q]
  thread_local std::vector<std::pair<size_t, size_t>> spans;  // (offset in texts, size); or
  thread_local std::string texts;                             // npos: the key is in queries[q]
  queries.clear();
  element.clear();
  spans.clear();
  texts.clear();
  for (size_t i = 0; i < n; ++i) {
    const size_t row = rows.empty() ? i : rows[i];
    if (ts->IsNull(row)) continue;
    columnar::HistoryQuery q;
    q.ts_ms = ts->i64[row];
    if (in.extra_count == 1) {
      uint64_t hash = 0;
      const bool dict = parts[0].dict;
      const std::string* key = parts[0].At(i, &hash);
      if (key == nullptr) continue;  // a null key: null, and nothing recorded
      if (dict) {
        q.keys = *key;  // stable: by_code is not resized before the next Bind
        q.hash = hash;
        spans.emplace_back(std::string::npos, 0);
      } else {
        spans.emplace_back(texts.size(), key->size());
        texts += *key;
      }
    } else {
      const size_t from = texts.size();
      bool null_key = false;
      for (uint32_t k = 0; k < in.extra_count && !null_key; ++k) {
        const std::string* part = parts[k].At(i);
        null_key = part == nullptr;
        if (k > 0) texts += '\x1f';
        if (part != nullptr) texts += *part;
      }
      if (null_key) {
        texts.resize(from);
        continue;
      }
      spans.emplace_back(from, texts.size() - from);
    }
    queries.push_back(q);
    element.push_back(static_cast<uint32_t>(i));
  }
  // `texts` is complete: point the rendered keys into it.
  for (size_t q = 0; q < queries.size(); ++q) {
    if (spans[q].first == std::string::npos) continue;
    queries[q].keys = std::string_view(texts).substr(spans[q].first, spans[q].second);
    queries[q].hash = base::Hash64(queries[q].keys);
  }
  thread_local std::vector<int64_t> answers;
  answers.resize(queries.size());
  s.tenant.history->Answer(in.a, first_seen, queries, site.over_ms, answers.data());
  for (size_t q = 0; q < queries.size(); ++q) out.SetInt(element[q], answers[q]);
}

}  // namespace vigil::vm::kernels
