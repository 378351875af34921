// state_codec.cc: scalar and event encodings.
#include "runtime/stateful/state_codec.h"

namespace vigil::runtime {

void WriteValue(bytecode::WireWriter& w, const StateValue& v) {
  w.U8(v.valid ? 1 : 0);
  w.U8(static_cast<uint8_t>(v.type));
  w.I64(v.i);
  w.F64(v.f);
  w.Str(v.s);
}

StateValue ReadValue(bytecode::WireReader& r) {
  StateValue v;
  v.valid = r.U8() != 0;
  const uint8_t t = r.U8();
  if (t >= schema::kScalarTypeCount) r.Fail("invalid value type");
  v.type = static_cast<schema::ScalarType>(t < schema::kScalarTypeCount ? t : 0);
  v.i = r.I64();
  v.f = r.F64();
  v.s = r.Str();
  return v;
}

void WriteEvent(bytecode::WireWriter& w, const EventRef& e) {
  w.Str(e.file());
  w.U64(e.offset);
  w.U8(static_cast<uint8_t>(e.type));
  w.I64(e.ts);
  w.Str(e.message_id());
  w.Str(e.tracking_id());
  w.Str(e.aggregate_id());
  w.Str(e.account());
  w.U64(e.content_hash);
  w.Str(e.record_json());
}

EventRef ReadEvent(bytecode::WireReader& r) {
  EventRef e;
  EventRef::Ids ids;
  ids.file = r.Str();
  e.offset = r.U64();
  const uint8_t t = r.U8();
  if (t >= schema::kEventTypeCount) r.Fail("invalid event type");
  e.type = static_cast<schema::EventType>(t < schema::kEventTypeCount ? t : 0);
  e.ts = r.I64();
  ids.message_id = r.Str();
  ids.tracking_id = r.Str();
  ids.aggregate_id = r.Str();
  ids.account = r.Str();
  e.set_ids(std::move(ids));
  e.content_hash = r.U64();
  e.set_record_json(r.Str());
  return e;
}

}  // namespace vigil::runtime
