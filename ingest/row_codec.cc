// row_codec.cc: encoding batch rows and rendering encoded rows as JSON.
#include "ingest/row_codec.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <vector>

#include "base/ip.h"
#include "ingest/normalized_json.h"

namespace vigil::ingest {

using columnar::Column;
using schema::FieldId;
using schema::ScalarType;
using schema::Shape;

namespace {

// Writes into a std::string through a raw pointer from position `start`: the string is grown
// (doubling) only when full, so a small value costs a bounds check and an inlined copy rather
// than a call to std::string::append. With `trim` the string is cut to the written size when
// the writer goes; without, it keeps its size (the room), so a reused buffer is not zero-filled
// again for every row.
class RowOut {
 public:
  RowOut(std::string* s, size_t start, bool trim) : s_(s), n_(start), trim_(trim) {
    if (s_->size() < n_ + 256) s_->resize(std::max(s_->capacity(), n_ + 256));
  }
  explicit RowOut(std::string* s) : RowOut(s, s->size(), true) {}
  ~RowOut() {
    if (trim_) s_->resize(n_);
  }
  RowOut(const RowOut&) = delete;
  RowOut& operator=(const RowOut&) = delete;
  void Append(const void* p, size_t k) {
    if (s_->size() - n_ < k) s_->resize(std::max(s_->size() * 2, n_ + k));
    std::memcpy(s_->data() + n_, p, k);
    n_ += k;
  }
  size_t size() const { return n_; }
  char* at(size_t pos) { return s_->data() + pos; }

 private:
  std::string* s_;
  size_t n_;  // bytes written; s_->size() is the room
  bool trim_;
};

enum class Slot : uint8_t { kI64, kF64, kIp, kString };

Slot SlotOf(ScalarType t) {
  switch (t) {
    case ScalarType::kBool:
    case ScalarType::kInt:
    case ScalarType::kDuration:
    case ScalarType::kTimestamp:
      return Slot::kI64;
    case ScalarType::kFloat:
      return Slot::kF64;
    case ScalarType::kIp:
    case ScalarType::kCidr:
      return Slot::kIp;
    default:
      return Slot::kString;
  }
}

template <typename T>
void Put(const T& v, RowOut* out) {
  out->Append(&v, sizeof v);
}

// Appends value i of column c (a valid value).
void PutValue(const Column& c, size_t i, RowOut* out) {
  switch (SlotOf(c.type())) {
    case Slot::kI64:
      Put(c.i64[i], out);
      break;
    case Slot::kF64:
      Put(c.f64[i], out);
      break;
    case Slot::kIp:
      out->Append(c.ip[i].bytes.data(), c.ip[i].bytes.size());
      break;
    case Slot::kString: {
      const std::string_view s = c.GetString(i);
      Put(static_cast<uint32_t>(s.size()), out);
      out->Append(s.data(), s.size());
      break;
    }
  }
}

void PutRecords(const columnar::Batch& b, FieldId f, size_t row, RowOut* out) {
  const Column& c = *b.column(f);
  Put(c.offsets[row + 1] - c.offsets[row], out);
  const std::vector<FieldId>& members = schema::MembersOf(f);
  for (uint32_t e = c.offsets[row]; e < c.offsets[row + 1]; ++e) {
    const size_t count_at = out->size();
    uint16_t count = 0;
    Put(count, out);
    for (FieldId m : members) {
      const Column* mc = b.column(m);
      if (mc == nullptr || mc->IsNull(e)) continue;
      Put(static_cast<uint16_t>(m), out);
      PutValue(*mc, e, out);
      ++count;
    }
    std::memcpy(out->at(count_at), &count, sizeof count);
  }
}

// A bounds-checked reader over an encoded row.
class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  bool done() const { return pos_ == in_.size(); }
  template <typename T>
  bool Get(T* v) {
    if (in_.size() - pos_ < sizeof(T)) return false;
    std::memcpy(v, in_.data() + pos_, sizeof(T));
    pos_ += sizeof(T);
    return true;
  }
  bool Bytes(size_t n, std::string_view* v) {
    if (in_.size() - pos_ < n) return false;
    *v = in_.substr(pos_, n);
    pos_ += n;
    return true;
  }

