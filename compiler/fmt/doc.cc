// doc.cc: document builders and the renderer: a command stack walks the Doc once; a group is
// printed flat when its flat text, plus what follows it up to the next possible break, fits.
#include "compiler/fmt/doc.h"

#include <utility>

namespace vigil::format {
namespace {

using Kind = Doc::Kind;

Doc Leaf(Kind kind, std::string text = {}) {
  Doc d;
  d.kind = kind;
  d.text = std::move(text);
  return d;
}

// Width of `s` in code points (UTF-8 continuation bytes do not count).
int Width(const std::string& s) {
  int n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// Marks every group that must break; returns whether `d` holds a forced break.
bool PropagateBreaks(Doc& d) {
  switch (d.kind) {
    case Kind::kHardLine:
    case Kind::kBreakParent:
      return true;
    case Kind::kText:
      return d.text.find('\n') != std::string::npos;
    case Kind::kConcat:
    case Kind::kNest:
    case Kind::kGroup: {
      bool any = false;
      for (Doc& p : d.parts) any = PropagateBreaks(p) || any;
      if (d.kind == Kind::kGroup) d.broken = any;
      return any;
    }
    default:
      return false;
  }
}

struct Cmd {
  int indent;
  bool flat;
  const Doc* doc;
};

void PushParts(std::vector<Cmd>& stack, const Doc& d, int indent, bool flat) {
  for (auto it = d.parts.rbegin(); it != d.parts.rend(); ++it)
    stack.push_back({indent, flat, &*it});
}

// Whether `next` printed flat, followed by `rest` (in their own modes) up to their first line
// break, fits in `width` columns.
bool Fits(Cmd next, const std::vector<Cmd>& rest, int width) {
  std::vector<Cmd> stack{next};
  size_t rest_i = rest.size();
  while (width >= 0) {
    if (stack.empty()) {
      if (rest_i == 0) return true;
      stack.push_back(rest[--rest_i]);
      continue;
    }
    const Cmd c = stack.back();
    stack.pop_back();
    const Doc& d = *c.doc;
    switch (d.kind) {
      case Kind::kText:
        width -= Width(d.text);
        break;
      case Kind::kConcat:
      case Kind::kNest:
        PushParts(stack, d, c.indent, c.flat);
        break;
      case Kind::kGroup:
        PushParts(stack, d, c.indent, c.flat && !d.broken);
        break;
      case Kind::kIfBreak:
        if (!c.flat) width -= Width(d.text);
        break;
      case Kind::kLine:
        if (!c.flat) return true;
        width -= 1;
        break;
      case Kind::kSoftLine:
        if (!c.flat) return true;
        break;
      case Kind::kHardLine:
        return true;
      case Kind::kLineSuffix:
      case Kind::kBreakParent:
        break;
    }
  }
  return false;
}

class Renderer {
 public:
  explicit Renderer(int width) : width_(width) {}

  std::string Run(const Doc& doc) {
    stack_.push_back({0, false, &doc});
    while (!stack_.empty()) {
      const Cmd c = stack_.back();
      stack_.pop_back();
      Step(c);
    }
    Flush();
    TrimTrailingSpace();
    if (!out_.empty()) out_ += '\n';
    return std::move(out_);
  }

 private:
  void Step(const Cmd& c) {
    const Doc& d = *c.doc;
    switch (d.kind) {
      case Kind::kText:
        Emit(d.text);
        break;
      case Kind::kConcat:
        PushParts(stack_, d, c.indent, c.flat);
        break;
      case Kind::kNest:
        PushParts(stack_, d, c.indent + d.indent, c.flat);
        break;
      case Kind::kGroup: {
        const bool flat =
            c.flat || (!d.broken && Fits({c.indent, true, &d}, stack_, width_ - col_));
        PushParts(stack_, d, c.indent, flat);
        break;
      }
      case Kind::kIfBreak:
        if (!c.flat) Emit(d.text);
        break;
      case Kind::kLineSuffix:
        suffixes_.push_back(d.text);
        break;
      case Kind::kBreakParent:
        break;
      case Kind::kLine:
      case Kind::kSoftLine:
        if (c.flat) {
          if (d.kind == Kind::kLine) Emit(" ");
          break;
        }
        [[fallthrough]];
      case Kind::kHardLine:
        Flush();
        TrimTrailingSpace();
        out_ += '\n';
        out_.append(static_cast<size_t>(c.indent), ' ');
        col_ = c.indent;
        break;
    }
  }

  // Prints the deferred line suffixes (trailing comments) in the order they were deferred.
  void Flush() {
    for (const std::string& s : suffixes_) Emit(s);
    suffixes_.clear();
  }

  void Emit(const std::string& text) {
    out_ += text;
    const size_t nl = text.rfind('\n');
    col_ = nl == std::string::npos ? col_ + Width(text) : Width(text.substr(nl + 1));
  }

  void TrimTrailingSpace() {
    while (!out_.empty() && (out_.back() == ' ' || out_.back() == '\t')) out_.pop_back();
  }

  int width_;
  int col_ = 0;
  std::string out_;
  std::vector<Cmd> stack_;
  std::vector<std::string> suffixes_;
};

}  // namespace

Doc Text(std::string text) { return Leaf(Kind::kText, std::move(text)); }
Doc Line() { return Leaf(Kind::kLine); }
Doc SoftLine() { return Leaf(Kind::kSoftLine); }
Doc HardLine() { return Leaf(Kind::kHardLine); }
Doc IfBreak(std::string text) { return Leaf(Kind::kIfBreak, std::move(text)); }
Doc LineSuffix(std::string text) { return Leaf(Kind::kLineSuffix, std::move(text)); }
Doc BreakParent() { return Leaf(Kind::kBreakParent); }

Doc Concat(std::vector<Doc> parts) {
  Doc d;
  d.parts = std::move(parts);
  return d;
}

Doc Nest(int indent, Doc doc) {
  Doc d = Leaf(Kind::kNest);
  d.indent = indent;
  d.parts.push_back(std::move(doc));
  return d;
}

Doc Group(Doc doc) {
  Doc d = Leaf(Kind::kGroup);
  d.parts.push_back(std::move(doc));
  return d;
}

Doc Join(std::vector<Doc> parts, const Doc& sep) {
  std::vector<Doc> out;
  out.reserve(parts.size() * 2);
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out.push_back(sep);
    out.push_back(std::move(parts[i]));
  }
  return Concat(std::move(out));
}

Doc Bracketed(const std::string& open, const std::string& close, std::vector<Doc> elements,
              std::vector<Doc> tail, bool spaced) {
  if (elements.empty() && tail.empty()) return Text(open + close);
  std::vector<Doc> inner{spaced ? Line() : SoftLine()};
  for (size_t i = 0; i < elements.size(); ++i) {
    if (i > 0) {
      inner.push_back(Text(","));
      inner.push_back(Line());
    }
    inner.push_back(std::move(elements[i]));
  }
  if (!elements.empty()) inner.push_back(IfBreak(","));
  for (size_t i = 0; i < tail.size(); ++i) {
    if (!elements.empty() || i > 0) inner.push_back(HardLine());
    inner.push_back(std::move(tail[i]));
    inner.push_back(BreakParent());
  }
  return Group(Concat(
      {Text(open), Nest(2, Concat(std::move(inner))), spaced ? Line() : SoftLine(), Text(close)}));
}

std::string Render(Doc doc, int width) {
  PropagateBreaks(doc);
  return Renderer(width).Run(doc);
}

}  // namespace vigil::format
