// list_value.cc: the ListValue base (lazy evidence and lookalike keys) and kind names.
#include "stdlib/lists/list_value.h"

#include <nlohmann/json.hpp>

#include "stdlib/lookalike/confusables.h"
#include "stdlib/lookalike/edit_distance.h"

namespace vigil::stdlib {
namespace {
constexpr std::string_view kKindNames[] = {"string", "domain", "cidr", "regex", "glob", "ioc"};
}  // namespace

std::string_view ListKindName(ListKind k) { return kKindNames[static_cast<int>(k)]; }

bool ParseListKind(std::string_view name, ListKind* out) {
  for (size_t i = 0; i < std::size(kKindNames); ++i) {
    if (kKindNames[i] == name) {
      *out = static_cast<ListKind>(i);
      return true;
    }
  }
  return false;
}

}  // namespace vigil::stdlib

namespace vigil::schema {

ListValue::~ListValue() = default;

std::string_view ListValue::Metadata(size_t i) const {
  std::call_once(metadata_once_, [this] {
    metadata_.reserve(entries_.size());
    for (const std::string& e : entries_) {
      metadata_.push_back(nlohmann::json{{"indicator", e}}.dump(
          -1, ' ', false, nlohmann::json::error_handler_t::replace));
    }
  });
  return i < metadata_.size() ? std::string_view(metadata_[i]) : std::string_view();
}

const std::vector<std::string>& ListValue::LookalikeKeys() const {
  std::call_once(keys_once_, [this] {
    keys_.resize(entries_.size());
    key_points_.resize(entries_.size());
    for (size_t i = 0; i < entries_.size(); ++i) {
      if (!stdlib::LookalikeKey(entries_[i], &keys_[i])) keys_[i].clear();
      key_points_[i] = stdlib::ToCodePoints(keys_[i]);
    }
  });
  return keys_;
}

const std::vector<std::u32string>& ListValue::LookalikeKeyPoints() const {
  LookalikeKeys();
  return key_points_;
}

}  // namespace vigil::schema
