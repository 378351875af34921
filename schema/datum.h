// datum.h: one scalar (or array) value with its type and null flag, passed to stdlib functions,
// produced by constant folding and by the reference interpreter. Strings are views: whoever
// creates a Datum keeps the bytes alive (an arena, a constant pool, a batch).
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "base/ip.h"
#include "schema/types.h"

namespace vigil::schema {

struct ListValue;  // a typed list resolved at load (stdlib/lists); opaque here

struct Datum {
  ScalarType type = ScalarType::kBool;
  bool valid = false;    // false: null
  bool is_array = false; // true: `elems` holds the elements (each of `type`)
  int64_t i = 0;         // bool (0/1), int, timestamp (ms), duration (ms)
  double f = 0;          // float
  std::string_view s;    // string, email, domain
  base::IpAddr ip;       // ip; network address of a cidr
  uint8_t prefix = 0;    // cidr prefix over the 128-bit form
  std::span<const Datum> elems;      // array elements
  const ListValue* list = nullptr;   // list arguments of functions

  static Datum Null(ScalarType t) { Datum d; d.type = t; return d; }
  static Datum Bool(bool v) { return Of(ScalarType::kBool, v ? 1 : 0); }
  static Datum Int(int64_t v) { return Of(ScalarType::kInt, v); }
  static Datum Timestamp(int64_t ms) { return Of(ScalarType::kTimestamp, ms); }
  static Datum Duration(int64_t ms) { return Of(ScalarType::kDuration, ms); }
  static Datum Float(double v) {
    Datum d = Null(ScalarType::kFloat);
    d.valid = true;
    d.f = v;
    return d;
  }
  static Datum String(std::string_view v, ScalarType t = ScalarType::kString) {
    Datum d = Null(t);
    d.valid = true;
    d.s = v;
    return d;
  }
  static Datum Ip(const base::IpAddr& v) {
    Datum d = Null(ScalarType::kIp);
    d.valid = true;
    d.ip = v;
    return d;
  }
  static Datum Cidr(const base::Cidr& c) {
    Datum d = Null(ScalarType::kCidr);
    d.valid = true;
    d.ip = c.addr;
    d.prefix = c.prefix;
    return d;
  }
  static Datum Array(ScalarType elem, std::span<const Datum> elems) {
    Datum d = Null(elem);
    d.valid = true;
    d.is_array = true;
    d.elems = elems;
    return d;
  }
  bool AsBool() const { return i != 0; }

 private:
  static Datum Of(ScalarType t, int64_t v) {
    Datum d = Null(t);
    d.valid = true;
    d.i = v;
    return d;
  }
};

}  // namespace vigil::schema
