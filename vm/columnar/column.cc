// column.cc: column storage management.
#include "vm/columnar/column.h"

#include <algorithm>
#include <string>

#include "base/check.h"

namespace vigil::columnar {

using schema::ScalarType;
using schema::Shape;

namespace {

Storage StorageFor(ScalarType t, bool dict) {
  switch (t) {
    case ScalarType::kFloat:
      return Storage::kF64;
    case ScalarType::kIp:
    case ScalarType::kCidr:
      return Storage::kIp;
    case ScalarType::kString:
    case ScalarType::kEmail:
    case ScalarType::kDomain:
      return dict ? Storage::kDictString : Storage::kFlatString;
    default:
      return Storage::kI64;
  }
}

}  // namespace

Column::Column(ScalarType type, Storage storage) : type_(type), storage_(storage) {}

std::unique_ptr<Column> Column::ForField(const schema::FieldInfo& f) {
  switch (f.shape) {
    case Shape::kScalar:
    case Shape::kMember: {
      auto c = std::make_unique<Column>(f.type, StorageFor(f.type, f.dict()));
      c->flat_fallback_ = c->storage_ == Storage::kDictString;
      return c;
    }
    case Shape::kRecords:
      return std::make_unique<Column>(f.type, Storage::kOffsets);
    case Shape::kArray: {
      auto c = std::make_unique<Column>(f.type, Storage::kOffsets);
      c->elements = std::make_unique<Column>(f.type, StorageFor(f.type, f.dict()));
      c->elements->flat_fallback_ = c->elements->storage_ == Storage::kDictString;
      return c;
    }
  }
  VIGIL_UNREACHABLE();
}

void Column::ResizeStorage(size_t n) {
  switch (storage_) {
    case Storage::kI64:
      i64.resize(n);
      break;
    case Storage::kF64:
      f64.resize(n);
      break;
    case Storage::kIp:
      ip.resize(n);
      break;
    case Storage::kFlatString:
      str.resize(n);
      break;
    case Storage::kDictString:
      code.resize(n);
      break;
    case Storage::kOffsets:
      offsets.resize(n + 1);
      break;
  }
  slots_ = n;
}

void Column::Reset(size_t n) {
  RestoreDict();
  size_ = n;
  valid.Resize(n, false);
  ResizeStorage(n);
  if (storage_ == Storage::kOffsets) {
    for (auto& o : offsets) o = 0;
  }
  if (storage_ == Storage::kDictString) dict.Clear();
  if (elements) elements->Reset(0);
}

void Column::Clear(size_t reserve) {
  RestoreDict();
  valid.ClearReserving(reserve);
  size_ = 0;
  reserve_ = reserve;
  if (slots_ == 0 && storage_ == Storage::kOffsets) offsets.resize(1);
  if (storage_ == Storage::kOffsets) offsets[0] = 0;
  if (storage_ == Storage::kDictString) dict.Clear();
  if (elements) elements->Reset(0);
}

void Column::GrowStorage(size_t old) {
  ResizeStorage(std::max({size_, slots_ * 2, reserve_}));
  if (storage_ == Storage::kOffsets) {
    for (size_t i = old + 1; i <= size_; ++i) offsets[i] = offsets[old];
  }
}

void Column::MaybeGoFlat() {
  if (storage_ != Storage::kDictString || size_ > kFlatMaxValues) return;
  str.resize(slots_);
  for (size_t i = 0; i < size_; ++i) {
    if (valid.Get(i)) str[i] = dict.value(code[i]);
  }
  storage_ = Storage::kFlatString;
  dict.Clear();
}

void Column::RestoreDict() {
  if (!flat_fallback_ || storage_ == Storage::kDictString) return;
  storage_ = Storage::kDictString;
  if (code.size() < slots_) code.resize(slots_);
}

void Column::SetString(size_t i, std::string_view s, Arena& arena) {
  VIGIL_CHECK(storage_ == Storage::kFlatString || storage_ == Storage::kDictString);
  const bool lower = schema::IsCaseInsensitive(type_);
  if (storage_ == Storage::kDictString) {
    if (lower && HasUpperAscii(s)) {
      // Lower-case into a reused scratch buffer so equal values share one code.
      thread_local std::string scratch;
      scratch.assign(s);
      for (char& c : scratch) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
      }
      code[i] = dict.Intern(scratch, arena);
    } else {
      code[i] = dict.Intern(s, arena);
    }
    valid.Set(i);
    if (dict.size() >= kFlatProbe && flat_fallback_) MaybeGoFlat();
    return;
  } else {
    str[i] = lower ? arena.CopyLower(s) : arena.Copy(s);
  }
  valid.Set(i);
}

}  // namespace vigil::columnar
