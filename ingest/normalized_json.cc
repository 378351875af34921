// normalized_json.cc: typed rendering of batch rows.
#include "ingest/normalized_json.h"

#include <cstdio>

#include "base/ip.h"

namespace vigil::ingest {

using columnar::Column;
using schema::FieldInfo;
using schema::ScalarType;
using schema::Shape;

namespace {

// Writes value i of a scalar column (valid values only).
void WriteValue(const Column& c, size_t i, JsonWriter* w) {
  switch (c.type()) {
    case ScalarType::kBool:
      w->Bool(c.i64[i] != 0);
      break;
    case ScalarType::kInt:
    case ScalarType::kDuration:
      w->Int(c.i64[i]);
      break;
    case ScalarType::kTimestamp:
      w->String(FormatTimestamp(c.i64[i]));
      break;
    case ScalarType::kFloat:
      w->Double(c.f64[i]);
      break;
    case ScalarType::kIp:
    case ScalarType::kCidr:
      w->String(base::FormatIp(c.ip[i]));
      break;
    default:
      w->String(c.GetString(i));
  }
}

void WriteArray(const Column& c, size_t row, JsonWriter* w) {
  w->BeginArray();
  for (uint32_t e = c.offsets[row]; e < c.offsets[row + 1]; ++e) {
    if (c.elements->IsNull(e)) {
      w->Null();
    } else {
      WriteValue(*c.elements, e, w);
    }
  }
  w->EndArray();
}

void WriteRecords(const columnar::Batch& b, const FieldInfo& f, size_t row, JsonWriter* w) {
  const Column& c = *b.column(f.id);
  w->BeginArray();
  for (uint32_t e = c.offsets[row]; e < c.offsets[row + 1]; ++e) {
    w->BeginObject();
    for (schema::FieldId m : schema::MembersOf(f.id)) {
      const Column* mc = b.column(m);
      if (mc == nullptr || mc->IsNull(e)) continue;
      const std::string_view name = schema::Field(m).name;
      w->Key(name.substr(name.rfind('.') + 1));
      WriteValue(*mc, e, w);
    }
    w->EndObject();
  }
  w->EndArray();
}

void WriteMeta(const columnar::Batch& b, size_t row, const RowJsonOptions& o, JsonWriter* w) {
  const columnar::RowSource& src = b.sources()[row];
  w->Key("@type").String(schema::Event(b.type()).name);
  if (o.files != nullptr && src.file < o.files->size()) {
    w->Key("@file").String((*o.files)[src.file]);
  } else {
    w->Key("@file").Int(src.file);
  }
  w->Key("@offset").Int(static_cast<int64_t>(src.offset));
}

}  // namespace

void WriteRowJson(const columnar::Batch& b, size_t row, const RowJsonOptions& o, JsonWriter* w) {
  w->BeginObject();
  if (o.meta) WriteMeta(b, row, o, w);
  for (const FieldInfo& f : schema::AllFields()) {
    const Column* c = b.column(f.id);
    if (c == nullptr || f.shape == Shape::kMember || c->IsNull(row)) continue;
    w->Key(f.name);
    if (f.shape == Shape::kArray) {
      WriteArray(*c, row, w);
    } else if (f.shape == Shape::kRecords) {
      WriteRecords(b, f, row, w);
    } else {
      WriteValue(*c, row, w);
    }
  }
  if (o.raw) w->Key("@raw").String(b.sources()[row].raw);
  w->EndObject();
}

std::string RowToJson(const columnar::Batch& b, size_t row, const RowJsonOptions& o) {
  JsonWriter w;
  WriteRowJson(b, row, o, &w);
  return w.Take();
}

std::string FormatTimestamp(int64_t ms) {
  int64_t secs = ms >= 0 ? ms / 1000 : (ms - 999) / 1000;
  const int64_t milli = ms - secs * 1000;
  int64_t days = secs >= 0 ? secs / 86400 : (secs - 86399) / 86400;
  const int64_t sod = secs - days * 86400;
  // Civil date from days since the epoch (Howard Hinnant's algorithm).
  days += 719468;
  const int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const auto doe = static_cast<unsigned>(days - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  const int64_t y = static_cast<int64_t>(yoe) + era * 400 + (m <= 2);
  char buf[96];
  std::snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02lld:%02lld:%02lld.%03lldZ",
                static_cast<long long>(y), m, d, static_cast<long long>(sod / 3600),
                static_cast<long long>(sod % 3600 / 60), static_cast<long long>(sod % 60),
                static_cast<long long>(milli));
  return buf;
}

}  // namespace vigil::ingest
