// record.cc: JSON and key=value serialization of rendered records.
#include "gen/record.h"

#include <algorithm>

#include "ingest/json_writer.h"

namespace vigil::gen {
namespace {

constexpr std::string_view kStreamTypes[kStreamCount] = {"receipt",
                                                         "process",
                                                         "delivery",
                                                         "journal",
                                                         "av",
                                                         "spam",
                                                         "iep",
                                                         "impersonation",
                                                         "url_protect",
                                                         "attachment_protect",
                                                         "url_protect",
                                                         "attachment_protect",
                                                         "impersonation",
                                                         "dlp",
                                                         "audit",
                                                         "release",
                                                         "archive_search"};

constexpr std::string_view kWrapped[] = {"Subject", "RejType", "RejInfo", "Err", "Error"};

void AppendValue(const Value& v, std::string* out) {
  switch (v.kind) {
    case Value::Kind::kNull:
      out->append("null");
      break;
    case Value::Kind::kBool:
      out->append(v.b ? "true" : "false");
      break;
    case Value::Kind::kInt:
      out->append(std::to_string(v.i));
      break;
    case Value::Kind::kString:
      ingest::AppendJsonString(v.s, out);
      break;
    case Value::Kind::kJson:
      out->append(v.s);
      break;
  }
}

}  // namespace

std::string_view StreamEventType(Stream s) { return kStreamTypes[static_cast<size_t>(s)]; }

bool IsSiemStream(Stream s) {
  return static_cast<size_t>(s) <= static_cast<size_t>(Stream::kAttachmentProtect);
}

std::string JsonQuote(std::string_view s) {
  std::string out;
  ingest::AppendJsonString(s, &out);
  return out;
}

void AppendJson(const Fields& fields, bool sorted, std::string* out) {
  std::vector<const Field*> order;
  order.reserve(fields.size());
  for (const Field& f : fields) order.push_back(&f);
  if (sorted) {
    std::stable_sort(order.begin(), order.end(),
                     [](const Field* a, const Field* b) { return a->key < b->key; });
  }
  out->push_back('{');
  for (size_t i = 0; i < order.size(); ++i) {
    if (i > 0) out->push_back(',');
    ingest::AppendJsonString(order[i]->key, out);
    out->push_back(':');
    AppendValue(order[i]->value, out);
  }
  out->push_back('}');
}

void AppendKv(const Fields& fields, std::string* out) {
  bool first = true;
  for (const Field& f : fields) {
    if (f.value.kind == Value::Kind::kNull) continue;
    if (!first) out->push_back('|');
    first = false;
    out->append(f.key);
    out->push_back('=');
    switch (f.value.kind) {
      case Value::Kind::kBool:
        out->append(f.value.b ? "true" : "false");
        break;
      case Value::Kind::kInt:
        out->append(std::to_string(f.value.i));
        break;
      default: {
        std::string text = f.value.s;
        std::replace(text.begin(), text.end(), '\n', ' ');
        std::replace(text.begin(), text.end(), '\r', ' ');
        const bool wrap =
            std::find(std::begin(kWrapped), std::end(kWrapped), f.key) != std::end(kWrapped);
        if (wrap) out->push_back('\\');
        out->append(text);
        if (wrap) out->push_back('\\');
      }
    }
  }
}

void EmitRecord(Stream s, int64_t ts, int scenario, const std::string& message_id,
                const Fields& fields, Syntax syntax, std::vector<Record>* out) {
  Record r;
  r.ts = ts;
  r.stream = s;
  r.scenario = scenario;
  r.message_id = message_id;
  if (syntax == Syntax::kKv) {
    AppendKv(fields, &r.body);
  } else {
    AppendJson(fields, syntax == Syntax::kSortedJson, &r.body);
  }
  out->push_back(std::move(r));
}

}  // namespace vigil::gen
