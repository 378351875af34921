// corpus.cc: seeded generators for the benchmark inputs.
#include "bench/stdlib/corpus.h"

#include <random>

namespace vigil::stdlib::bench {
namespace {

template <typename Gen>
std::vector<std::string> Make(uint32_t seed, Gen gen) {
  std::mt19937 rng(seed);
  std::vector<std::string> out;
  for (size_t i = 0; i < kBatch; ++i) out.push_back(gen(rng));
  return out;
}

const char* Pick(std::mt19937& rng, const std::vector<const char*>& v) {
  return v[rng() % v.size()];
}

const std::vector<const char*>& Words() {
  static const std::vector<const char*> v = {
      "Invoice",  "payment",  "overdue", "RE:",      "FW:",        "Your",      "account",
      "password", "expires",  "today",   "shared",   "document",   "with",      "you",
      "Q3",       "report",   "meeting", "notes",    "update",     "Action",    "required",
      "verify",   "delivery", "failed",  "DocuSign", "wire",       "transfer",  "urgent",
      "request",  "from",     "CEO",     "benefits", "enrollment", "voicemail", "received",
      "Zahlung",  "facture",  "pedido",  "請求書",   "счёт"};
  return v;
}

const std::vector<const char*>& Domains() {
  static const std::vector<const char*> v = {"example.com",
                                             "mail.example.co.uk",
                                             "gmail.com",
                                             "outlook.com",
                                             "corp.example",
                                             "secure-login.example.net",
                                             "paypa1.com",
                                             "xn--80ak6aa92e.com",
                                             "bit.ly",
                                             "docs.google.com",
                                             "sharepoint.com",
                                             "evil.example",
                                             "m1crosoft-support.com",
                                             "a.b.c.d.example.org"};
  return v;
}

}  // namespace

const std::vector<std::string>& Subjects() {
  static const auto v = Make(1, [](std::mt19937& rng) {
    std::string s;
    for (int i = 0, n = 3 + rng() % 8; i < n; ++i)
      s += std::string(i ? " " : "") + Pick(rng, Words());
    return s;
  });
  return v;
}

const std::vector<std::string>& Senders() {
  static const auto v = Make(2, [](std::mt19937& rng) {
    return std::string(rng() % 3 == 0 ? "\"Accounts Team\" <" : "<") + "user" +
           std::to_string(rng() % 1000) + (rng() % 4 == 0 ? "+tag" : "") + "@" +
           Pick(rng, Domains()) + ">";
  });
  return v;
}

const std::vector<std::string>& Urls() {
  static const auto v = Make(3, [](std::mt19937& rng) {
    return std::string(rng() % 5 ? "https://" : "http://") + Pick(rng, Domains()) + "/path/" +
           std::to_string(rng() % 100000) + "/login.php?user=" + std::to_string(rng() % 1000) +
           "&redirect=https%3A%2F%2F" + Pick(rng, Domains());
  });
  return v;
}

const std::vector<std::string>& Hosts() {
  static const auto v = Make(4, [](std::mt19937& rng) {
    return std::string(rng() % 2 ? "www." : "") + Pick(rng, Domains());
  });
  return v;
}

const std::vector<std::string>& FileNames() {
  static const std::vector<const char*> ext = {"pdf",  "docx", "xlsm", "zip",     "iso", "exe",
                                               "html", "one",  "lnk",  "pdf.exe", "jpg", "tar.gz"};
  static const auto v = Make(5, [](std::mt19937& rng) {
    return std::string(Pick(rng, Words())) + "_" + std::to_string(rng() % 10000) + "." +
           Pick(rng, ext);
  });
  return v;
}

const std::vector<std::string>& Ips() {
  static const auto v = Make(6, [](std::mt19937& rng) {
    return std::to_string(rng() % 224) + "." + std::to_string(rng() % 256) + "." +
           std::to_string(rng() % 256) + "." + std::to_string(rng() % 256);
  });
  return v;
}

}  // namespace vigil::stdlib::bench