 private:
  std::string_view in_;
  size_t pos_ = 0;
};

// A field id of the schema, read from the encoding.
bool GetField(Reader& r, const schema::FieldInfo** f) {
  uint16_t id = 0;
  if (!r.Get(&id) || id >= schema::kFieldCount) return false;
  *f = &schema::Field(static_cast<FieldId>(id));
  return true;
}

bool WriteValue(Reader& r, ScalarType t, JsonWriter* w) {
  switch (SlotOf(t)) {
    case Slot::kI64: {
      int64_t v = 0;
      if (!r.Get(&v)) return false;
      if (t == ScalarType::kBool) {
        w->Bool(v != 0);
      } else if (t == ScalarType::kTimestamp) {
        w->String(FormatTimestamp(v));
      } else {
        w->Int(v);
      }
      return true;
    }
    case Slot::kF64: {
      double v = 0;
      if (!r.Get(&v)) return false;
      w->Double(v);
      return true;
    }
    case Slot::kIp: {
      base::IpAddr ip;
      std::string_view bytes;
      if (!r.Bytes(ip.bytes.size(), &bytes)) return false;
      std::memcpy(ip.bytes.data(), bytes.data(), ip.bytes.size());
      w->String(base::FormatIp(ip));
      return true;
    }
    case Slot::kString: {
      uint32_t n = 0;
      std::string_view s;
      if (!r.Get(&n) || !r.Bytes(n, &s)) return false;
      w->String(s);
      return true;
    }
  }
  return false;
}

bool WriteArray(Reader& r, ScalarType t, JsonWriter* w) {
  uint32_t n = 0;
  if (!r.Get(&n)) return false;
  w->BeginArray();
  for (uint32_t e = 0; e < n; ++e) {
    uint8_t valid = 0;
    if (!r.Get(&valid)) return false;
    if (valid == 0) {
      w->Null();
    } else if (!WriteValue(r, t, w)) {
      return false;
    }
  }
  w->EndArray();
  return true;
}

bool WriteRecords(Reader& r, FieldId parent, JsonWriter* w) {
  uint32_t n = 0;
  if (!r.Get(&n)) return false;
  w->BeginArray();
  for (uint32_t e = 0; e < n; ++e) {
    uint16_t members = 0;
    if (!r.Get(&members)) return false;
    w->BeginObject();
    for (uint16_t m = 0; m < members; ++m) {
      const schema::FieldInfo* f = nullptr;
      if (!GetField(r, &f) || f->shape != Shape::kMember || f->parent != parent) return false;
      w->Key(f->name.substr(f->name.rfind('.') + 1));
      if (!WriteValue(r, f->type, w)) return false;
    }
    w->EndObject();
  }
  w->EndArray();
  return true;
}

// Steps over one value of type `t`; false when the encoding ends inside it.
bool SkipValue(Reader& r, ScalarType t) {
  std::string_view skipped;
  switch (SlotOf(t)) {
    case Slot::kI64:
      return r.Bytes(sizeof(int64_t), &skipped);
    case Slot::kF64:
      return r.Bytes(sizeof(double), &skipped);
    case Slot::kIp:
      return r.Bytes(base::IpAddr().bytes.size(), &skipped);
    case Slot::kString: {
      uint32_t n = 0;
      return r.Get(&n) && r.Bytes(n, &skipped);
    }
  }
  return false;
}

// Steps over one top-level field's value (`f` read by GetField).
bool SkipField(Reader& r, const schema::FieldInfo& f) {
  uint32_t n = 0;
  if (f.shape == Shape::kArray) {
    if (!r.Get(&n)) return false;
    for (uint32_t e = 0; e < n; ++e) {
      uint8_t valid = 0;
      if (!r.Get(&valid) || (valid != 0 && !SkipValue(r, f.type))) return false;
    }
    return true;
  }
  if (f.shape != Shape::kRecords) return SkipValue(r, f.type);
  if (!r.Get(&n)) return false;
  for (uint32_t e = 0; e < n; ++e) {
    uint16_t members = 0;
    if (!r.Get(&members)) return false;
    for (uint16_t m = 0; m < members; ++m) {
      const schema::FieldInfo* member = nullptr;
      if (!GetField(r, &member) || member->shape != Shape::kMember || member->parent != f.id ||
          !SkipValue(r, member->type))
        return false;
    }
  }
  return true;
}

// The top-level (scalar, array and records) fields of each event type, in schema order.
const std::vector<const schema::FieldInfo*>& TopLevelFields(schema::EventType t) {
  static const auto* fields = [] {
    auto* m = new std::array<std::vector<const schema::FieldInfo*>, schema::kEventTypeCount>();
    for (const schema::FieldInfo& f : schema::AllFields()) {
      for (size_t e = 0; e < schema::kEventTypeCount; ++e) {
        if (f.shape != Shape::kMember && f.HasEvent(static_cast<schema::EventType>(e)))
          (*m)[e].push_back(&f);
      }
    }
    return m;
  }();
  return (*fields)[static_cast<size_t>(t)];
}

// Appends top-level field `f` (column c, a valid value at `row`) with its id.
void PutField(const columnar::Batch& b, const schema::FieldInfo& f, const Column& c, size_t row,
              RowOut* out) {
  Put(static_cast<uint16_t>(f.id), out);
  if (f.shape == Shape::kArray) {
    Put(c.offsets[row + 1] - c.offsets[row], out);
    for (uint32_t e = c.offsets[row]; e < c.offsets[row + 1]; ++e) {
      const bool valid = !c.elements->IsNull(e);
      Put(static_cast<uint8_t>(valid), out);
      if (valid) PutValue(*c.elements, e, out);
    }
  } else if (f.shape == Shape::kRecords) {
    PutRecords(b, f.id, row, out);
  } else {
    PutValue(c, row, out);
  }
}

}  // namespace

