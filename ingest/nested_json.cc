// nested_json.cc: padded copies and repeated decoding of embedded JSON.
#include "ingest/nested_json.h"

#include "base/strings.h"

namespace vigil::ingest {
namespace od = simdjson::ondemand;

bool NestedJson::ParseText(std::string_view text, od::document* doc) {
  text = base::Trim(text);
  if (text.empty() || text.size() > kMaxBytes) return false;
  copy_.assign(text);
  copy_.append(64, '\0');
  return !parser_.iterate(copy_.data(), text.size(), copy_.size()).get(*doc);
}

bool NestedJson::Parse(const RawField& f, od::document* doc) {
  if (f.kind == RawKind::kObject || f.kind == RawKind::kArray) return ParseText(f.text, doc);
  if (f.kind != RawKind::kString) return false;
  std::string_view text = f.text;
  for (int depth = 0; depth < 3; ++depth) {
    if (!ParseText(text, doc)) return false;
    od::json_type t;
    if (doc->type().get(t)) return false;
    if (t != od::json_type::string) return true;
    std::string_view inner;
    if (doc->get_string().get(inner)) return false;
    decoded_.assign(inner);
    text = decoded_;
  }
  return false;
}

}  // namespace vigil::ingest
