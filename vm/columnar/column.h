// column.h: one field's values for the rows (or array elements) of a batch.
// Layout by type: bool/int/timestamp/duration in i64 (bool as 0/1), float in f64, ip in ip,
// string-like either flat (str: one view per value) or dictionary-encoded (code + dict).
// Arrays of scalars keep offsets[rows+1] here and the element values in `elements`; a records
// field keeps only offsets, and each member is its own column indexed by element.
// `valid` has one bit per value: a cleared bit is null (the value slot is then unspecified).
// A dictionary field's batch column (ForField) falls back to flat storage for the rest of the
// batch when its values turn out mostly distinct (kFlatProbe distinct values within the first
// kFlatMaxValues values): interning unique values costs a table miss each and saves readers
// nothing. Readers go by storage(), which can differ between batches; Clear and Reset return
// the column to dictionary storage.
// The value vectors hold at least size() slots (offsets: size()+1); after Clear(reserve) they
// hold `reserve` slots, and slots past size() are unspecified: read size(), never a vector's.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "base/ip.h"
#include "schema/schema.h"
#include "vm/columnar/arena.h"
#include "vm/columnar/bitmap.h"
#include "vm/columnar/string_dict.h"

namespace vigil::columnar {

enum class Storage : uint8_t { kI64, kF64, kIp, kFlatString, kDictString, kOffsets };

class Column {
 public:
  // A column for values of `type`; `dict` selects dictionary encoding for string-like types;
  // `offsets` makes it an array/records column (with element column when `array_of_scalar`).
  Column(schema::ScalarType type, Storage storage);
  static std::unique_ptr<Column> ForField(const schema::FieldInfo& f);

  schema::ScalarType type() const { return type_; }
  Storage storage() const { return storage_; }
  size_t size() const { return size_; }

  // Sets the length to n null values (keeps capacity).
  void Reset(size_t n);
  // Sets the length to 0; from the first append on, the storage holds at least `reserve`
  // values, so appending nulls up to that length allocates nothing and, but for offsets, costs
  // a counter bump. A column never appended to allocates nothing. Cost: the bitmap words used.
  void Clear(size_t reserve);
  // Appends one null value and returns its index.
  size_t AppendNull() {
    AppendNulls(1);
    return size_ - 1;
  }
  // Appends n null values.
  void AppendNulls(size_t n) {
    const size_t old = size_;
    size_ += n;
    valid.AppendZeros(n);
    if (size_ > slots_) return GrowStorage(old);
    if (storage_ == Storage::kOffsets) {
      for (size_t i = old + 1; i <= size_; ++i) offsets[i] = offsets[old];
    }
  }

  void SetInt(size_t i, int64_t v) {
    i64[i] = v;
    valid.Set(i);
  }
  void SetFloat(size_t i, double v) {
    f64[i] = v;
    valid.Set(i);
  }
  void SetIp(size_t i, const base::IpAddr& v) {
    ip[i] = v;
    valid.Set(i);
  }
  // Stores s (copied into arena; lower-cased for email/domain columns).
  void SetString(size_t i, std::string_view s, Arena& arena);
  // Hints that SetString(_, s, _) follows soon (prefetches the dictionary slot of s).
  void PrefetchString(std::string_view s) const {
    if (storage_ == Storage::kDictString) dict.Prefetch(s);
  }
  // A dictionary write in two steps, so a writer can hash and prefetch a whole row's values
  // before storing any: true (with *hash set, the slot prefetched) when this is a dictionary
  // column and s is stored as is (not to be lower-cased); else use SetString.
  bool PrepareDictString(std::string_view s, uint32_t* hash) const {
    if (storage_ != Storage::kDictString || (schema::IsCaseInsensitive(type_) && HasUpperAscii(s)))
      return false;
    *hash = StringDict::Hash(s);
    dict.Prefetch(*hash);
    return true;
  }
  // Stores s with the hash PrepareDictString returned for it.
  void SetDictString(size_t i, std::string_view s, uint32_t hash, Arena& arena) {
    code[i] = dict.InternHashed(s, hash, arena);
    valid.Set(i);
    if (dict.size() >= kFlatProbe && flat_fallback_) MaybeGoFlat();
  }
  // Stores s, a view of static storage (StringDict::InternStatic): a dictionary column maps
  // a view it has seen in this batch to its code by address; otherwise as SetString.
  void SetStaticString(size_t i, std::string_view s, Arena& arena) {
    if (storage_ != Storage::kDictString || schema::IsCaseInsensitive(type_)) {
      return SetString(i, s, arena);
    }
    code[i] = dict.InternStatic(s, arena);
    valid.Set(i);
    if (dict.size() >= kFlatProbe && flat_fallback_) MaybeGoFlat();
  }
  // True when this is a dictionary column and s equals the value it interned last, so
  // SetLastString(i) stores s without hashing it.
  bool RepeatsLast(std::string_view s) const {
    return storage_ == Storage::kDictString && dict.IsLast(s);
  }
  // Stores the value interned last again; requires RepeatsLast(s) of the value meant, with no
  // write to this column in between.
  void SetLastString(size_t i) {
    code[i] = dict.last();
    valid.Set(i);
  }
  // The flat fallback: at kFlatProbe distinct values, a column that has held at most
  // kFlatMaxValues values (3 in 4 distinct) turns flat.
  static constexpr size_t kFlatProbe = 256;
  static constexpr size_t kFlatMaxValues = kFlatProbe * 4 / 3;
  void SetNull(size_t i) { valid.Clear(i); }
  bool IsNull(size_t i) const { return !valid.Get(i); }

  // The string value of a string-like column at i (valid rows only).
  std::string_view GetString(size_t i) const {
    return storage_ == Storage::kDictString ? dict.value(code[i]) : str[i];
  }

  Bitmap valid;
  std::vector<int64_t> i64;
  std::vector<double> f64;
  std::vector<base::IpAddr> ip;
  std::vector<std::string_view> str;
  std::vector<uint32_t> code;
  StringDict dict;
  std::vector<uint32_t> offsets;     // kOffsets: size()+1 entries
  std::unique_ptr<Column> elements;  // kOffsets of an array of scalars

 private:
  void ResizeStorage(size_t n);
  // Turns a dictionary column with the fallback flat when the fallback condition holds.
  void MaybeGoFlat();
  // Returns a column that fell back to flat storage to dictionary storage (no values kept).
  void RestoreDict();
  // Makes room for size_ values after appending nulls to `old` values (fills their offsets).
  void GrowStorage(size_t old);
  schema::ScalarType type_;
  Storage storage_;
  size_t size_ = 0;
  size_t slots_ = 0;            // value slots the storage vectors hold (offsets: slots_ + 1)
  size_t reserve_ = 0;          // slots to allocate at once when growing (see Clear)
  bool flat_fallback_ = false;  // a dictionary field's batch column (see the file comment)
};

}  // namespace vigil::columnar
