// kv_records.h: parses API 1.0 key=value SIEM lines
//   datetime=2017-05-26T16:47:41+0100|aCode=7O7I7M...|Subject=\message subject\|SpamScore=1
// into RawRecords. Free text is wrapped in backslashes and may hold '|' and '='; a value ends
// at the '|' that starts the next "key=", so unwrapped values may hold '|' too.
#pragma once

#include <string_view>

#include "ingest/raw_record.h"

namespace vigil::ingest {

// Parses one line into out->fields (views into `line`, every value a kString). Returns false
// when the line holds no key=value pair or more than kMaxRecordFields of them.
bool ParseKvLine(std::string_view line, RawRecord* out);

}  // namespace vigil::ingest
