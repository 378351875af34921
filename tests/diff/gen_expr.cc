// gen_expr.cc: rendering, free variables and shrink candidates of generated expressions.
#include "tests/diff/gen_expr.h"

#include <algorithm>
#include <functional>

namespace vigil::difftest {

std::string Kid(int i) { return std::string("\x01") + static_cast<char>('0' + i); }

GenExpr GenExpr::Leaf(schema::ScalarType t, std::string text, std::string var) {
  GenExpr e;
  e.type = t;
  e.text = std::move(text);
  e.var = std::move(var);
  return e;
}

GenExpr GenExpr::Node(schema::ScalarType t, std::string tmpl, std::vector<GenExpr> kids) {
  GenExpr e;
  e.type = t;
  e.text = std::move(tmpl);
  e.kids = std::move(kids);
  return e;
}

GenExpr GenExpr::Cond(std::string tmpl, std::vector<GenExpr> kids) {
  GenExpr e = Node(schema::ScalarType::kBool, std::move(tmpl), std::move(kids));
  e.condition = true;
  return e;
}

std::string GenExpr::Render() const {
  if (kids.empty()) return text;
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\x01' && i + 1 < text.size()) {
      out += kids[static_cast<size_t>(text[++i] - '0')].Render();
    } else {
      out += text[i];
    }
  }
  return out;
}

std::set<std::string> GenExpr::FreeVars() const {
  std::set<std::string> out;
  if (!var.empty()) out.insert(var);
  for (size_t i = 0; i < kids.size(); ++i) {
    std::set<std::string> k = kids[i].FreeVars();
    if (!binds.empty() && i > 0) k.erase(binds);
    out.insert(k.begin(), k.end());
  }
  return out;
}

size_t GenExpr::Size() const {
  size_t n = 1;
  for (const GenExpr& k : kids) n += k.Size();
  return n;
}

namespace {

bool Within(const std::set<std::string>& vars, const std::set<std::string>& scope) {
  return std::includes(scope.begin(), scope.end(), vars.begin(), vars.end());
}

// Every descendant condition of `e` (not e itself).
void Descendants(const GenExpr& e, std::vector<const GenExpr*>* out) {
  for (const GenExpr& k : e.kids) {
    if (k.condition) out->push_back(&k);
    Descendants(k, out);
  }
}

// Calls emit(replacement tree) for every one-edit shrink of the node at `*node` inside `root`.
void Walk(GenExpr& root, GenExpr* node, const std::set<std::string>& scope,
          std::vector<GenExpr>* out) {
  if (node->condition) {
    const GenExpr saved = *node;
    std::vector<GenExpr> replacements;
    if (saved.text != "true" && saved.text != "false") {
      replacements.push_back(GenExpr::Leaf(schema::ScalarType::kBool, "true"));
      replacements.back().condition = true;
      replacements.push_back(GenExpr::Leaf(schema::ScalarType::kBool, "false"));
      replacements.back().condition = true;
    }
    std::vector<const GenExpr*> desc;
    Descendants(saved, &desc);
    for (const GenExpr* d : desc) {
      if (Within(d->FreeVars(), scope)) replacements.push_back(*d);
    }
    for (GenExpr& r : replacements) {
      *node = std::move(r);
      out->push_back(root);
    }
    *node = saved;
  }
  for (size_t i = 0; i < node->kids.size(); ++i) {
    std::set<std::string> inner = scope;
    if (!node->binds.empty() && i > 0) inner.insert(node->binds);
    Walk(root, &node->kids[i], inner, out);
  }
}

}  // namespace

std::vector<GenExpr> ShrinkCandidates(const GenExpr& root) {
  GenExpr copy = root;
  std::vector<GenExpr> out;
  Walk(copy, &copy, {}, &out);
  std::stable_sort(out.begin(), out.end(),
                   [](const GenExpr& a, const GenExpr& b) { return a.Size() < b.Size(); });
  return out;
}

}  // namespace vigil::difftest
