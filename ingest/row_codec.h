// row_codec.h: a compact, owned copy of one normalized event (a batch row) that outlives its
// batch, and the JSON rendering of it. Copying a row this way costs a few hundred nanoseconds
// (no escaping, no number or time formatting), so the runtime keeps matched events as encoded
// rows and renders JSON only for the events an alert shows. RowToJson renders through the same
// encoding, so both give the same JSON.
//
// Encoding (host byte order; never written to disk by the runtime as such): the row's non-null
// top-level fields in schema order, each as u16 field id then its value:
//   scalar   bool/int/duration/timestamp: i64; float: f64; ip/cidr: 16 address bytes;
//            string-like: u32 length + bytes
//   array    u32 element count, then per element u8 valid (0/1) + the value when valid
//   records  u32 element count, then per element u16 member count + (u16 member id, value)...
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/json_writer.h"
#include "vm/columnar/batch.h"

namespace vigil::ingest {

// Appends the encoding of `row` of `batch` to *out.
void EncodeRow(const columnar::Batch& batch, size_t row, std::string* out);

// Encodes many rows of one batch: the top-level columns that hold no value in any row of the
// batch are dropped once, when the encoder is made, instead of tested for every row. It gives
// the same bytes as EncodeRow. Keeps pointers to the batch's columns: valid while the
// batch is neither changed nor destroyed.
class RowEncoder {
 public:
  explicit RowEncoder(const columnar::Batch& batch);
  // Writes the encoding of `row` at the start of *buffer, a scratch buffer reused from row to
  // row (its size is only ever grown; bytes past the result are left over), and returns it.
  std::string_view EncodeInto(size_t row, std::string* buffer) const;

 private:
  struct Entry {
    const schema::FieldInfo* field;
    const columnar::Column* column;
  };
  const columnar::Batch* batch_;
  std::vector<Entry> entries_;  // schema order, as EncodeRow writes them
};

// Writes the fields of an encoded row as JSON object members (keys and values, no braces), as
// normalized_json.h describes. Returns false (having written a prefix) when `encoded` is not a
// well-formed encoding; never reads out of bounds.
bool WriteEncodedFields(std::string_view encoded, JsonWriter* w);

// The value of string-like top-level scalar field `id` in an encoded row, as a view into
// `encoded`; empty when the row has no such value or `encoded` is malformed before it.
std::string_view EncodedString(std::string_view encoded, schema::FieldId id);

// The encoded row as one JSON object; "{}" when `encoded` is malformed.
std::string EncodedRowToJson(std::string_view encoded);

}  // namespace vigil::ingest
