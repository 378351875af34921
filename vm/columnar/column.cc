// column.cc: column storage management.
#include "vm/columnar/column.h"

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

bool HasUpper(std::string_view s) {
  for (char c : s) {
    if (c >= 'A' && c <= 'Z') return true;
  }
  return false;
}

}  // namespace

Column::Column(ScalarType type, Storage storage) : type_(type), storage_(storage) {}

std::unique_ptr<Column> Column::ForField(const schema::FieldInfo& f) {
  switch (f.shape) {
    case Shape::kScalar:
    case Shape::kMember:
      return std::make_unique<Column>(f.type, StorageFor(f.type, f.dict()));
    case Shape::kRecords:
      return std::make_unique<Column>(f.type, Storage::kOffsets);
    case Shape::kArray: {
      auto c = std::make_unique<Column>(f.type, Storage::kOffsets);
      c->elements = std::make_unique<Column>(f.type, StorageFor(f.type, f.dict()));
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
}

void Column::Reset(size_t n) {
  size_ = n;
  valid.Resize(n, false);
  ResizeStorage(n);
  if (storage_ == Storage::kOffsets) {
    for (auto& o : offsets) o = 0;
  }
  if (storage_ == Storage::kDictString) dict.Clear();
  if (elements) elements->Reset(0);
}

size_t Column::AppendNull() {
  const size_t i = size_++;
  valid.PushBack(false);
  ResizeStorage(size_);
  if (storage_ == Storage::kOffsets) offsets[size_] = offsets[size_ - 1];
  return i;
}

void Column::AppendNulls(size_t n) {
  const size_t old = size_;
  size_ += n;
  valid.AppendZeros(n);
  if (n == 1) {  // the common case when a batch is filled row by row: no resize call
    switch (storage_) {
      case Storage::kI64:
        i64.emplace_back();
        return;
      case Storage::kF64:
        f64.emplace_back();
        return;
      case Storage::kIp:
        ip.emplace_back();
        return;
      case Storage::kFlatString:
        str.emplace_back();
        return;
      case Storage::kDictString:
        code.emplace_back();
        return;
      case Storage::kOffsets:
        offsets.push_back(offsets[old]);
        return;
    }
  }
  ResizeStorage(size_);
  if (storage_ == Storage::kOffsets) {
    for (size_t i = old + 1; i <= size_; ++i) offsets[i] = offsets[old];
  }
}

void Column::SetString(size_t i, std::string_view s, Arena& arena) {
  VIGIL_CHECK(storage_ == Storage::kFlatString || storage_ == Storage::kDictString);
  const bool lower = schema::IsCaseInsensitive(type_);
  if (storage_ == Storage::kDictString) {
    if (lower && HasUpper(s)) {
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
  } else {
    str[i] = lower ? arena.CopyLower(s) : arena.Copy(s);
  }
  valid.Set(i);
}

}  // namespace vigil::columnar
