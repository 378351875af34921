// comments.cc: builds the tree of comment anchors of a parsed file (mirroring what the printer
// prints) and attaches every comment to one of them; see comments.h for the rules.
#include "compiler/fmt/comments.h"

#include <algorithm>
#include <limits>

namespace vigil::format {

// A node comments can attach to: its key, source range and, for containers, the anchors inside
// it in source order. Comments inside a non-container become its leading comments.
struct CommentAnchor {
  const void* key = nullptr;
  uint32_t begin = 0;
  uint32_t end = 0;
  bool container = false;
  std::vector<CommentAnchor> kids;
};

namespace {

using Anchor = CommentAnchor;

Anchor Leaf(const void* key, uint32_t begin, uint32_t end) { return {key, begin, end, false, {}}; }

Anchor Container(const void* key, uint32_t begin, uint32_t end, std::vector<Anchor> kids) {
  std::stable_sort(kids.begin(), kids.end(),
                   [](const Anchor& a, const Anchor& b) { return a.begin < b.begin; });
  return {key, begin, end, true, std::move(kids)};
}

std::vector<Anchor> Entries(const std::vector<ast::ExprPtr>& entries) {
  std::vector<Anchor> out;
  for (const ast::ExprPtr& e : entries) out.push_back(Leaf(e.get(), e->span.begin, e->span.end));
  return out;
}

// A test value starting at `begin` (its field name, for record fields).
Anchor ValueAnchor(const ast::TestValue& v, uint32_t begin) {
  std::vector<Anchor> kids;
  if (v.kind == ast::TestValue::Kind::kArray) {
    for (const ast::TestValue& item : v.items) kids.push_back(ValueAnchor(item, item.span.begin));
  } else if (v.kind == ast::TestValue::Kind::kRecord) {
    for (size_t i = 0; i < v.fields.size(); ++i) {
      const uint32_t at = i < v.field_spans.size() ? v.field_spans[i].begin : v.span.begin;
      kids.push_back(ValueAnchor(v.fields[i].second, at));
    }
  } else {
    return Leaf(&v, begin, v.span.end);
  }
  return Container(&v, begin, v.span.end, std::move(kids));
}

Anchor TestItemAnchor(const ast::TestItem& t) {
  std::vector<Anchor> kids;
  if (t.kind == ast::TestItem::Kind::kEvent) {
    for (const ast::TestField& f : t.fields)
      kids.push_back(ValueAnchor(f.value, f.path_span.begin));
  } else if (t.kind == ast::TestItem::Kind::kSet) {
    kids = Entries(t.entries);
  } else {
    return Leaf(&t, t.span.begin, t.span.end);
  }
  return Container(&t, t.span.begin, t.span.end, std::move(kids));
}

Anchor MetaAnchor(const void* key, const ast::MetaValue& v, compiler::Span span) {
  if (v.kind != ast::MetaValue::Kind::kList) return Leaf(key, span.begin, span.end);
  std::vector<Anchor> kids;
  for (const ast::MetaValue& item : v.list)
    kids.push_back(Leaf(&item, item.span.begin, item.span.end));
  return Container(key, span.begin, span.end, std::move(kids));
}

std::vector<Anchor> ClauseKids(const ast::Rule& r, const ast::ClauseRef& ref) {
  std::vector<Anchor> kids;
  switch (ref.kind) {
    case ast::ClauseKind::kSequence:
      for (const ast::Step& s : r.sequence->steps)
        kids.push_back(Leaf(&s, s.span.begin, s.span.end));
      break;
    case ast::ClauseKind::kEvidence:
      for (const ast::EvidenceItem& e : r.evidence) {
        const uint32_t begin = e.named ? e.name_span.begin : e.expr->span.begin;
        kids.push_back(Leaf(&e, begin, e.expr->span.end));
      }
      break;
    case ast::ClauseKind::kExcept: {
      const ast::Exception& x = r.exceptions[ref.index];
      for (size_t i = 0; i < x.values.size() && i < x.value_spans.size(); ++i) {
        kids.push_back(Leaf(&x.values[i], x.value_spans[i].begin, x.value_spans[i].end));
      }
      break;
    }
    case ast::ClauseKind::kTest:
      for (const ast::TestItem& t : r.tests[ref.index].items) kids.push_back(TestItemAnchor(t));
      break;
    default:
      break;
  }
  return kids;
}

Anchor ClauseAnchor(const ast::Rule& r, const ast::ClauseRef& ref) {
  const void* key = ClauseKey(r, ref);
  const compiler::Span s = ref.span;
  switch (ref.kind) {
    case ast::ClauseKind::kMeta:
      return MetaAnchor(key, r.meta[ref.index].value, s);
    case ast::ClauseKind::kExcept:
      if (!r.exceptions[ref.index].has_values) return Leaf(key, s.begin, s.end);
      [[fallthrough]];
    case ast::ClauseKind::kSequence:
    case ast::ClauseKind::kEvidence:
    case ast::ClauseKind::kTest:
      return Container(key, s.begin, s.end, ClauseKids(r, ref));
    default:
      return Leaf(key, s.begin, s.end);
  }
}

Anchor ItemAnchor(const ast::File& f, const ast::ItemRef& item) {
  const void* key = ItemKey(f, item);
  const compiler::Span s = item.span;
  if (item.kind == ast::ItemKind::kList) {
    const ast::ListDecl& d = f.lists[item.index];
    if (ListPrintsEntries(d)) return Container(key, s.begin, s.end, Entries(d.entries));
  } else if (item.kind == ast::ItemKind::kRule) {
    const ast::Rule& r = f.rules[item.index];
    std::vector<Anchor> kids;
    for (const ast::ClauseRef& ref : r.clauses) kids.push_back(ClauseAnchor(r, ref));
    return Container(key, s.begin, s.end, std::move(kids));
  }
  return Leaf(key, s.begin, s.end);
}

}  // namespace

const void* ItemKey(const ast::File& file, const ast::ItemRef& item) {
  switch (item.kind) {
    case ast::ItemKind::kImport:
      return &file.imports[item.index];
    case ast::ItemKind::kList:
      return &file.lists[item.index];
    case ast::ItemKind::kMacro:
      return &file.macros[item.index];
    case ast::ItemKind::kRule:
      return &file.rules[item.index];
  }
  return &file;
}

const void* ClauseKey(const ast::Rule& r, const ast::ClauseRef& ref) {
  switch (ref.kind) {
    case ast::ClauseKind::kMeta:
      return &r.meta[ref.index];
    case ast::ClauseKind::kOn:
      return &r.on;
    case ast::ClauseKind::kWhen:
      return &r.when;
    case ast::ClauseKind::kAggregate:
      return &r.aggregate;
    case ast::ClauseKind::kSequence:
      return &r.sequence;
    case ast::ClauseKind::kEvidence:
      return &r.evidence;
    case ast::ClauseKind::kSuppress:
      return &r.suppress;
    case ast::ClauseKind::kExcept:
      return &r.exceptions[ref.index];
    case ast::ClauseKind::kTest:
      return &r.tests[ref.index];
  }
  return &r;
}

std::string CommentText(const ast::Comment& c) {
  std::string t = c.text;
  while (!t.empty() && (t.back() == ' ' || t.back() == '\t' || t.back() == '\r')) t.pop_back();
  return t;
}

bool ListHasFrom(const ast::ListDecl& d) { return d.from_span.end > d.from_span.begin; }
bool ListPrintsEntries(const ast::ListDecl& d) {
  return !ListHasFrom(d) && (!d.tenant || !d.entries.empty());
}

CommentMap::CommentMap(const ast::File& file, const std::string& text) {
  line_starts_.push_back(0);
  blank_.push_back(true);
  for (uint32_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') {
      line_starts_.push_back(i + 1);
      blank_.push_back(true);
    } else if (text[i] != ' ' && text[i] != '\t' && text[i] != '\r') {
      blank_.back() = false;
    }
  }
  std::vector<Anchor> items;
  for (const ast::ItemRef& item : file.items) items.push_back(ItemAnchor(file, item));
  const Anchor root = Container(&file, 0, std::numeric_limits<uint32_t>::max(), std::move(items));
  for (const ast::Comment& c : file.comments) Assign(c, root);
  SplitHeader(root);
  untaken_ = file.comments.size();
}

