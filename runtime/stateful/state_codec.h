// state_codec.h: byte encodings of the values stateful state holds (scalars, event
// references), for checkpoints. Built on the pack format's bounds-checked wire encoding.
#pragma once

#include "runtime/alerts.h"
#include "runtime/stateful/aggregator.h"
#include "vm/bytecode/wire.h"

namespace vigil::runtime {

void WriteValue(bytecode::WireWriter& w, const StateValue& v);
StateValue ReadValue(bytecode::WireReader& r);
void WriteEvent(bytecode::WireWriter& w, const EventRef& e);
EventRef ReadEvent(bytecode::WireReader& r);

}  // namespace vigil::runtime
