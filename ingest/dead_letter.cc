// dead_letter.cc: reason tables and the dead-letter JSON line.
#include "ingest/dead_letter.h"

#include <array>

#include "ingest/json_writer.h"

namespace vigil::ingest {
namespace {

constexpr std::array<std::string_view, kReasonCount> kCodes = {
#define VIGIL_REASON(id, code, doc) code,
#include "ingest/reasons.def"
#undef VIGIL_REASON
};
constexpr std::array<std::string_view, kReasonCount> kDocs = {
#define VIGIL_REASON(id, code, doc) doc,
#include "ingest/reasons.def"
#undef VIGIL_REASON
};

}  // namespace

std::string_view ReasonCode(Reason r) { return kCodes[static_cast<size_t>(r)]; }
std::string_view ReasonDoc(Reason r) { return kDocs[static_cast<size_t>(r)]; }

std::string DeadLetterToJson(const DeadLetter& d) {
  JsonWriter w;
  w.BeginObject();
  w.Key("reason").String(ReasonCode(d.reason));
  w.Key("message").String(d.message);
  w.Key("file").String(d.file);
  w.Key("offset").Int(static_cast<int64_t>(d.offset));
  w.Key("raw").String(d.raw);
  w.Key("raw_bytes").Int(static_cast<int64_t>(d.raw_size));
  w.Key("truncated").Bool(d.raw_size > d.raw.size());
  w.EndObject();
  return w.Take();
}

}  // namespace vigil::ingest