void CommentMap::Assign(const ast::Comment& c, const CommentAnchor& container) {
  const std::vector<Anchor>& kids = container.kids;
  const auto next = std::upper_bound(kids.begin(), kids.end(), c.span.begin,
                                     [](uint32_t at, const Anchor& a) { return at < a.begin; });
  if (next != kids.begin()) {
    const Anchor& prev = *(next - 1);
    if (prev.begin <= c.span.begin && c.span.end <= prev.end) {
      if (prev.container) return Assign(c, prev);
      slots_[prev.key].leading.push_back(&c);  // inside its anchor: no blank line after it
      return;
    }
    if (!c.own_line && prev.end > prev.begin && LineOf(prev.end - 1) == LineOf(c.span.begin)) {
      slots_[prev.key].trailing.push_back(&c);
      return;
    }
  }
  if (next != kids.end()) {
    slots_[next->key].leading.push_back(&c);
    slots_[next->key].anchor_begin = next->begin;
  } else {
    slots_[container.key].dangling.push_back(&c);
  }
}

uint32_t CommentMap::LineOf(uint32_t offset) const {
  return static_cast<uint32_t>(std::upper_bound(line_starts_.begin(), line_starts_.end(), offset) -
                               line_starts_.begin());
}

// The leading comments of the first item up to the last one followed by a blank line.
void CommentMap::SplitHeader(const CommentAnchor& root) {
  if (root.kids.empty()) return;
  const Anchor& first = root.kids.front();
  std::vector<const ast::Comment*>& leading = slots_[first.key].leading;
  size_t split = 0;
  for (size_t i = 0; i < leading.size(); ++i) {
    const uint32_t from = leading[i]->span.end;
    const uint32_t to = i + 1 < leading.size() ? leading[i + 1]->span.begin : first.begin;
    if (LineOf(to) >= LineOf(from) + 2) split = i + 1;
  }
  header_.assign(leading.begin(), leading.begin() + static_cast<std::ptrdiff_t>(split));
  leading.erase(leading.begin(), leading.begin() + static_cast<std::ptrdiff_t>(split));
}

