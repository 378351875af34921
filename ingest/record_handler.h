// record_handler.h: the callback every reader (JSON, key=value, CSV, YAML samples) drives:
// one call per source record, one per bad record, one per unwrapped container.
#pragma once

#include <cstdint>
#include <string_view>

#include "ingest/dead_letter.h"
#include "ingest/raw_record.h"

namespace vigil::ingest {

class RecordHandler {
 public:
  virtual ~RecordHandler() = default;
  // A well-formed source record; `record` and its views are valid during the call only.
  virtual void OnRecord(RawRecord& record) = 0;
  // A bad record: `raw` holds its first bytes (any length; the handler truncates), `size` its
  // full length.
  virtual void OnBad(Reason reason, std::string_view message, uint64_t offset, std::string_view raw,
                     uint64_t size) = 0;
  // An envelope or page was unwrapped (it is not a record itself).
  virtual void OnContainer() = 0;
};

}  // namespace vigil::ingest
