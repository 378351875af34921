// event_gen.cc: random rows, batch filling and row descriptions.
#include "tests/diff/event_gen.h"

#include "base/ip.h"
#include "vm/columnar/batch_builder.h"

namespace vigil::difftest {

using schema::FieldId;
using schema::ScalarType;
using schema::Shape;

namespace {

size_t PickSize(Rng& rng) {
  static const std::vector<size_t> kEdges = {0, 1, 63, 64, 65, 2047, 2048, 2049};
  const uint64_t k = rng.Below(100);
  if (k < 4) return rng.Pick(kEdges);
  if (k < 10) return 2047 + rng.Below(3);
  if (k < 25) return 63 + rng.Below(3);
  return rng.Below(40);
}

int64_t Near(Rng& rng, const std::vector<int64_t>& pool, int64_t fallback) {
  if (pool.empty() || rng.Chance(0.25)) return fallback;
  static const std::vector<int64_t> kDeltas = {0, 0, 0, 1, -1, 1000, -60000};
  const int64_t base = rng.Pick(pool);
  int64_t out = base;
  return __builtin_add_overflow(base, rng.Pick(kDeltas), &out) ? base : out;
}

}  // namespace

std::vector<RowSpec> EventGen::Rows(schema::EventType t) {
  static const std::vector<double> kNullRates = {0.0, 0.1, 0.3, 0.3, 0.7, 1.0};
  const double null_rate = rng_.Pick(kNullRates);
  const size_t n = PickSize(rng_);
  std::vector<RowSpec> rows;
  rows.reserve(n);
  for (size_t i = 0; i < n; ++i) rows.push_back(Row(t, null_rate));
  return rows;
}

std::string EventGen::IpValue() {
  const uint64_t k = rng_.Below(100);
  if (k < 40 && !pool_.ips.empty()) return rng_.Pick(pool_.ips);
  if (k < 70 && !pool_.networks.empty()) {
    const std::string net = rng_.Pick(pool_.networks);
    std::string base = net.substr(0, net.find('/'));
    if (base.back() == ':') return base + std::to_string(rng_.Below(3));
    const size_t dot = base.rfind('.');
    return base.substr(0, dot + 1) +
           std::to_string(std::stoi(base.substr(dot + 1)) + rng_.Below(3));
  }
  return RandomIp(rng_);
}

std::string EventGen::StringValue(const schema::FieldInfo& f) {
  const auto values = schema::ValuesOf(f.id);
  if (!values.empty() && rng_.Chance(0.6)) return std::string(values[rng_.Below(values.size())]);
  const uint64_t k = rng_.Below(100);
  if (!pool_.strings.empty()) {
    if (k < 25) return rng_.Pick(pool_.strings);
    if (k < 65) return NearMiss(rng_, rng_.Pick(pool_.strings));
    if (k < 70) {
      std::string s = rng_.Pick(pool_.strings);
      while (s.size() < 3000) s += rng_.Chance(0.5) ? s : RandomWord(rng_);
      return rng_.Chance(0.5) ? s : RandomWord(rng_) + s;
    }
  }
  if (k < 73) return "\xff\xfe" + RandomWord(rng_);
  return RandomString(rng_);
}

Cell EventGen::Scalar(const schema::FieldInfo& f) {
  Cell c;
  c.field = f.id;
  c.null = false;
  switch (f.type) {
    case ScalarType::kBool:
      c.i = rng_.Below(2);
      break;
    case ScalarType::kInt:
      c.i = Near(rng_, pool_.ints, RandomInt(rng_));
      break;
    case ScalarType::kDuration:
      c.i = Near(rng_, pool_.durations, RandomDuration(rng_));
      break;
    case ScalarType::kTimestamp:
      if (f.id == FieldId::kTs) {
        clock_ += rng_.Chance(0.3) ? 0 : rng_.Range(-1000, 3600000);
        c.i = rng_.Chance(0.1) ? Near(rng_, pool_.timestamps, clock_) : clock_;
      } else {
        c.i = Near(rng_, pool_.timestamps, RandomTimestamp(rng_));
      }
      break;
    case ScalarType::kIp:
      c.s = IpValue();
      break;
    default:
      c.s = StringValue(f);
      break;
  }
  return c;
}

RowSpec EventGen::Row(schema::EventType t, double null_rate) {
  RowSpec row;
  for (const schema::FieldInfo& f : schema::AllFields()) {
    if (!f.HasEvent(t) || f.shape == Shape::kMember) continue;
    const double p = f.id == FieldId::kTs ? null_rate * 0.2 : null_rate;
    if (rng_.Chance(p)) continue;
    if (f.shape == Shape::kScalar) {
      row.cells.push_back(Scalar(f));
      continue;
    }
    Cell c;
    c.field = f.id;
    c.null = false;
    const size_t n = rng_.Chance(0.15) ? 0 : 1 + rng_.Below(4);
    for (size_t k = 0; k < n; ++k) {
      if (f.shape == Shape::kArray) {
        c.elems.push_back(rng_.Chance(0.03) ? std::nullopt : std::optional(StringValue(f)));
        continue;
      }
      std::vector<std::optional<std::string>> record;
      for (FieldId m : schema::MembersOf(f.id)) {
        record.push_back(rng_.Chance(null_rate / 2) ? std::nullopt
                                                    : std::optional(StringValue(schema::Field(m))));
      }
      c.records.push_back(std::move(record));
    }
    row.cells.push_back(std::move(c));
  }
  return row;
}

void FillBatch(const std::vector<RowSpec>& rows, columnar::Batch* batch) {
  columnar::BatchBuilder w(batch);
  for (const RowSpec& row : rows) {
    w.BeginRow({});
    for (const Cell& c : row.cells) {
      const schema::FieldInfo& f = schema::Field(c.field);
      if (c.null) continue;
      if (f.shape == Shape::kArray) {
        w.SetPresent(c.field);
        for (const auto& e : c.elems) {
          w.AppendArrayString(c.field, e.value_or(""));
          if (!e) {
            columnar::Column* col = batch->column(c.field)->elements.get();
            col->SetNull(col->size() - 1);
          }
        }
      } else if (f.shape == Shape::kRecords) {
        w.SetPresent(c.field);
        const auto& members = schema::MembersOf(c.field);
        for (const auto& record : c.records) {
          w.AppendRecord(c.field);
          for (size_t m = 0; m < members.size(); ++m) {
            if (record[m]) w.SetMemberString(members[m], *record[m]);
          }
        }
      } else if (f.type == ScalarType::kIp) {
        if (auto ip = base::ParseIp(c.s)) w.SetIp(c.field, *ip);
      } else if (schema::IsStringLike(f.type)) {
        w.SetString(c.field, c.s);
      } else {
        w.SetInt(c.field, c.i);
      }
    }
  }
}

namespace {

std::string Show(const std::optional<std::string>& s) {
  if (!s) return "null";
  std::string q = Quote(s->size() > 200 ? s->substr(0, 200) + "..." : *s);
  if (s->size() > 200) q += " (" + std::to_string(s->size()) + " bytes)";
  return q;
}

}  // namespace

std::string DescribeRow(const RowSpec& row) {
  std::string out;
  for (const Cell& c : row.cells) {
    const schema::FieldInfo& f = schema::Field(c.field);
    out += "  " + std::string(f.name) + " = ";
    if (f.shape == Shape::kArray) {
      out += "[";
      for (size_t i = 0; i < c.elems.size(); ++i) out += (i ? ", " : "") + Show(c.elems[i]);
      out += "]";
    } else if (f.shape == Shape::kRecords) {
      const auto& members = schema::MembersOf(c.field);
      out += "[";
      for (size_t k = 0; k < c.records.size(); ++k) {
        out += k ? ", {" : "{";
        for (size_t m = 0; m < members.size(); ++m) {
          out += (m ? ", " : "") + std::string(schema::Field(members[m]).name) + ": " +
                 Show(c.records[k][m]);
        }
        out += "}";
      }
      out += "]";
    } else if (f.type == ScalarType::kIp || schema::IsStringLike(f.type)) {
      out += f.type == ScalarType::kIp ? c.s : Show(c.s);
    } else if (f.type == ScalarType::kTimestamp) {
      out += TimestampText(c.i);
    } else if (f.type == ScalarType::kDuration) {
      out += DurationText(c.i);
    } else {
      out += std::to_string(c.i);
    }
    out += "\n";
  }
  return out.empty() ? "  (every field null)\n" : out;
}

}  // namespace vigil::difftest
