// line_diff.cc: Myers' O((N+M)D) diff over lines (common prefix and suffix stripped first, the
// number of edits capped), then grouping into unified-diff hunks.
#include "compiler/fmt/line_diff.h"

#include <algorithm>
#include <vector>

namespace vigil::format {
namespace {

enum class Op : uint8_t { kKeep, kDelete, kInsert };
struct Edit {
  Op op;
  size_t line;  // index into `before` (keep, delete) or `after` (insert)
};

constexpr long kMaxEdits = 1000;
constexpr size_t kContext = 3;

std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> out;
  while (!text.empty()) {
    const size_t nl = text.find('\n');
    const size_t len = nl == std::string_view::npos ? text.size() : nl + 1;
    out.push_back(text.substr(0, len));
    text.remove_prefix(len);
  }
  return out;
}

// Edits turning a[lo_a, hi_a) into b[lo_b, hi_b), in order; Myers with one saved frontier per
// edit count, or delete-all-then-insert-all beyond kMaxEdits.
std::vector<Edit> Middle(const std::vector<std::string_view>& a,
                         const std::vector<std::string_view>& b, size_t lo_a, size_t hi_a,
                         size_t lo_b, size_t hi_b) {
  const long n = static_cast<long>(hi_a - lo_a), m = static_cast<long>(hi_b - lo_b);
  const long max = std::min(n + m, kMaxEdits);
  std::vector<long> v(static_cast<size_t>(2 * max + 3), 0);
  std::vector<std::vector<long>> trace;
  auto at = [&](long k) -> long& { return v[static_cast<size_t>(k + max + 1)]; };
  long found = -1;
  for (long d = 0; d <= max && found < 0; ++d) {
    trace.push_back(v);
    for (long k = -d; k <= d; k += 2) {
      long x = (k == -d || (k != d && at(k - 1) < at(k + 1))) ? at(k + 1) : at(k - 1) + 1;
      long y = x - k;
      while (x < n && y < m && a[lo_a + x] == b[lo_b + y]) ++x, ++y;
      at(k) = x;
      if (x >= n && y >= m) found = d;
    }
  }
  std::vector<Edit> edits;
  if (found < 0) {
    for (size_t i = hi_b; i-- > lo_b;) edits.push_back({Op::kInsert, i});
    for (size_t i = hi_a; i-- > lo_a;) edits.push_back({Op::kDelete, i});
  } else {
    long x = n, y = m;
    for (long d = found; d >= 0; --d) {
      v = trace[static_cast<size_t>(d)];
      const long k = x - y;
      const long pk = (k == -d || (k != d && at(k - 1) < at(k + 1))) ? k + 1 : k - 1;
      const long px = d == 0 ? 0 : at(pk), py = d == 0 ? 0 : px - pk;
      for (; x > px && y > py; --x, --y) {
        edits.push_back({Op::kKeep, lo_a + static_cast<size_t>(x - 1)});
      }
      if (d == 0) break;
      if (x == px)
        edits.push_back({Op::kInsert, lo_b + static_cast<size_t>(y - 1)});
      else
        edits.push_back({Op::kDelete, lo_a + static_cast<size_t>(x - 1)});
      x = px;
      y = py;
    }
  }
  std::reverse(edits.begin(), edits.end());
  return edits;
}

std::vector<Edit> Diff(const std::vector<std::string_view>& a,
                       const std::vector<std::string_view>& b) {
  size_t pre = 0;
  while (pre < a.size() && pre < b.size() && a[pre] == b[pre]) ++pre;
  size_t suf = 0;
  while (suf < a.size() - pre && suf < b.size() - pre &&
         a[a.size() - 1 - suf] == b[b.size() - 1 - suf]) {
    ++suf;
  }
  std::vector<Edit> edits;
  for (size_t i = 0; i < pre; ++i) edits.push_back({Op::kKeep, i});
  std::vector<Edit> mid = Middle(a, b, pre, a.size() - suf, pre, b.size() - suf);
  edits.insert(edits.end(), mid.begin(), mid.end());
  for (size_t i = suf; i > 0; --i) edits.push_back({Op::kKeep, a.size() - i});
  return edits;
}

std::string Range(size_t start, size_t count) {
  // diff -u numbers an empty range by the line before it.
  return std::to_string(count == 0 ? start : start + 1) + "," + std::to_string(count);
}

void AppendLine(std::string& out, char mark, std::string_view line) {
  out += mark;
  out += line;
  if (line.empty() || line.back() != '\n') out += "\n\\ No newline at end of file\n";
}

}  // namespace

std::string UnifiedDiff(std::string_view before, std::string_view after,
                        const std::string& before_name, const std::string& after_name) {
  if (before == after) return {};
  const std::vector<std::string_view> a = SplitLines(before), b = SplitLines(after);
  const std::vector<Edit> edits = Diff(a, b);
  std::vector<size_t> changes;
  for (size_t i = 0; i < edits.size(); ++i) {
    if (edits[i].op != Op::kKeep) changes.push_back(i);
  }
  // Lines of `before` and `after` preceding each edit.
  std::vector<size_t> a_before{0}, b_before{0};
  for (const Edit& e : edits) {
    a_before.push_back(a_before.back() + (e.op != Op::kInsert));
    b_before.push_back(b_before.back() + (e.op != Op::kDelete));
  }
  std::string out = "--- " + before_name + "\n+++ " + after_name + "\n";
  for (size_t c = 0; c < changes.size();) {
    // One hunk: changes less than 2 * kContext unchanged lines apart, with context around.
    size_t last = c;
    while (last + 1 < changes.size() && changes[last + 1] - changes[last] <= 2 * kContext) ++last;
    const size_t begin = changes[c] >= kContext ? changes[c] - kContext : 0;
    const size_t end = std::min(edits.size(), changes[last] + 1 + kContext);
    out += "@@ -" + Range(a_before[begin], a_before[end] - a_before[begin]) + " +" +
           Range(b_before[begin], b_before[end] - b_before[begin]) + " @@\n";
    for (size_t j = begin; j < end; ++j) {
      const Edit& e = edits[j];
      const char mark = e.op == Op::kKeep ? ' ' : e.op == Op::kDelete ? '-' : '+';
      AppendLine(out, mark, e.op == Op::kInsert ? b[e.line] : a[e.line]);
    }
    c = last + 1;
  }
  return out;
}

}  // namespace vigil::format
