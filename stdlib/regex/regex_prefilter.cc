// regex_prefilter.cc: FilteredRE2 atoms in one caseless Vectorscan literal database.
#include "stdlib/regex/regex_prefilter.h"

#include <hs.h>

#include "base/check.h"

namespace vigil::stdlib {
namespace {

int OnAtom(unsigned int id, unsigned long long, unsigned long long, unsigned int, void* ctx) {
  static_cast<std::vector<int>*>(ctx)->push_back(static_cast<int>(id));
  return 0;
}

bool IsAscii(std::string_view text) {
  unsigned char any = 0;
  for (const char c : text) any |= static_cast<unsigned char>(c);
  return any < 0x80;
}

}  // namespace

RegexPrefilter::Scratch::~Scratch() {
  if (hs != nullptr) hs_free_scratch(hs);
}

RegexPrefilter::~RegexPrefilter() {
  if (db_ != nullptr) hs_free_database(db_);
}

std::unique_ptr<RegexPrefilter> RegexPrefilter::Build(const std::vector<Regex>& regexes) {
  if (regexes.empty()) return nullptr;
  std::unique_ptr<RegexPrefilter> p(new RegexPrefilter());
  for (const Regex& r : regexes) {
    RE2::Options o;
    o.set_log_errors(false);
    o.set_case_sensitive(!r.caseless);
    o.set_never_capture(true);
    int id = 0;
    if (p->filter_.Add(r.text, o, &id) != RE2::NoError) return nullptr;
  }
  std::vector<std::string> atoms;
  p->filter_.Compile(&atoms);
  std::vector<int> none, passing;
  p->filter_.AllPotentials(none, &passing);
  if (atoms.empty() || !passing.empty()) return nullptr;  // some regex passes any text
  std::vector<const char*> exprs;
  std::vector<size_t> lengths;
  std::vector<unsigned> flags, ids;
  for (size_t i = 0; i < atoms.size(); ++i) {
    exprs.push_back(atoms[i].data());
    lengths.push_back(atoms[i].size());
    flags.push_back(HS_FLAG_CASELESS | HS_FLAG_SINGLEMATCH);
    ids.push_back(static_cast<unsigned>(i));
  }
  hs_compile_error_t* err = nullptr;
  if (hs_compile_lit_multi(exprs.data(), flags.data(), ids.data(), lengths.data(),
                           static_cast<unsigned>(atoms.size()), HS_MODE_BLOCK, nullptr, &p->db_,
                           &err) != HS_SUCCESS) {
    hs_free_compile_error(err);
    return nullptr;
  }
  return p;
}

void RegexPrefilter::Prepare(Scratch& scratch) const {
  VIGIL_CHECK(hs_alloc_scratch(db_, &scratch.hs) == HS_SUCCESS);
}

bool RegexPrefilter::MayMatch(std::string_view text, Scratch& scratch) const {
  if (!IsAscii(text)) return true;
  scratch.atoms.clear();
  if (hs_scan(db_, text.data(), static_cast<unsigned>(text.size()), 0, scratch.hs, OnAtom,
              &scratch.atoms) != HS_SUCCESS) {
    return true;
  }
  filter_.AllPotentials(scratch.atoms, &scratch.potential);
  return !scratch.potential.empty();
}

}  // namespace vigil::stdlib
