// kernels_history.cc: the History kernel (first_seen, prevalence): renders each element's keys
// as the interpreter does (FormatDatum, joined by \x1f) and asks the tenant's HistoryProvider.
// A key from a dictionary-encoded column is rendered once per distinct value and batch.
#include <string>
#include <vector>

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
      built.assign(distinct, 0);
    }
  }

  // The text of element i, or null when the value is null.
  const std::string* At(size_t i) {
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
      built[code] = 1;
    }
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
  std::string joined;
  for (size_t i = 0; i < n; ++i) {  // every element, in order: history records each event
    const size_t row = rows.empty() ? i : rows[i];
    if (ts->IsNull(row)) continue;
    const std::string* key = nullptr;
    bool null_key = false;
    if (in.extra_count == 1) {
      key = parts[0].At(i);
      null_key = key == nullptr;
    } else {
      joined.clear();
      for (uint32_t k = 0; k < in.extra_count && !null_key; ++k) {
        const std::string* part = parts[k].At(i);
        null_key = part == nullptr;
        if (k > 0) joined += '\x1f';
        if (part != nullptr) joined += *part;
      }
      key = &joined;
    }
    if (null_key) continue;  // a null key: null, and nothing recorded
    if (first_seen) {
      out.SetInt(i, s.tenant.history->FirstSeen(in.a, *key, ts->i64[row], site.over_ms) ? 1 : 0);
    } else {
      out.SetInt(i, s.tenant.history->Prevalence(in.a, *key, ts->i64[row], site.over_ms));
    }
  }
}

}  // namespace vigil::vm::kernels
