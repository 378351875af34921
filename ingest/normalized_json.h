// normalized_json.h: renders one row of a columnar batch as a JSON object of normalized field
// names -> typed values (nulls omitted). Used by `vigil ingest --emit normalized` and by alert
// evidence. Timestamps render as ISO-8601 UTC ("2021-10-18T08:02:43.000Z"), durations as
// milliseconds, IPs as text, arrays as arrays, records as arrays of objects keyed by the
// member's last name component ("attachments": [{"name": ..., "ext": ...}]).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/json_writer.h"
#include "vm/columnar/batch.h"

namespace vigil::ingest {

struct RowJsonOptions {
  // Adds "@type" (event type) first, then "@file" and "@offset" of the row's source.
  bool meta = true;
  // Input names to resolve "@file" (Ingestor::files()); without them "@file" is the index.
  const std::vector<std::string>* files = nullptr;
  // Adds "@raw": the source record as it was read.
  bool raw = false;
};

void WriteRowJson(const columnar::Batch& batch, size_t row, const RowJsonOptions& options,
                  JsonWriter* w);
std::string RowToJson(const columnar::Batch& batch, size_t row, const RowJsonOptions& options = {});

// "2021-10-18T08:02:43.000Z" for milliseconds since the epoch.
std::string FormatTimestamp(int64_t ms);

}  // namespace vigil::ingest
