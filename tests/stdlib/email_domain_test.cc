// email_domain_test.cc: the email and domain families: address parts in the shapes logs
// carry, freemail, eTLD+1 / suffix / subdomain, IDN both ways, subdomain tests.
#include <gtest/gtest.h>

#include <random>

#include "stdlib/domain/idna.h"
#include "stdlib/email/freemail.h"
#include "tests/stdlib/example_eval.h"

namespace vigil::stdlib {
namespace {

class EmailDomainTest : public ::testing::Test {
 protected:
  std::string Run(std::string_view call) { return ev_.Run(call); }
  testing::ExampleEvaluator ev_;
};

TEST_F(EmailDomainTest, AddressParts) {
  EXPECT_EQ(Run(R"(email_local("bob@example.com"))"), R"("bob")");
  EXPECT_EQ(Run(R"(email_domain("<Bob@EXAMPLE.com>"))"), R"("example.com")");
  EXPECT_EQ(Run(R"(email_domain("<>"))"), "null");
  EXPECT_EQ(Run(R"(email_domain(""))"), "null");
  EXPECT_EQ(Run(R"(email_domain("no-at-sign"))"), "null");
  EXPECT_EQ(Run(R"(email_local("\"a@b\"@example.com"))"), R"("\"a@b\"")");  // last '@' splits
  EXPECT_EQ(Run(R"(email_display_name("bob@example.com"))"), R"("")");
  EXPECT_EQ(Run(R"(email_display_name("Zoë Müller <z@example.de>"))"), R"("Zoë Müller")");
  EXPECT_EQ(Run(R"(email_plus_tag("bob@example.com"))"), R"("")");
  EXPECT_EQ(Run(R"(email_plus_tag("b+x+y@example.com"))"), R"("x+y")");
  EXPECT_EQ(Run(R"(email_address("  <A@B.C>  "))"), R"("a@b.c")");
  EXPECT_EQ(Run(R"(is_valid_email("a@b"))"), "true");
  EXPECT_EQ(Run(R"(is_valid_email("a b@c"))"), "false");
  EXPECT_EQ(Run(R"(email_domain(null))"), "null");
}

TEST_F(EmailDomainTest, Freemail) {
  EXPECT_EQ(Run(R"(is_freemail("x@GMAIL.com"))"), "true");
  EXPECT_EQ(Run(R"(is_freemail("gmail.com."))"), "true");
  EXPECT_EQ(Run(R"(is_freemail("mail.gmx.net"))"), "true");
  EXPECT_EQ(Run(R"(is_freemail("gmail.com.evil.net"))"), "false");
  EXPECT_EQ(Run(R"(is_freemail("x@corp.example"))"), "false");
  EXPECT_EQ(Run(R"(is_freemail("<>"))"), "false");
  EXPECT_EQ(Run(R"(freemail_provider("x@protonmail.com"))"), R"("Proton Mail")");
  EXPECT_EQ(Run(R"(freemail_provider("example.com"))"), "null");
  for (const FreemailDomain& d : FreemailDomains())
    EXPECT_EQ(FreemailProvider(d.domain), d.provider);
}

TEST_F(EmailDomainTest, RegisteredDomainAndParts) {
  EXPECT_EQ(Run(R"(registered_domain("example.com"))"), R"("example.com")");
  EXPECT_EQ(Run(R"(registered_domain("co.uk"))"), "null");
  EXPECT_EQ(Run(R"(registered_domain("x.github.io"))"), R"("github.io")");  // ICANN only
  EXPECT_EQ(Run(R"(registered_domain("10.1.2.3"))"), "null");
  EXPECT_EQ(Run(R"(registered_domain(""))"), "null");
  EXPECT_EQ(Run(R"(registered_domain("a.bücher.de"))"), R"("bücher.de")");
  EXPECT_EQ(Run(R"(public_suffix("www.example.com.au"))"), R"("com.au")");
  EXPECT_EQ(Run(R"(subdomain("example.com"))"), R"("")");
  EXPECT_EQ(Run(R"(subdomain("A.B.Example.com."))"), R"("a.b")");
  EXPECT_EQ(Run(R"(subdomain("localhost"))"), "null");
  EXPECT_EQ(Run(R"(sld("example.com"))"), R"("example")");
  EXPECT_EQ(Run(R"(tld("localhost"))"), R"("localhost")");
  EXPECT_EQ(Run(R"(tld(""))"), R"("")");
  EXPECT_EQ(Run(R"(label_count(""))"), "0");
  EXPECT_EQ(Run(R"(label_count("com."))"), "1");
}

TEST_F(EmailDomainTest, IdnBothWays) {
  EXPECT_EQ(Run(R"(idn_to_ascii("Bücher.Example"))"), R"("xn--bcher-kva.example")");
  EXPECT_EQ(Run(R"(idn_to_unicode("xn--bcher-kva.example"))"), R"("bücher.example")");
  EXPECT_EQ(Run(R"(idn_to_unicode("plain.example"))"), R"("plain.example")");
  EXPECT_EQ(Run(R"(idn_to_unicode("xn--zzzzzzzz-.com"))"), "null");
  EXPECT_EQ(Run(R"(idn_to_ascii("a..b"))"), "null");
  EXPECT_EQ(Run(R"(has_punycode("XN--abc.com"))"), "true");
  EXPECT_EQ(Run(R"(has_punycode("axn--b.com"))"), "false");
}

TEST_F(EmailDomainTest, SubdomainOf) {
  EXPECT_EQ(Run(R"(is_subdomain_of("example.com", "example.com"))"), "true");
  EXPECT_EQ(Run(R"(is_subdomain_of("badexample.com", "example.com"))"), "false");
  EXPECT_EQ(Run(R"(is_subdomain_of("a.example.com.", "EXAMPLE.COM"))"), "true");
  EXPECT_EQ(Run(R"(is_subdomain_of("example.com", ""))"), "false");
  EXPECT_EQ(Run(R"(is_subdomain_of("com", "example.com"))"), "false");
}

// Punycode and IDN conversion on random labels: never crashes, and decode(encode(x)) == x
// for whatever encodes.
TEST_F(EmailDomainTest, IdnRandomRoundTrip) {
  std::mt19937 rng(3);
  const std::vector<std::string> pieces = {"a",  "z",    "-", ".",    "é", "ж",
                                           "日", "xn--", "0", "\xFF", "ß"};
  for (int i = 0; i < 3000; ++i) {
    std::string host;
    for (int k = 0, n = 1 + rng() % 12; k < n; ++k) host += pieces[rng() % pieces.size()];
    std::string ascii, back;
    if (IdnToAscii(host, &ascii)) {
      ASSERT_TRUE(IdnToUnicode(ascii, &back)) << host;
      std::string again;
      ASSERT_TRUE(IdnToAscii(back, &again));
      EXPECT_EQ(again, ascii);
    }
    IdnToUnicode(host, &back);
  }
  std::string out;
  EXPECT_FALSE(IdnToUnicode(std::string(1 << 20, 'a'), &out));  // over-long: rejected
}

TEST_F(EmailDomainTest, MegabyteInputs) {
  const std::string big = std::string(1 << 20, 'a') + "@example.com";
  EXPECT_EQ(ev_.MustCall("email_domain", {Datum::String(big)}).s, "example.com");
  EXPECT_FALSE(ev_.MustCall("registered_domain", {Datum::String(big)}).valid);
  std::string dots;
  for (int i = 0; i < 300000; ++i) dots += "a.";
  EXPECT_FALSE(ev_.MustCall("is_freemail", {Datum::String(dots + "gmail.com")}).AsBool());
  EXPECT_EQ(ev_.MustCall("label_count", {Datum::String(dots + "com")}).i, 300001);
}

}  // namespace
}  // namespace vigil::stdlib
