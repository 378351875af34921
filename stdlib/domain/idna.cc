// idna.cc: ICU uidna wrappers.
#include "stdlib/domain/idna.h"

#include <unicode/uidna.h>

#include "stdlib/memo.h"

namespace vigil::stdlib {
namespace {

const UIDNA* Idna() {
  static const UIDNA* idna = [] {
    UErrorCode status = U_ZERO_ERROR;
    return uidna_openUTS46(UIDNA_NONTRANSITIONAL_TO_ASCII | UIDNA_NONTRANSITIONAL_TO_UNICODE,
                           &status);
  }();
  return idna;
}

using IdnaFn = int32_t (*)(const UIDNA*, const char*, int32_t, char*, int32_t, UIDNAInfo*,
                           UErrorCode*);

bool Convert(std::string_view host, IdnaFn fn, std::string* out) {
  out->clear();
  if (host.empty() || host.size() > kMaxIdnInput || Idna() == nullptr) return false;
  std::string buf(host.size() * 4 + 64, '\0');
  UIDNAInfo info = UIDNA_INFO_INITIALIZER;
  UErrorCode status = U_ZERO_ERROR;
  const int32_t n = fn(Idna(), host.data(), static_cast<int32_t>(host.size()), buf.data(),
                       static_cast<int32_t>(buf.size()), &info, &status);
  if (U_FAILURE(status) || info.errors != 0) return false;
  buf.resize(static_cast<size_t>(n));
  *out = std::move(buf);
  return true;
}

}  // namespace

bool IdnToUnicode(std::string_view host, std::string* out) {
  thread_local StringMemo<std::string> memo;
  return memo.Get(host, out,
                  [&](std::string* v) { return Convert(host, uidna_nameToUnicodeUTF8, v); });
}

bool IdnToAscii(std::string_view host, std::string* out) {
  thread_local StringMemo<std::string> memo;
  return memo.Get(host, out,
                  [&](std::string* v) { return Convert(host, uidna_nameToASCII_UTF8, v); });
}

bool HasPunycodeLabel(std::string_view host) {
  size_t start = 0;
  while (start < host.size()) {
    const size_t dot = host.find('.', start);
    const std::string_view label =
        host.substr(start, dot == std::string_view::npos ? dot : dot - start);
    if (label.size() >= 4 && (label[0] | 0x20) == 'x' && (label[1] | 0x20) == 'n' &&
        label[2] == '-' && label[3] == '-') {
      return true;
    }
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return false;
}

}  // namespace vigil::stdlib