void EncodeRow(const columnar::Batch& b, size_t row, std::string* encoded) {
  RowOut out(encoded);
  for (const schema::FieldInfo* f : TopLevelFields(b.type())) {
    const Column* c = b.column(f->id);
    if (c != nullptr && !c->IsNull(row)) PutField(b, *f, *c, row, &out);
  }
}

RowEncoder::RowEncoder(const columnar::Batch& b) : batch_(&b) {
  for (const schema::FieldInfo* f : TopLevelFields(b.type())) {
    const Column* c = b.column(f->id);
    if (c != nullptr && c->valid.AnySet()) entries_.push_back({f, c});
  }
}

std::string_view RowEncoder::EncodeInto(size_t row, std::string* buffer) const {
  RowOut out(buffer, 0, false);
  for (const Entry& e : entries_) {
    if (!e.column->IsNull(row)) PutField(*batch_, *e.field, *e.column, row, &out);
  }
  return {buffer->data(), out.size()};
}

bool WriteEncodedFields(std::string_view encoded, JsonWriter* w) {
  Reader r(encoded);
  while (!r.done()) {
    const schema::FieldInfo* f = nullptr;
    if (!GetField(r, &f) || f->shape == Shape::kMember) return false;
    w->Key(f->name);
    const bool ok = f->shape == Shape::kArray     ? WriteArray(r, f->type, w)
                    : f->shape == Shape::kRecords ? WriteRecords(r, f->id, w)
                                                  : WriteValue(r, f->type, w);
    if (!ok) return false;
  }
  return true;
}

std::string_view EncodedString(std::string_view encoded, FieldId id) {
  Reader r(encoded);
  while (!r.done()) {
    const schema::FieldInfo* f = nullptr;
    if (!GetField(r, &f) || f->shape == Shape::kMember) return {};
    if (f->id == id && f->shape == Shape::kScalar && SlotOf(f->type) == Slot::kString) {
      uint32_t n = 0;
      std::string_view s;
      return r.Get(&n) && r.Bytes(n, &s) ? s : std::string_view();
    }
    if (!SkipField(r, *f)) return {};
  }
  return {};
}

std::string EncodedRowToJson(std::string_view encoded) {
  JsonWriter w;
  w.BeginObject();
  if (!WriteEncodedFields(encoded, &w)) return "{}";
  w.EndObject();
  return w.Take();
}

}  // namespace vigil::ingest
