// serializer.cc: encoding and decoding of pack files.
#include "vm/bytecode/serializer.h"

#include <zlib.h>

#include "vm/bytecode/wire.h"

namespace vigil::bytecode {
namespace {

constexpr char kMagic[8] = {'V', 'I', 'G', 'I', 'L', 'P', 'K', '\0'};
constexpr size_t kHeaderSize = 8 + 4 + 4 + 8 + 4 + 4;

void WriteInstr(WireWriter& w, const Instr& in) {
  w.U8(static_cast<uint8_t>(in.op));
  w.U8(in.sub);
  w.U16(in.flags);
  for (uint32_t v : {in.dst, in.a, in.b, in.sel, in.extra, in.extra_count, in.source}) w.U32(v);
}

Instr ReadInstr(WireReader& r) {
  Instr in;
  in.op = static_cast<Opcode>(r.U8());
  in.sub = r.U8();
  in.flags = r.U16();
  for (uint32_t* v : {&in.dst, &in.a, &in.b, &in.sel, &in.extra, &in.extra_count, &in.source}) *v = r.U32();
  return in;
}

void WriteProgram(WireWriter& w, const Program& p) {
  w.U8(static_cast<uint8_t>(p.event_type));
  w.U32(static_cast<uint32_t>(p.regs.size()));
  for (const RegInfo& r : p.regs) {
    w.U8(static_cast<uint8_t>(r.kind));
    w.U8(static_cast<uint8_t>(r.type));
    w.U32(r.domain);
  }
  w.U32(static_cast<uint32_t>(p.code.size()));
  for (const Instr& in : p.code) WriteInstr(w, in);
  w.U32(static_cast<uint32_t>(p.extra.size()));
  for (uint32_t e : p.extra) w.U32(e);
  w.U32(static_cast<uint32_t>(p.rules.size()));
  for (uint32_t r : p.rules) w.U32(r);
  w.U32(static_cast<uint32_t>(p.outputs.size()));
  for (const auto& [slot, index] : p.outputs) {
    w.U32(slot);
    w.U32(index);
  }
}

void ReadProgram(WireReader& r, Program* p) {
  p->event_type = static_cast<schema::EventType>(r.U8());
  p->regs.resize(r.Count(6, "register"));
  for (RegInfo& g : p->regs) {
    g.kind = static_cast<RegKind>(r.U8());
    g.type = static_cast<schema::ScalarType>(r.U8());
    g.domain = r.U32();
  }
  p->code.resize(r.Count(32, "instruction"));
  for (Instr& in : p->code) in = ReadInstr(r);
  p->extra.resize(r.Count(4, "operand"));
  for (uint32_t& e : p->extra) e = r.U32();
  p->rules.resize(r.Count(4, "rule"));
  for (uint32_t& x : p->rules) x = r.U32();
  p->outputs.resize(r.Count(8, "output"));
  for (auto& [slot, index] : p->outputs) {
    slot = r.U32();
    index = r.U32();
  }
}

void WriteConstant(WireWriter& w, const Constant& c) {
  w.U8(static_cast<uint8_t>(c.type));
  w.U8(c.is_null ? 1 : 0);
  w.I64(c.i);
  w.F64(c.f);
  w.Str(c.s);
  w.Bytes(c.ip.bytes.data(), 16);
  w.U8(c.prefix);
}

void ReadConstant(WireReader& r, Constant* c) {
  c->type = static_cast<schema::ScalarType>(r.U8());
  c->is_null = r.U8() != 0;
  c->i = r.I64();
  c->f = r.F64();
  c->s = r.Str();
  for (auto& b : c->ip.bytes) b = r.U8();
  c->prefix = r.U8();
}

void WriteSet(WireWriter& w, const ConstSet& s) {
  w.U8(static_cast<uint8_t>(s.kind));
  w.U32(static_cast<uint32_t>(s.strings.size()));
  for (const auto& x : s.strings) w.Str(x);
  w.U32(static_cast<uint32_t>(s.ints.size()));
  for (int64_t x : s.ints) w.I64(x);
  w.U32(static_cast<uint32_t>(s.networks.size()));
  for (const auto& n : s.networks) {
    w.Bytes(n.addr.bytes.data(), 16);
    w.U8(n.prefix);
  }
}

void ReadSet(WireReader& r, ConstSet* s) {
  s->kind = static_cast<ConstSet::Kind>(r.U8());
  s->strings.resize(r.Count(4, "set string"));
  for (auto& x : s->strings) x = r.Str();
  s->ints.resize(r.Count(8, "set int"));
  for (auto& x : s->ints) x = r.I64();
  s->networks.resize(r.Count(17, "network"));
  for (auto& n : s->networks) {
    for (auto& b : n.addr.bytes) b = r.U8();
    n.prefix = r.U8();
  }
}

void WriteExecutable(WireWriter& w, const Executable& e) {
  w.U32(e.rule_count);
  w.U32(static_cast<uint32_t>(e.programs.size()));
  for (const Program& p : e.programs) WriteProgram(w, p);
  w.U32(static_cast<uint32_t>(e.constants.size()));
  for (const Constant& c : e.constants) WriteConstant(w, c);
  w.U32(static_cast<uint32_t>(e.sets.size()));
  for (const ConstSet& s : e.sets) WriteSet(w, s);
  w.U32(static_cast<uint32_t>(e.patterns.size()));
  for (const PatternSpec& p : e.patterns) {
    w.U32(static_cast<uint32_t>(p.patterns.size()));
    for (const auto& x : p.patterns) {
      w.U8(static_cast<uint8_t>(x.op));
      w.U8(x.caseless ? 1 : 0);
      w.Str(x.text);
    }
  }
  w.U32(static_cast<uint32_t>(e.calls.size()));
  for (const CallSite& c : e.calls) {
    w.Str(c.function);
    w.Str(c.signature);
    w.U32(static_cast<uint32_t>(c.const_args.size()));
    for (uint32_t a : c.const_args) w.U32(a);
  }
  w.U32(static_cast<uint32_t>(e.history.size()));
  for (const HistorySite& h : e.history) {
    w.U8(h.kind);
    w.I64(h.over_ms);
    w.U32(h.rule);
    w.U32(h.occurrence);
  }
  w.U32(static_cast<uint32_t>(e.lists.size()));
  for (const PackList& l : e.lists) {
    w.Str(l.name);
    w.Str(l.kind);
    w.U8(l.tenant ? 1 : 0);
    w.U32(static_cast<uint32_t>(l.entries.size()));
    for (const auto& x : l.entries) w.Str(x);
  }
  w.U32(static_cast<uint32_t>(e.source_map.size()));
  for (const SourceLoc& s : e.source_map) {
    w.U32(s.rule);
    w.Str(s.file);
    w.U32(s.line);
    w.U32(s.col);
  }
  w.U32(static_cast<uint32_t>(e.extra_slots.size()));
  for (const auto& [rule, step] : e.extra_slots) {
    w.U32(rule);
    w.U32(step);
  }
}

void ReadExecutable(WireReader& r, Executable* e) {
  e->rule_count = r.U32();
  e->programs.resize(r.Count(17, "program"));
  for (Program& p : e->programs) ReadProgram(r, &p);
  e->constants.resize(r.Count(39, "constant"));
  for (Constant& c : e->constants) ReadConstant(r, &c);
  e->sets.resize(r.Count(13, "set"));
  for (ConstSet& s : e->sets) ReadSet(r, &s);
  e->patterns.resize(r.Count(4, "pattern set"));
  for (PatternSpec& p : e->patterns) {
    p.patterns.resize(r.Count(6, "pattern"));
    for (auto& x : p.patterns) {
      x.op = static_cast<StrOp>(r.U8());
      x.caseless = r.U8() != 0;
      x.text = r.Str();
    }
  }
  e->calls.resize(r.Count(12, "call site"));
  for (CallSite& c : e->calls) {
    c.function = r.Str();
    c.signature = r.Str();
    c.const_args.resize(r.Count(4, "call argument"));
    for (uint32_t& a : c.const_args) a = r.U32();
  }
  e->history.resize(r.Count(17, "history site"));
  for (HistorySite& h : e->history) {
    h.kind = r.U8();
    h.over_ms = r.I64();
    h.rule = r.U32();
    h.occurrence = r.U32();
  }
  e->lists.resize(r.Count(13, "list"));
  for (PackList& l : e->lists) {
    l.name = r.Str();
    l.kind = r.Str();
    l.tenant = r.U8() != 0;
    l.entries.resize(r.Count(4, "list entry"));
    for (auto& x : l.entries) x = r.Str();
  }
  e->source_map.resize(r.Count(16, "source location"));
  for (SourceLoc& s : e->source_map) {
    s.rule = r.U32();
    s.file = r.Str();
    s.line = r.U32();
    s.col = r.U32();
  }
  e->extra_slots.resize(r.Count(8, "slot"));
  for (auto& [rule, step] : e->extra_slots) {
    rule = r.U32();
    step = r.U32();
  }
}

uint32_t Crc(std::string_view body) {
  uLong crc = crc32(0L, Z_NULL, 0);
  size_t off = 0;
  while (off < body.size()) {  // zlib takes uInt lengths
    const auto n = static_cast<uInt>(std::min<size_t>(body.size() - off, 1u << 30));
    crc = crc32(crc, reinterpret_cast<const Bytef*>(body.data() + off), n);
    off += n;
  }
  return static_cast<uint32_t>(crc);
}

}  // namespace

std::string Serialize(const PackFile& pack) {
  WireWriter body;
  body.Str(pack.engine_version);
  body.Str(pack.metadata_json);
  body.U32(static_cast<uint32_t>(pack.sources.size()));
  for (const PackSource& s : pack.sources) {
    body.Str(s.path);
    body.Str(s.text);
  }
  WriteExecutable(body, pack.exe);
  WireWriter head;
  head.Bytes(kMagic, 8);
  head.U32(kPackFormatVersion);
  head.U32(0);
  head.U64(body.out().size());
  head.U32(Crc(body.out()));
  head.U32(0);
  return head.out() + body.out();
}

bool Deserialize(std::string_view bytes, PackFile* out, std::string* error) {
  if (bytes.size() < kHeaderSize || std::memcmp(bytes.data(), kMagic, 8) != 0) {
    *error = "not a vigil pack (bad magic)";
    return false;
  }
  WireReader head(bytes.substr(8, kHeaderSize - 8));
  const uint32_t version = head.U32();
  const uint32_t flags = head.U32();
  const uint64_t size = head.U64();
  const uint32_t crc = head.U32();
  if (version != kPackFormatVersion) {
    *error = "unsupported pack version " + std::to_string(version) +
             " (this engine reads version " + std::to_string(kPackFormatVersion) +
             "; recompile the pack with `vigil compile`)";
    return false;
  }
  if (flags != 0 || size != bytes.size() - kHeaderSize) {
    *error = "pack header is inconsistent (flags or size)";
    return false;
  }
  const std::string_view body = bytes.substr(kHeaderSize);
  if (Crc(body) != crc) {
    *error = "pack checksum mismatch (the file is corrupted)";
    return false;
  }
  WireReader r(body);
  out->engine_version = r.Str();
  out->metadata_json = r.Str();
  out->sources.resize(r.Count(8, "source"));
  for (PackSource& s : out->sources) {
    s.path = r.Str();
    s.text = r.Str();
  }
  ReadExecutable(r, &out->exe);
  if (r.ok() && r.remaining() != 0) r.Fail("trailing bytes after the executable");
  if (!r.ok()) {
    *error = "malformed pack: " + r.error();
    return false;
  }
  return true;
}

}  // namespace vigil::bytecode
