// types.h: static types of vigil expressions as the type checker assigns them.
#pragma once

#include <string>

#include "schema/schema.h"

namespace vigil::ast {

struct Type {
  enum class Kind : uint8_t {
    kUnknown,  // not yet checked
    kError,    // an error was reported; suppresses follow-on errors
    kNull,     // the `null` literal: fits every type
    kScalar,   // one value of `scalar`
    kArray,    // array<scalar>
    kRecords,  // array of records: the `records` field (quantify over it)
    kRecord,   // one record of `records` (a quantifier variable)
    kList,     // list<scalar>: inline lists, pack and tenant lists
    kPattern,  // regex or glob list entries (list<regex>, list<glob>)
    kIoc,      // an IOC list (indicators with metadata)
  };
  Kind kind = Kind::kUnknown;
  schema::ScalarType scalar = schema::ScalarType::kBool;
  schema::FieldId records = schema::FieldId::kNone;
  bool glob = false;  // kPattern: glob patterns instead of regexes

  static Type Error() { return {Kind::kError}; }
  static Type Null() { return {Kind::kNull}; }
  static Type Scalar(schema::ScalarType t) { return {Kind::kScalar, t}; }
  static Type Bool() { return Scalar(schema::ScalarType::kBool); }
  static Type Int() { return Scalar(schema::ScalarType::kInt); }
  static Type Array(schema::ScalarType t) { return {Kind::kArray, t}; }
  static Type List(schema::ScalarType t) { return {Kind::kList, t}; }
  static Type Records(schema::FieldId f) { return {Kind::kRecords, schema::ScalarType::kBool, f}; }
  static Type Record(schema::FieldId f) { return {Kind::kRecord, schema::ScalarType::kBool, f}; }

  bool is_error() const { return kind == Kind::kError; }
  bool is_scalar(schema::ScalarType t) const { return kind == Kind::kScalar && scalar == t; }
  bool is_bool() const { return is_scalar(schema::ScalarType::kBool); }
  bool operator==(const Type&) const = default;
  // "string", "array<string>", "list<domain>", "record of attachments", "null"
  std::string ToString() const;
};

}  // namespace vigil::ast
