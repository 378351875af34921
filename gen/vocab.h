// vocab.h: the word lists the generator draws from: names, company stems, subjects, file
// names, URL parts, TLS suites and the fixed Mimecast value sets (routes, definitions, audit
// texts). Data only; the world and traffic builders decide how they are combined.
#pragma once

#include <span>
#include <string_view>

namespace vigil::gen::vocab {

using Words = std::span<const std::string_view>;

Words FirstNames();
Words LastNames();
// Company name stems for tenants, partners and external organisations ("harborline").
Words CompanyStems();
// Second words of company names ("logistics", "partners").
Words CompanyKinds();
Words CorporateTlds();
// Major free webmail providers (all in the rule pack's freemail list).
Words Freemail();
// Marketing / newsletter sender local parts, SaaS notification local parts.
Words BulkLocals();
Words NoReplyLocals();
// Departments of internal users (finance users come from "Finance" and "Accounts Payable").
Words Departments();

// Subjects by kind of mail.
Words BusinessSubjects();
Words InternalSubjects();
Words NewsletterSubjects();
Words NotificationSubjects();
Words SpamSubjects();
// What people write to a company from personal webmail (no finance words).
Words PersonalSubjects();
Words ReplyPrefixes();
// Words to fill a subject's "{x}" placeholder ("Q3", "Project Atlas").
Words SubjectTopics();

// Benign attachment base names and their extensions (documents, spreadsheets, images).
Words DocumentStems();
// URL paths of benign links.
Words UrlPaths();
// URL categories Mimecast gives benign sites.
Words BenignUrlCategories();

struct Cipher {
  std::string_view tls_version;
  std::string_view cipher;
};
std::span<const Cipher> Ciphers();

// Delivery routes (1.0 Route / 2.0 route) by direction.
Words InboundRoutes();
Words OutboundRoutes();

}  // namespace vigil::gen::vocab
