// normalized_json.cc: typed rendering of batch rows.
#include "ingest/normalized_json.h"

#include <cstdio>

#include "ingest/row_codec.h"

namespace vigil::ingest {

namespace {

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
  // One rendering path: through the row encoding the runtime keeps events in (row_codec.h).
  thread_local std::string encoded;
  encoded.clear();
  EncodeRow(b, row, &encoded);
  WriteEncodedFields(encoded, w);
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
