// psl.cc: libpsl wrapper (ICANN section only, so results do not change with private entries).
#include "stdlib/domain/psl.h"

#include <libpsl.h>

#include <string>

namespace vigil::stdlib {
namespace {

constexpr const char* kDafsa = "/usr/share/publicsuffix/public_suffix_list.dafsa";

struct Psl {
  psl_ctx_t* ctx = nullptr;
  std::string source;
  Psl() {
    ctx = psl_load_file(kDafsa);
    if (ctx != nullptr) {
      source = kDafsa;
    } else {
      ctx = const_cast<psl_ctx_t*>(psl_builtin());
      source = "libpsl built-in list";
    }
  }
};

const Psl& Instance() {
  static const Psl* psl = new Psl();
  return *psl;
}

bool LooksLikeHost(std::string_view host) {
  if (host.empty() || host.size() > 253 || host.front() == '.' || host.back() == '.') return false;
  for (char c : host) {
    if (c == ' ' || c == '/' || c == '@' || c == ':' || c == '\0') return false;
  }
  return true;
}

}  // namespace

std::string RegisteredDomain(std::string_view host) {
  if (!LooksLikeHost(host)) return {};
  const std::string h(host);
  const char* rd = psl_registrable_domain(Instance().ctx, h.c_str());
  return rd == nullptr ? std::string() : std::string(rd);
}

std::string PublicSuffix(std::string_view host) {
  if (!LooksLikeHost(host)) return {};
  const std::string h(host);
  const char* ps = psl_unregistrable_domain(Instance().ctx, h.c_str());
  return ps == nullptr ? std::string() : std::string(ps);
}

bool IsPublicSuffix(std::string_view host) {
  if (!LooksLikeHost(host)) return false;
  const std::string h(host);
  return psl_is_public_suffix2(Instance().ctx, h.c_str(), PSL_TYPE_ICANN | PSL_TYPE_NO_STAR_RULE) != 0;
}

std::string_view PslSource() { return Instance().source; }

}  // namespace vigil::stdlib
