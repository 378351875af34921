// freemail.cc: the freemail domain table and its lookup.
#include "stdlib/email/freemail.h"

#include <unordered_map>

namespace vigil::stdlib {

const std::vector<FreemailDomain>& FreemailDomains() {
  static const std::vector<FreemailDomain> kDomains = {
      {"gmail.com", "Google Gmail"},
      {"googlemail.com", "Google Gmail"},
      {"outlook.com", "Microsoft Outlook.com"},
      {"hotmail.com", "Microsoft Outlook.com"},
      {"hotmail.co.uk", "Microsoft Outlook.com"},
      {"hotmail.fr", "Microsoft Outlook.com"},
      {"hotmail.de", "Microsoft Outlook.com"},
      {"hotmail.it", "Microsoft Outlook.com"},
      {"hotmail.es", "Microsoft Outlook.com"},
      {"live.com", "Microsoft Outlook.com"},
      {"live.co.uk", "Microsoft Outlook.com"},
      {"live.fr", "Microsoft Outlook.com"},
      {"msn.com", "Microsoft Outlook.com"},
      {"outlook.fr", "Microsoft Outlook.com"},
      {"yahoo.com", "Yahoo Mail"},
      {"yahoo.co.uk", "Yahoo Mail"},
      {"yahoo.fr", "Yahoo Mail"},
      {"yahoo.de", "Yahoo Mail"},
      {"yahoo.it", "Yahoo Mail"},
      {"yahoo.es", "Yahoo Mail"},
      {"yahoo.co.jp", "Yahoo Mail"},
      {"yahoo.co.in", "Yahoo Mail"},
      {"yahoo.com.br", "Yahoo Mail"},
      {"yahoo.com.au", "Yahoo Mail"},
      {"ymail.com", "Yahoo Mail"},
      {"rocketmail.com", "Yahoo Mail"},
      {"aol.com", "AOL Mail"},
      {"aim.com", "AOL Mail"},
      {"icloud.com", "Apple iCloud Mail"},
      {"me.com", "Apple iCloud Mail"},
      {"mac.com", "Apple iCloud Mail"},
      {"proton.me", "Proton Mail"},
      {"protonmail.com", "Proton Mail"},
      {"protonmail.ch", "Proton Mail"},
      {"pm.me", "Proton Mail"},
      {"tutanota.com", "Tuta"},
      {"tutanota.de", "Tuta"},
      {"tutamail.com", "Tuta"},
      {"tuta.io", "Tuta"},
      {"keemail.me", "Tuta"},
      {"gmx.com", "GMX"},
      {"gmx.net", "GMX"},
      {"gmx.de", "GMX"},
      {"gmx.at", "GMX"},
      {"gmx.ch", "GMX"},
      {"web.de", "WEB.DE"},
      {"mail.com", "mail.com"},
      {"email.com", "mail.com"},
      {"usa.com", "mail.com"},
      {"yandex.com", "Yandex Mail"},
      {"yandex.ru", "Yandex Mail"},
      {"ya.ru", "Yandex Mail"},
      {"mail.ru", "Mail.ru"},
      {"inbox.ru", "Mail.ru"},
      {"list.ru", "Mail.ru"},
      {"bk.ru", "Mail.ru"},
      {"rambler.ru", "Rambler"},
      {"zoho.com", "Zoho Mail"},
      {"zohomail.com", "Zoho Mail"},
      {"fastmail.com", "Fastmail"},
      {"fastmail.fm", "Fastmail"},
      {"hushmail.com", "Hushmail"},
      {"mailfence.com", "Mailfence"},
      {"qq.com", "Tencent QQ Mail"},
      {"foxmail.com", "Tencent QQ Mail"},
      {"163.com", "NetEase Mail"},
      {"126.com", "NetEase Mail"},
      {"yeah.net", "NetEase Mail"},
      {"sina.com", "Sina Mail"},
      {"naver.com", "Naver Mail"},
      {"daum.net", "Daum Mail"},
      {"hanmail.net", "Daum Mail"},
      {"rediffmail.com", "Rediffmail"},
      {"libero.it", "Libero Mail"},
      {"laposte.net", "La Poste"},
      {"orange.fr", "Orange"},
      {"wanadoo.fr", "Orange"},
      {"t-online.de", "T-Online"},
      {"seznam.cz", "Seznam"},
      {"wp.pl", "WP Poczta"},
      {"o2.pl", "WP Poczta"},
      {"interia.pl", "Interia"},
      {"comcast.net", "Xfinity"},
      {"att.net", "AT&T"},
      {"sbcglobal.net", "AT&T"},
      {"verizon.net", "Verizon"},
      {"btinternet.com", "BT"},
      {"mailinator.com", "Mailinator (disposable)"},
      {"guerrillamail.com", "Guerrilla Mail (disposable)"},
  };
  return kDomains;
}

std::string_view FreemailProvider(std::string_view domain) {
  static const auto* index = [] {
    auto* m = new std::unordered_map<std::string_view, std::string_view>();
    for (const FreemailDomain& d : FreemailDomains()) m->emplace(d.domain, d.provider);
    return m;
  }();
  if (domain.size() > 253) return {};
  // The domain itself, then each parent domain.
  for (std::string_view d = domain; !d.empty();) {
    auto it = index->find(d);
    if (it != index->end()) return it->second;
    const size_t dot = d.find('.');
    if (dot == std::string_view::npos) break;
    d.remove_prefix(dot + 1);
  }
  return {};
}

}  // namespace vigil::stdlib
