// kernels_cmp.cc: comparison and membership kernels: CmpK, Cmp, Str, InSet, InList, InArray.
// String predicates on dictionary-encoded columns are evaluated once per distinct value and
// gathered by code.
#include <algorithm>
#include <charconv>
#include <cstring>
#include <functional>
#include <unordered_set>

#include "stdlib/strings/wildcard.h"
#include "vm/exec/fill.h"
#include "vm/exec/kernels.h"

namespace vigil::vm::kernels {

using bytecode::CmpOp;
using bytecode::StrOp;
using columnar::Column;
using columnar::Storage;
using schema::Datum;
using schema::ScalarType;

namespace {

template <typename T>
bool Compare(const T& a, const T& b, CmpOp op) {
  switch (op) {
    case CmpOp::kEq:
      return a == b;
    case CmpOp::kNe:
      return !(a == b);
    case CmpOp::kLt:
      return a < b;
    case CmpOp::kLe:
      return a <= b;
    case CmpOp::kGt:
      return b < a;
    case CmpOp::kGe:
      return b <= a;
  }
  return false;
}

std::string_view Fold(std::string_view s, std::string* buf) {
  buf->assign(s);
  for (char& c : *buf) c = static_cast<char>(stdlib::FoldAscii(static_cast<uint8_t>(c)));
  return *buf;
}

int CompareStrings(std::string_view a, std::string_view b, bool caseless) {
  if (!caseless) return a.compare(b);
  std::string x, y;
  return Fold(a, &x).compare(Fold(b, &y));
}

// Elements ahead of the one evaluated whose dictionary value is prefetched: a batch's values
// are scattered through its arena, so the first kernel to read them waits on memory.
constexpr size_t kPrefetchAhead = 16;

// Prefetches the bytes of dictionary value `code` (any code: out of range does nothing).
inline void PrefetchValue(const std::vector<std::string_view>& values, uint32_t code) {
  if (code < values.size()) __builtin_prefetch(values[code].data());
}

// Predicate over a string-valued register: per distinct value for dictionary columns. With
// `keep` (the context the results depend on besides the value), results are also kept across
// batches by the register's value ids.
template <typename F>
void StringPredicate(ExecState& s, const Instr& in, const ValueReg& a, F&& f,
                     const std::string* keep = nullptr) {
  const size_t n = s.SizeOf(in.dst);
  auto valid = [&](size_t w) { return ValidWord(a, w, n); };
  if (a.col != nullptr && a.col->storage() == Storage::kDictString) {
    // Only the values of selected valid elements, each once: 0 unknown, 1 false, 2 true.
    const auto& values = a.col->dict.values();
    thread_local std::vector<uint8_t> table;
    table.assign(values.size(), 0);
    RegisterIds* ids = nullptr;
    IdResults<uint8_t>* kept = nullptr;
    if (keep != nullptr) {
      ids = &s.caches.IdsFor(in.a);
      ids->Bind(*a.col, s.caches.serial);
      if (ids->keeping()) {
        if (in.sel == bytecode::kNoReg) ids->MapEvery();
        kept = &s.caches.predicates[s.IndexOf(in)];
        kept->Sync(*ids, *keep);
      }
    }
    auto eval = [&](uint32_t c) -> uint8_t {
      if (kept == nullptr) return f(values[c]) ? 2 : 1;
      uint8_t& r = (*kept)[ids->IdOf(c)];
      if (r == 0) r = f(values[c]) ? 2 : 1;
      return r;
    };
    // Verdicts of the codes live elements read, then a branch-free gather of them. Without a
    // selection nearly every value is read: each value's verdict, in code order.
    const uint32_t* codes = a.col->code.data();
    const columnar::Bitmap* sel = s.Sel(in.sel);
    const size_t words = sel == nullptr ? 0 : (n + 63) / 64;
    for (uint32_t c = 0; sel == nullptr && c < values.size(); ++c) {
      if (c + kPrefetchAhead < values.size()) PrefetchValue(values, c + kPrefetchAhead);
      table[c] = eval(c);
    }
    for (size_t w = 0; w < words; ++w) {
      for (uint64_t m = SelWord(sel, w) & TailMask(n, w) & valid(w); m != 0; m &= m - 1) {
        const size_t i = w * 64 + static_cast<size_t>(std::countr_zero(m));
        if (i + kPrefetchAhead < n) PrefetchValue(values, codes[a.At(i + kPrefetchAhead)]);
        const uint32_t c = codes[a.At(i)];
        if (table[c] == 0) table[c] = eval(c);
      }
    }
    table.push_back(0);  // the verdict of a dead element's clamped code
    FillFromTable(s.B(in.dst), n, sel, valid, codes, a.indexed ? a.index.data() : nullptr,
                  table.data(), static_cast<uint32_t>(values.size()));
    return;
  }
  FillPredicate(s.B(in.dst), n, s.Sel(in.sel), valid,
                [&](size_t i) { return f(a.col->str[a.At(i)]); });
}

// dst = vals[i] <op> kv over n elements (an int column read directly), one loop per operator.
template <typename ValidWordFn>
void CompareIntsK(BoolReg& dst, size_t n, const columnar::Bitmap* sel, ValidWordFn&& valid,
                  const int64_t* vals, int64_t kv, CmpOp op) {
  auto fill = [&](auto cmp) {
    FillPredicateDense(dst, n, sel, valid, [&](size_t i) { return cmp(vals[i], kv); });
  };
  switch (op) {
    case CmpOp::kEq:
      return fill(std::equal_to<int64_t>());
    case CmpOp::kNe:
      return fill(std::not_equal_to<int64_t>());
    case CmpOp::kLt:
      return fill(std::less<int64_t>());
    case CmpOp::kLe:
      return fill(std::less_equal<int64_t>());
    case CmpOp::kGt:
      return fill(std::greater<int64_t>());
    case CmpOp::kGe:
      return fill(std::greater_equal<int64_t>());
  }
}

bool NumericAsDouble(const ValueReg& a, size_t i, ScalarType t, double* out) {
  const size_t k = a.At(i);
  *out = t == ScalarType::kFloat ? a.col->f64[k] : static_cast<double>(a.col->i64[k]);
  return true;
}

}  // namespace

void CmpK(ExecState& s, const Instr& in) {
  const ValueReg& a = s.V(in.a);
  const Datum& k = s.pack.constant(in.b);
  const auto op = static_cast<CmpOp>(in.sub);
  const size_t n = s.SizeOf(in.dst);
  const ScalarType t = s.TypeOf(in.a);
  auto valid = [&](size_t w) { return ValidWord(a, w, n); };
  if (a.col == nullptr) return s.B(in.dst).Resize(n);
  if (schema::IsStringLike(t)) {
    const bool caseless = in.flags & bytecode::kFlagCaseless;
    return StringPredicate(s, in, a, [&](std::string_view v) {
      return Compare(CompareStrings(v, k.s, caseless), 0, op);
    });
  }
  if (t == ScalarType::kIp) {
    return FillPredicate(s.B(in.dst), n, s.Sel(in.sel), valid,
                         [&](size_t i) { return Compare(a.col->ip[a.At(i)], k.ip, op); });
  }
  if (t == ScalarType::kFloat || k.type == ScalarType::kFloat) {
    const double kv = k.type == ScalarType::kFloat ? k.f : static_cast<double>(k.i);
    return FillPredicate(s.B(in.dst), n, s.Sel(in.sel), valid, [&](size_t i) {
      double v;
      NumericAsDouble(a, i, t, &v);
      return Compare(v, kv, op);
    });
  }
  const int64_t kv = k.i;
  const int64_t* vals = a.col->i64.data();
  if (!a.indexed) return CompareIntsK(s.B(in.dst), n, s.Sel(in.sel), valid, vals, kv, op);
  FillPredicate(s.B(in.dst), n, s.Sel(in.sel), valid,
                [&](size_t i) { return Compare(vals[a.At(i)], kv, op); });
}

void Cmp(ExecState& s, const Instr& in) {
  const ValueReg& a = s.V(in.a);
  const ValueReg& b = s.V(in.b);
  const auto op = static_cast<CmpOp>(in.sub);
  const size_t n = s.SizeOf(in.dst);
  const ScalarType ta = s.TypeOf(in.a), tb = s.TypeOf(in.b);
  if (a.col == nullptr || b.col == nullptr) return s.B(in.dst).Resize(n);
  auto valid = [&](size_t w) { return ValidWord(a, w, n) & ValidWord(b, w, n); };
  BoolReg& dst = s.B(in.dst);
  if (schema::IsStringLike(ta)) {
    const bool caseless = in.flags & bytecode::kFlagCaseless;
    return FillPredicate(dst, n, s.Sel(in.sel), valid, [&](size_t i) {
      return Compare(CompareStrings(a.col->GetString(a.At(i)), b.col->GetString(b.At(i)), caseless),
                     0, op);
    });
  }
  if (ta == ScalarType::kIp) {
    return FillPredicate(dst, n, s.Sel(in.sel), valid, [&](size_t i) {
      return Compare(a.col->ip[a.At(i)], b.col->ip[b.At(i)], op);
    });
  }
  if (ta == ScalarType::kFloat || tb == ScalarType::kFloat) {
    return FillPredicate(dst, n, s.Sel(in.sel), valid, [&](size_t i) {
      double x, y;
      NumericAsDouble(a, i, ta, &x);
      NumericAsDouble(b, i, tb, &y);
      return Compare(x, y, op);
    });
  }
  FillPredicate(dst, n, s.Sel(in.sel), valid,
                [&](size_t i) { return Compare(a.col->i64[a.At(i)], b.col->i64[b.At(i)], op); });
}

void Str(ExecState& s, const Instr& in) {
  const ValueReg& a = s.V(in.a);
  const ValueReg& b = s.V(in.b);
  const size_t n = s.SizeOf(in.dst);
  if (a.col == nullptr || b.col == nullptr) return s.B(in.dst).Resize(n);
  const bool caseless = in.flags & bytecode::kFlagCaseless;
  const auto op = static_cast<StrOp>(in.sub);
  auto valid = [&](size_t w) { return ValidWord(a, w, n) & ValidWord(b, w, n); };
  FillPredicate(s.B(in.dst), n, s.Sel(in.sel), valid, [&](size_t i) {
    std::string x_buf, y_buf;
    std::string_view x = a.col->GetString(a.At(i)), y = b.col->GetString(b.At(i));
    if (caseless) {
      x = Fold(x, &x_buf);
      y = Fold(y, &y_buf);
    }
    switch (op) {
      case StrOp::kEq:
        return x == y;
      case StrOp::kContains:
        return x.find(y) != std::string_view::npos;
      case StrOp::kStartsWith:
        return x.starts_with(y);
      case StrOp::kEndsWith:
        return x.ends_with(y);
      default:
        return false;
    }
  });
}

namespace {

// Membership of each element of `a` in `contains` (called with a non-null Datum), a function of
// the value and of `context` only: string results are kept across batches under that context.
template <typename F>
void Membership(ExecState& s, const Instr& in, const ValueReg& a, const std::string& context,
                F&& contains) {
  const size_t n = s.SizeOf(in.dst);
  const ScalarType t = s.TypeOf(in.a);
  if (a.col == nullptr) return s.B(in.dst).Resize(n);
  if (schema::IsStringLike(t)) {
    return StringPredicate(
        s, in, a, [&](std::string_view v) { return contains(Datum::String(v, t)); }, &context);
  }
  FillPredicate(
      s.B(in.dst), n, s.Sel(in.sel), [&](size_t w) { return ValidWord(a, w, n); },
      [&](size_t i) { return contains(DatumAt(a, i, t)); });
}

}  // namespace

void InSet(ExecState& s, const Instr& in) {
  const RuntimeSet& set = s.pack.set(in.b);
  const ValueReg& a = s.V(in.a);
  if (set.kind == bytecode::ConstSet::Kind::kNetworks && s.TypeOf(in.a) == ScalarType::kIp &&
      a.col != nullptr) {
    const size_t n = s.SizeOf(in.dst);
    auto valid = [&](size_t w) { return ValidWord(a, w, n); };
    // Every slot below n holds some address, null or not: no branch per element.
    if (!a.indexed) {
      const base::IpAddr* ips = a.col->ip.data();
      return FillPredicateDense(s.B(in.dst), n, s.Sel(in.sel), valid,
                                [&](size_t i) { return set.ContainsIp(ips[i]); });
    }
    return FillPredicate(s.B(in.dst), n, s.Sel(in.sel), valid,
                         [&](size_t i) { return set.ContainsIp(a.col->ip[a.At(i)]); });
  }
  static const std::string kConstant;  // a constant set depends on nothing else
  Membership(s, in, a, kConstant, [&](const Datum& d) { return set.Contains(d); });
}

namespace {

ListCache::Entry& CacheFor(ExecState& s, const schema::ListValue& list) {
  return s.list_cache.entries[&list];
}

const stdlib::StringSet& FoldedEntries(ExecState& s, const schema::ListValue& list) {
  ListCache::Entry& e = CacheFor(s, list);
  if (!e.folded_built) {
    std::string buf;
    for (const std::string& x : list.entries()) e.folded.insert(std::string(Fold(x, &buf)));
    e.folded_built = true;
  }
  return e.folded;
}

const std::unordered_set<int64_t>& IntEntries(ExecState& s, const schema::ListValue& list) {
  ListCache::Entry& e = CacheFor(s, list);
  if (!e.ints_built) {
    for (const std::string& x : list.entries()) {
      int64_t v = 0;
      const auto [end, ec] = std::from_chars(x.data(), x.data() + x.size(), v);
      if (ec == std::errc() && end == x.data() + x.size()) e.ints.insert(v);
    }
    e.ints_built = true;
  }
  return e.ints;
}

// A caseless pattern set over a regex or glob list's entries: any entry matching sets id 0..n.
ListCache::Entry& CaselessPatterns(ExecState& s, const schema::ListValue& list, bool glob) {
  ListCache::Entry& e = CacheFor(s, list);
  if (!e.patterns) {
    e.patterns = std::make_unique<stdlib::PatternSet>();
    for (const std::string& x : list.entries()) {
      e.patterns->Add(glob ? stdlib::PatternSet::Kind::kWildcard : stdlib::PatternSet::Kind::kRegex,
                      x, true);
    }
    std::string error;
    if (!e.patterns->Compile(&error)) e.patterns = std::make_unique<stdlib::PatternSet>();
    if (e.patterns->size() == 0) e.patterns->Compile(&error);
    e.scratch = e.patterns->NewScratch();
  }
  return e;
}

}  // namespace

// `$list` membership with the semantics of docs/language.md: int lists compare numbers;
// string lists compare exactly, ASCII-caseless for email/domain values; regex and glob lists
// match case-insensitively for email/domain values; domain, cidr and ioc lists as stdlib finds.
void InList(ExecState& s, const Instr& in) {
  const std::string& kind = s.pack.exe().lists[in.b].kind;
  const schema::ListValue& list = s.pack.ResolveList(in.b, s.tenant);
  const bool caseless = in.flags & bytecode::kFlagCaseless;
  // Results depend on the value and on which list the tenant has (kind and flags are fixed).
  const schema::ListValue* const list_ptr = &list;
  const std::string context(reinterpret_cast<const char*>(&list_ptr), sizeof(list_ptr));
  if (kind == "int") {
    const auto& ints = IntEntries(s, list);
    return Membership(s, in, s.V(in.a), context, [&](const Datum& d) {
      if (d.type != ScalarType::kFloat) return ints.count(d.i) > 0;
      // A float equals an entry compared as doubles (as the interpreter's Equal does).
      return std::any_of(ints.begin(), ints.end(),
                         [&](int64_t e) { return static_cast<double>(e) == d.f; });
    });
  }
  if (kind == "string" && caseless) {
    const auto& folded = FoldedEntries(s, list);
    std::string buf;
    return Membership(s, in, s.V(in.a), context,
                      [&](const Datum& d) { return folded.contains(Fold(d.s, &buf)); });
  }
  if ((kind == "regex" || kind == "glob") && caseless) {
    ListCache::Entry& e = CaselessPatterns(s, list, kind == "glob");
    std::vector<uint32_t> hits;
    return Membership(s, in, s.V(in.a), context, [&](const Datum& d) {
      e.patterns->Scan(d.s, *e.scratch, &hits);
      return !hits.empty();
    });
  }
  Membership(s, in, s.V(in.a), context, [&](const Datum& d) { return list.Find(d) >= 0; });
}

void InArray(ExecState& s, const Instr& in) {
  const ValueReg& a = s.V(in.a);
  const ValueReg& arr = s.V(in.b);
  const size_t n = s.SizeOf(in.dst);
  const ScalarType t = s.TypeOf(in.a);
  const bool caseless = in.flags & bytecode::kFlagCaseless;
  BoolReg& dst = s.B(in.dst);
  if (a.col == nullptr) return dst.Resize(n);
  // A null array is an empty one: false for every non-null value. A null element makes the
  // result null when no element matches (Kleene or over the elements).
  dst.Resize(n);
  const columnar::Bitmap* sel = s.Sel(in.sel);
  ForEachSelected(n, sel, [&](size_t i) {
    if (a.IsNull(i)) return;
    bool saw_null = false;
    const bool hit = [&] {
      if (arr.col == nullptr || arr.elems == nullptr) return false;
      const size_t r = arr.At(i);
      if (arr.col->IsNull(r)) return false;
      const Datum x = DatumAt(a, i, t);
      for (uint32_t e = arr.col->offsets[r]; e < arr.col->offsets[r + 1]; ++e) {
        if (arr.elems->IsNull(e)) {
          saw_null = true;
          continue;
        }
        if (schema::IsStringLike(t)) {
          if (CompareStrings(arr.elems->GetString(e), x.s, caseless) == 0) return true;
        } else if (t == ScalarType::kFloat) {
          if (arr.elems->f64[e] == x.f) return true;
        } else if (t == ScalarType::kIp) {
          if (arr.elems->ip[e] == x.ip) return true;
        } else if (arr.elems->i64[e] == x.i) {
          return true;
        }
      }
      return false;
    }();
    if (hit) {
      dst.t.Set(i);
      dst.v.Set(i);
    } else if (!saw_null) {
      dst.v.Set(i);
    }
  });
}

}  // namespace vigil::vm::kernels
