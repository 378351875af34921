// comments.h: decides where `vigil fmt` prints each comment of a parsed file. Comments are not
// in the AST's tree, only in ast::File::comments; this attaches each to a node the printer
// prints (an "anchor"), keyed by the node's address.
//
// Anchors: top-level items; a rule's clauses; list entries (of `list` declarations, `set` in
// tests and metadata lists); `except` value tuples; sequence steps; evidence items; test items;
// fields and elements of test events. A comment is attached by its position:
//  - inside an anchor that has no anchors of its own (an expression, a one-line clause): a
//    leading comment of that anchor, so comments inside an expression move before its clause;
//  - not on a line of its own and after an anchor that ends on the same line: trailing
//    (printed at the end of that anchor's last line, after its comma if any);
//  - otherwise: a leading comment of the next anchor in the same container, or, after the
//    last one, a dangling comment printed before the container's closing bracket.
// Own-line comments at the top of the file that are followed by a blank line form its header.
// Blank lines: one blank line the author put between two comments of one run, or between the
// last leading comment and its anchor, is kept (see Take*); more than one becomes one.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "compiler/ast/ast.h"
#include "compiler/base/source.h"

namespace vigil::format {

// The address that keys the comments of top-level item `item` of `file`.
const void* ItemKey(const ast::File& file, const ast::ItemRef& item);
// The address that keys the comments of clause `ref` of rule `r`.
const void* ClauseKey(const ast::Rule& r, const ast::ClauseRef& ref);
// Whether a list declaration is printed with bracketed entries (`= [...]`); shared with the
// printer so that comments inside the brackets have somewhere to go.
bool ListHasFrom(const ast::ListDecl& d);
bool ListPrintsEntries(const ast::ListDecl& d);

// A comment's text as the formatter prints it: trailing blanks dropped.
std::string CommentText(const ast::Comment& c);

struct CommentAnchor;

class CommentMap {
 public:
  // `file` must outlive the map; `text` is the source `file` was parsed from (read only here).
  CommentMap(const ast::File& file, const std::string& text);

  // Each returns the comment texts in source order and marks them printed. An empty string
  // between two texts (or after the last leading text) stands for a blank line the author put
  // there; trailing comments never have one.
  std::vector<std::string> TakeLeading(const void* key);
  std::vector<std::string> TakeTrailing(const void* key);
  std::vector<std::string> TakeDangling(const void* key);
  std::vector<std::string> TakeHeader();

  // The offset where `key`'s leading comments start (`fallback` when it has none untaken).
  uint32_t LeadingBegin(const void* key, uint32_t fallback) const;
  // Whether the line above the one holding `offset` is blank (whitespace only).
  bool BlankLineBefore(uint32_t offset) const;

  // Comments not taken yet (nonzero after printing means a formatter bug).
  size_t untaken() const { return untaken_; }

 private:
  struct Slots {
    std::vector<const ast::Comment*> leading, trailing, dangling;
    uint32_t anchor_begin = 0;  // where the anchor of `leading` starts
  };

  void Assign(const ast::Comment& c, const CommentAnchor& container);
  uint32_t LineOf(uint32_t offset) const;
  bool BlankBetween(uint32_t from, uint32_t to) const;
  // `end`: where the anchor after the comments starts (0: none, no blank after the last one).
  std::vector<std::string> Take(std::vector<const ast::Comment*>& from, uint32_t end = 0);
  void SplitHeader(const CommentAnchor& root);

  std::vector<uint32_t> line_starts_;
  std::vector<bool> blank_;  // blank_[i]: line i (from 0) holds only whitespace
  std::unordered_map<const void*, Slots> slots_;
  std::vector<const ast::Comment*> header_;
  size_t untaken_ = 0;
};

}  // namespace vigil::format
