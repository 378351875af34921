// guards.cc: exceptions and suppression.
#include "runtime/guards.h"

#include <algorithm>

#include "base/strings.h"
#include "stdlib/strings/wildcard.h"
#include "stdlib/value_print.h"
#include "vm/bytecode/wire.h"

namespace vigil::runtime {
namespace {

using schema::Datum;

// One exception field compared with one value, as `op` says; email and domain fields compare
// case-insensitively.
bool FieldMatches(const Datum& v, ast::ExceptOp op, const std::string& value) {
  if (!v.valid) return false;
  if (v.type == schema::ScalarType::kIp) {
    if (op == ast::ExceptOp::kIn) {
      const auto net = base::ParseCidr(value, /*lenient=*/true);
      return net && net->Contains(v.ip);
    }
    const auto ip = base::ParseIp(value);
    return ip && *ip == v.ip;
  }
  if (!schema::IsStringLike(v.type)) return stdlib::FormatDatum(v) == value;
  const bool ci = schema::IsCaseInsensitive(v.type);
  const std::string x = ci ? base::AsciiLower(v.s) : std::string(v.s);
  const std::string y = ci ? base::AsciiLower(value) : value;
  switch (op) {
    case ast::ExceptOp::kEq:
      return x == y;
    case ast::ExceptOp::kContains:
      return x.find(y) != std::string::npos;
    case ast::ExceptOp::kIContains:
      return stdlib::FindIgnoreCase(x, y) != std::string::npos;
    case ast::ExceptOp::kStartsWith:
      return x.starts_with(y);
    case ast::ExceptOp::kIStartsWith:
      return base::AsciiLower(x).starts_with(base::AsciiLower(y));
    case ast::ExceptOp::kEndsWith:
      return x.ends_with(y);
    case ast::ExceptOp::kIEndsWith:
      return base::AsciiLower(x).ends_with(base::AsciiLower(y));
    case ast::ExceptOp::kLike:
      return stdlib::WildcardMatcher(y, false).Match(x);
    case ast::ExceptOp::kILike:
      return stdlib::WildcardMatcher(y, true).Match(x);
    case ast::ExceptOp::kIn:
      return false;
  }
  return false;
}

bool TupleMatches(const sema::Exception& x, const std::vector<std::string>& tuple,
                  const std::vector<Datum>& values) {
  if (tuple.size() != x.fields.size() || values.size() != x.fields.size()) return false;
  for (size_t i = 0; i < tuple.size(); ++i) {
    if (!FieldMatches(values[i], x.fields[i].op, tuple[i])) return false;
  }
  return true;
}

}  // namespace

bool ExceptionMatches(const sema::Exception& x, const std::vector<std::vector<std::string>>& extra,
                      const std::vector<Datum>& values) {
  for (const auto& tuple : x.values) {
    std::vector<std::string> texts;
    for (const ast::Literal& l : tuple) texts.push_back(sema::ListEntryText(l));
    if (TupleMatches(x, texts, values)) return true;
  }
  for (const auto& tuple : extra) {
    if (TupleMatches(x, tuple, values)) return true;
  }
  return false;
}

std::string KeyText(const std::vector<Datum>& values) {
  std::string key;
  for (size_t i = 0; i < values.size(); ++i) {
    if (i > 0) key += '\x1f';
    stdlib::AppendDatum(values[i], &key);
  }
  return key;
}

bool Suppressor::Suppress(const sema::Rule& rule, const std::string& tenant, const std::string& key,
                          int64_t ts) {
  const std::string k = rule.id + '\x1e' + tenant + '\x1e' + key;
  auto it = last_.find(k);
  // Within the period before or after the latest alert: events arrive out of event-time order
  // (one click in two feeds a second apart), and the earlier one must not alert again.
  if (it != last_.end() && ts > it->second - rule.suppress_ms && ts < it->second + rule.suppress_ms)
    return true;
  if (it == last_.end()) {
    if (last_.size() >= max_keys_) {
      last_.erase(order_.front());
      order_.pop_front();
      ++evicted_;
    }
    order_.push_back(k);
  }
  last_[k] = it == last_.end() ? ts : std::max(it->second, ts);
  return false;
}

void Suppressor::Save(std::string* out) const {
  bytecode::WireWriter w;
  w.U64(evicted_);
  w.U32(static_cast<uint32_t>(order_.size()));
  for (const std::string& k : order_) {
    w.Str(k);
    w.I64(last_.at(k));
  }
  *out = std::move(w.out());
}

bool Suppressor::Load(std::string_view in) {
  bytecode::WireReader r(in);
  evicted_ = r.U64();
  last_.clear();
  order_.clear();
  const uint32_t n = r.Count(12, "suppression key");
  for (uint32_t i = 0; i < n && r.ok(); ++i) {
    std::string k = r.Str();
    last_[k] = r.I64();
    order_.push_back(std::move(k));
  }
  return r.ok() && r.remaining() == 0;
}

}  // namespace vigil::runtime
