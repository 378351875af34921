// doc.h: the formatter's document algebra (Wadler's "prettier printer", as in Prettier's doc
// builders) and its renderer. compiler/fmt turns an AST into one Doc; Render lays it out.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace vigil::format {

// A document: text, places where a line may break, and groups that are printed flat (on one
// line) when they fit in the remaining width and broken otherwise.
struct Doc {
  enum class Kind : uint8_t {
    kText,         // text (may contain newlines only inside a block comment)
    kLine,         // a space when flat, a newline when broken
    kSoftLine,     // nothing when flat, a newline when broken
    kHardLine,     // always a newline; breaks every enclosing group
    kConcat,       // parts in order
    kNest,         // parts, with newlines inside them indented `indent` more columns
    kGroup,        // parts, flat when they fit on the rest of the line, else broken
    kIfBreak,      // text, printed only when the enclosing group is broken
    kLineSuffix,   // text deferred to the end of the current line (trailing comments)
    kBreakParent,  // forces every enclosing group to break
  };
  Kind kind = Kind::kConcat;
  std::string text;
  int indent = 0;
  bool broken = false;  // kGroup: holds a hard line or a BreakParent (set by Render)
  std::vector<Doc> parts;

  bool empty() const { return kind == Kind::kConcat && parts.empty(); }
};

Doc Text(std::string text);
Doc Line();
Doc SoftLine();
Doc HardLine();
Doc Concat(std::vector<Doc> parts);
Doc Nest(int indent, Doc doc);
Doc Group(Doc doc);
Doc IfBreak(std::string text);
Doc LineSuffix(std::string text);
Doc BreakParent();
// parts[0] sep parts[1] sep ... (sep is copied between neighbours).
Doc Join(std::vector<Doc> parts, const Doc& sep);

// A bracketed, comma-separated sequence: `[a, b]` (or `{ a, b }` when `spaced`) when it fits,
// else one element per line, indented 2, each followed by a comma. `tail` docs (comments) go
// on their own lines after the last element and force the break.
Doc Bracketed(const std::string& open, const std::string& close, std::vector<Doc> elements,
              std::vector<Doc> tail, bool spaced);

// Lays `doc` out in `width` columns (counted in code points) and returns the text: no trailing
// whitespace on any line, exactly one newline at the end (none for an empty document).
std::string Render(Doc doc, int width);

}  // namespace vigil::format
