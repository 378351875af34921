// url_test.cc: the url family on the URL shapes phishing uses (userinfo tricks, IP hosts,
// raw Unicode, scheme-less text, redirect parameters) and random garbage.
#include "stdlib/url/url.h"

#include <gtest/gtest.h>

#include <random>

#include "tests/stdlib/example_eval.h"

namespace vigil::stdlib {
namespace {

class UrlTest : public ::testing::Test {
 protected:
  std::string Run(std::string_view call) { return ev_.Run(call); }
  testing::ExampleEvaluator ev_;
};

TEST_F(UrlTest, Components) {
  EXPECT_EQ(Run(R"(url_host("https://www.paypal.com@evil.example/login"))"), R"("evil.example")");
  EXPECT_EQ(Run(R"(url_host("http://[2001:db8::1]:8080/"))"), R"("2001:db8::1")");
  EXPECT_EQ(Run(R"(url_port("http://[2001:db8::1]:8080/"))"), "8080");
  EXPECT_EQ(Run(R"(url_port("mailto:a@b.c"))"), "null");
  EXPECT_EQ(Run(R"(url_port("http://x.com:99999/"))"), "null");
  EXPECT_EQ(Run(R"(url_host("mailto:a@b.c"))"), "null");
  EXPECT_EQ(Run(R"(url_host("www.evil.example/path"))"), R"("www.evil.example")");
  EXPECT_EQ(Run(R"(url_scheme("www.evil.example"))"), R"("http")");
  EXPECT_EQ(Run(R"(url_host("https://пример.рф/путь"))"), R"("пример.рф")");
  EXPECT_EQ(Run(R"(url_path("https://пример.рф/путь?q"))"), R"("/путь")");
  EXPECT_EQ(Run(R"(url_path("https://x.com"))"), R"("")");
  EXPECT_EQ(Run(R"(url_path("https://x.com/a b"))"), R"("/a b")");
  EXPECT_EQ(Run(R"(url_query("https://x.com/?"))"), R"("")");
  EXPECT_EQ(Run(R"(url_host(""))"), "null");
  EXPECT_EQ(Run(R"(url_host("http://"))"), "null");
  EXPECT_EQ(Run(R"(url_host("https://%65vil.com/"))"), R"("evil.com")");
  EXPECT_EQ(Run(R"(url_path("https://x.com/100%/off"))"), R"("/100%/off")");
}

TEST_F(UrlTest, QueryParameters) {
  EXPECT_EQ(Run(R"(url_query_param("https://x.com/?a=1&a=2", "a"))"), R"("1")");
  EXPECT_EQ(Run(R"(url_query_param("https://x.com/?flag&b=2", "flag"))"), R"("")");
  EXPECT_EQ(Run(R"(url_query_param("https://x.com/?q=a+b%21", "q"))"), R"("a b!")");
  EXPECT_EQ(Run(R"(url_query_param("https://x.com/?a=1", "b"))"), "null");
  EXPECT_EQ(Run(R"(url_query_param("https://x.com/?a=1;b=2", "b"))"), R"("2")");
  EXPECT_EQ(Run(R"(url_decode("%"))"), R"("%")");
  EXPECT_EQ(Run(R"(url_decode("%4"))"), R"("%4")");
  EXPECT_EQ(Run(R"(url_decode("%E6%97%A5"))"), R"("日")");
  EXPECT_EQ(Run(R"(url_decode("a+b"))"), R"("a+b")");
}

TEST_F(UrlTest, IpHostsAndShorteners) {
  EXPECT_EQ(Run(R"(url_is_ip_host("http://3232235777/"))"), "true");
  EXPECT_EQ(Run(R"(url_is_ip_host("http://0x7f.1/"))"), "true");
  EXPECT_EQ(Run(R"(url_is_ip_host("http://[::1]/"))"), "true");
  EXPECT_EQ(Run(R"(url_is_ip_host("http://1.2.3.4.example.com/"))"), "false");
  EXPECT_EQ(Run(R"(url_is_ip_host("http://deadbeef.com/"))"), "false");
  EXPECT_EQ(Run(R"(url_is_shortener("https://www.bit.ly/x"))"), "true");
  EXPECT_EQ(Run(R"(url_is_shortener("bit.ly/x"))"), "true");
  EXPECT_EQ(Run(R"(url_is_shortener("https://notbit.ly/x"))"), "false");
  for (std::string_view h : UrlShortenerHosts()) EXPECT_TRUE(IsShortenerHost(h)) << h;
}

// Random bytes and URL-ish fragments: ParseUrl never crashes and views stay inside the input.
TEST_F(UrlTest, RandomInputsNeverCrash) {
  std::mt19937 rng(11);
  const std::vector<std::string> pieces = {"http", "://", "[",  "]",   ":", "@",    "/", "?",
                                           "#",    "%",   "%4", "%41", "é", "\xFF", " ", "a",
                                           ".",    "::1", "0x", "&",   "=", "\\",   "\0"};
  for (int i = 0; i < 20000; ++i) {
    std::string url;
    for (int k = 0, n = rng() % 14; k < n; ++k) url += pieces[rng() % pieces.size()];
    UrlParts p;
    if (!ParseUrl(url, &p)) continue;
    // Views point into the input (the scheme may be the "http" supplied for scheme-less text).
    for (std::string_view v : {p.userinfo, p.port, p.path, p.query, p.fragment}) {
      if (v.empty()) continue;
      ASSERT_GE(v.data(), url.data());
      ASSERT_LE(v.data() + v.size(), url.data() + url.size());
    }
  }
}

TEST_F(UrlTest, MegabyteInputs) {
  const std::string big = "https://example.com/" + std::string(1 << 20, 'a') + "?q=1";
  EXPECT_EQ(ev_.MustCall("url_host", {Datum::String(big)}).s, "example.com");
  EXPECT_EQ(ev_.MustCall("url_query_param", {Datum::String(big), Datum::String("q")}).s, "1");
  EXPECT_EQ(ev_.MustCall("url_path", {Datum::String(big)}).s.size(), (1u << 20) + 1);
  const std::string percents = "http://x.com/" + std::string(1 << 20, '%');
  EXPECT_EQ(ev_.MustCall("url_decode", {Datum::String(percents)}).s, percents);
  EXPECT_EQ(ev_.MustCall("url_host", {Datum::String(percents)}).s, "x.com");
}

}  // namespace
}  // namespace vigil::stdlib
