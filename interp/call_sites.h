// call_sites.h: the function call sites of a checked pack as the reference interpreter runs
// them: every stdlib call prepared once (constant arguments are the literals sema checked)
// and every history call (first_seen / prevalence) numbered for the HistoryProvider.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "compiler/sema/pack.h"
#include "stdlib/invoke.h"

namespace vigil::interp {

class CallSites {
 public:
  // Walks the condition of every rule of `pack`, in pack order, depth first (a node before
  // its arguments, arguments left to right). History sites are numbered 0, 1, 2, ... in that
  // order; this numbering is the `site` the HistoryProvider sees and the VM must use it too.
  explicit CallSites(const sema::Pack& pack);
  ~CallSites();

  // The prepared stdlib call of kCall node `call` (callee >= 0); null when its prepare step
  // rejected the constants (then the call is null on every row).
  const stdlib::PreparedCall* Stdlib(const ast::Expr& call) const;
  // The history site number of a first_seen / prevalence node.
  uint32_t HistorySite(const ast::Expr& call) const;

  const std::vector<std::string>& errors() const { return errors_; }

 private:
  void Walk(const ast::Expr& e);
  void PrepareStdlib(const ast::Expr& call);

  std::map<const ast::Expr*, std::unique_ptr<stdlib::PreparedCall>> stdlib_;
  std::map<const ast::Expr*, uint32_t> history_;
  std::vector<std::string> errors_;
};

// History keys as the HistoryProvider receives them: each key value rendered by
// stdlib::FormatDatum (strings quoted and escaped), joined by this byte.
inline constexpr char kHistoryKeySeparator = '\x1f';

// The Datum of a literal (strings view the literal's bytes; null for the null literal).
schema::Datum LiteralDatum(const ast::Literal& lit);

}  // namespace vigil::interp