// Whether a blank line lies strictly between the lines of offsets `from` and `to`.
bool CommentMap::BlankBetween(uint32_t from, uint32_t to) const {
  if (to <= from) return false;
  for (uint32_t line = LineOf(from); line + 1 < LineOf(to); ++line) {
    if (blank_[line]) return true;  // LineOf counts from 1: blank_[line] is the line below
  }
  return false;
}

bool CommentMap::BlankLineBefore(uint32_t offset) const {
  const uint32_t line = LineOf(offset);  // from 1
  return line >= 2 && blank_[line - 2];
}

uint32_t CommentMap::LeadingBegin(const void* key, uint32_t fallback) const {
  const auto it = slots_.find(key);
  if (it == slots_.end() || it->second.leading.empty()) return fallback;
  return std::min(fallback, it->second.leading.front()->span.begin);
}

std::vector<std::string> CommentMap::Take(std::vector<const ast::Comment*>& from, uint32_t end) {
  std::vector<std::string> out;
  for (size_t i = 0; i < from.size(); ++i) {
    if (i > 0 && BlankBetween(from[i - 1]->span.end, from[i]->span.begin)) out.emplace_back();
    out.push_back(CommentText(*from[i]));
  }
  if (!from.empty() && end != 0 && BlankBetween(from.back()->span.end, end)) out.emplace_back();
  untaken_ -= from.size();
  from.clear();
  return out;
}

std::vector<std::string> CommentMap::TakeLeading(const void* key) {
  Slots& s = slots_[key];
  return Take(s.leading, s.anchor_begin);
}
std::vector<std::string> CommentMap::TakeTrailing(const void* key) {
  return Take(slots_[key].trailing);
}
std::vector<std::string> CommentMap::TakeDangling(const void* key) {
  return Take(slots_[key].dangling);
}
std::vector<std::string> CommentMap::TakeHeader() { return Take(header_); }

}  // namespace vigil::format
