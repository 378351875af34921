// psl.cc: libpsl wrapper (ICANN section only, so results do not change with private entries).
#include "stdlib/domain/psl.h"

#include <libpsl.h>

#include <string>

#include "base/ip.h"

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
  if (host.find("..") != std::string_view::npos) return false;
  for (char c : host) {
    if (c == ' ' || c == '/' || c == '@' || c == ':' || c == '\0') return false;
  }
  return true;
}

// Offset in host of its longest ICANN public suffix (the default "*" rule applies, so an
// unlisted TLD is a suffix), or npos.
size_t SuffixStart(std::string_view host) {
  const std::string h(host);
  for (size_t start = 0; start < h.size();) {
    if (psl_is_public_suffix2(Instance().ctx, h.c_str() + start, PSL_TYPE_ICANN) != 0) return start;
    const size_t dot = h.find('.', start);
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  return std::string_view::npos;
}

}  // namespace

std::string RegisteredDomain(std::string_view host) {
  if (!LooksLikeHost(host) || base::ParseIp(host)) return {};
  const size_t suffix = SuffixStart(host);
  if (suffix == std::string_view::npos || suffix == 0) return {};
  const size_t label = host.rfind('.', suffix - 2);
  return std::string(host.substr(label == std::string_view::npos ? 0 : label + 1));
}

std::string PublicSuffix(std::string_view host) {
  if (!LooksLikeHost(host) || base::ParseIp(host)) return {};
  const size_t suffix = SuffixStart(host);
  return suffix == std::string_view::npos ? std::string() : std::string(host.substr(suffix));
}

bool IsPublicSuffix(std::string_view host) {
  if (!LooksLikeHost(host)) return false;
  const std::string h(host);
  return psl_is_public_suffix2(Instance().ctx, h.c_str(), PSL_TYPE_ICANN | PSL_TYPE_NO_STAR_RULE) !=
         0;
}

std::string_view PslSource() { return Instance().source; }

}  // namespace vigil::stdlib
