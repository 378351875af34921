// csv_records.h: reads CSV exports (Microsoft Sentinel / Log Analytics, spreadsheets) into
// RawRecords: the first row is the header; quoted cells may hold commas, "" and newlines.
// Header cells are mapped back to Mimecast's key names (NormalizeCsvHeader).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "ingest/input_buffer.h"
#include "ingest/raw_record.h"
#include "ingest/record_handler.h"

namespace vigil::ingest {

// The Mimecast key a CSV header cell stands for: strips the " [UTC]" unit, turns Sentinel
// display names back into keys ("Sender IP" -> "senderIp", "Sender Envelope" ->
// "senderEnvelope", "Type" -> "Logtype") and drops Log Analytics type suffixes
// (_s, _d, _b, _t, _g: "Sender_s" -> "Sender", "date_t [UTC]" -> "date").
std::string NormalizeCsvHeader(std::string_view cell);

// Splits one CSV row into cells, unescaping quoted cells into *storage (views into it or into
// `row`). Returns false on a quote that is not closed or text after a closing quote.
bool SplitCsvRow(std::string_view row, std::string* storage, std::vector<std::string_view>* cells);

class CsvRecords {
 public:
  CsvRecords(RecordHandler* handler, size_t max_record_bytes)
      : handler_(handler), max_record_bytes_(max_record_bytes) {}
  // Reads every row of `in`; each data row reaches the handler as OnRecord or OnBad.
  void Read(InputBuffer& in);

 private:
  // Gathers the lines of one row (quoted cells may span lines). False at end of input.
  bool NextRow(InputBuffer& in, uint64_t* offset, bool* oversize);
  void OnRow(std::string_view row, uint64_t offset);

  RecordHandler* handler_;
  size_t max_record_bytes_;
  std::string row_;
  std::string storage_;
  std::vector<std::string_view> cells_;
  std::vector<std::string> header_;
  RawRecord record_;
};

}  // namespace vigil::ingest
