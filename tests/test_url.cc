// The URL, defang and IP-address module (digestlint/url.h): the defang
// table and refang with its position map, the three URL ends, the
// URL-token scanner, IOC value shapes, and IP parsing and classification
// on chosen examples. Python's ipaddress checks the classification over
// many more addresses (tests/cli/test_ip_oracle.py).
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "digestlint/url.h"

using namespace digestlint;

namespace {

std::string_view token_text(std::string_view text, UrlToken t) {
  return t.begin == std::string_view::npos ? std::string_view()
                                           : text.substr(t.begin, t.end - t.begin);
}

IpClass class_of(std::string_view text) {
  const std::optional<IpAddress> ip = parse_ip(text);
  REQUIRE(ip.has_value());
  return classify_ip(*ip);
}

}  // namespace

TEST_CASE("refang undoes every token of the one table, in any case", "[url]") {
  CHECK(refang("hxxps[:]//a[.]example[.]com/x") == "https://a.example.com/x");
  CHECK(refang("HXXP://a(.)example{.}com") == "http://a.example.com");
  CHECK(refang("hxxps[://]a(dot)example[DOT]com") == "https://a.example.com");
  CHECK(refang("user[at]example[dot]org") == "user@example.org");
  CHECK(refang("user(at)example[.]org") == "user@example.org");
  CHECK(refang("user[@]example[.]org") == "user@example.org");
  CHECK(refang("https://example.com/(a)[b]{c}") == "https://example.com/(a)[b]{c}");
  for (const DefangToken& t : defang_tokens()) {
    INFO(t.written);
    CHECK(refang(t.written) == t.meaning);
    CHECK(is_defanged(t.written));
  }
  CHECK_FALSE(is_defanged("https://example.com/path(1)"));
  CHECK_FALSE(is_defanged(""));
}

TEST_CASE("refang_into maps each refanged byte back to the source", "[url]") {
  const std::string_view text = "x hxxp://a[.]b y";
  Refanged r;
  refang_into(text, {2, 14}, r);
  REQUIRE(r.text == "http://a.b");
  CHECK(r.defanged_dots == 1);
  REQUIRE(r.from.size() == r.text.size());
  CHECK(r.from[0] == 2);          // 'h' of hxxp
  CHECK(r.from[4] == 6);          // ':'
  CHECK(text[r.from[7]] == 'a');  // the host
  CHECK(r.dot_defanged[8]);       // the '.' was "[.]"
  CHECK(text.substr(r.from[8], 1) == "[");
  CHECK_FALSE(r.dot_defanged[7]);
  refang_into(text, {0, 1}, r);  // reused: cleared first
  CHECK(r.text == "x");
  CHECK(r.defanged_dots == 0);
}

TEST_CASE("refang writes the text refang_into writes", "[url][fast-path]") {
  // refang keeps no position map: the same tokens, at the same places,
  // in texts built from pieces of tokens, their cases, and text around.
  const std::vector<std::string> pieces = {
      "[", "]", "(", ")",  "{",   "}", ".",  "://", ":", "@", "dot",  "DoT", "at",   "h",
      "H", "x", "X", "xx", "hxx", "p", "ps", "s",   "a", "é", "\xff", "[.]", "hxxps"};
  std::mt19937 random(7);
  Refanged r;
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    const std::size_t n = random() % 12;
    for (std::size_t i = 0; i < n; ++i)
      text += pieces[random() % pieces.size()];
    INFO(text);
    refang_into(text, {0, static_cast<Offset>(text.size())}, r);
    CHECK(refang(text) == r.text);
  }
}

TEST_CASE("a live dot is a '.' outside a dot token", "[url]") {
  const std::string_view host = "a.b[.]c(.)d{.}e[dot]f";
  CHECK(is_live_dot(host, 1));
  CHECK_FALSE(is_live_dot(host, 4));   // [.]
  CHECK_FALSE(is_live_dot(host, 8));   // (.)
  CHECK_FALSE(is_live_dot(host, 12));  // {.}
  CHECK_FALSE(is_live_dot(host, 0));   // not a '.'
  CHECK(is_live_dot("[.", 1));         // the token must lie inside the text
  CHECK(is_live_dot(".", 0));
  CHECK_FALSE(is_live_dot(".", 1));
}

TEST_CASE("live schemes and URL-looking starts", "[url]") {
  CHECK(find_live_scheme("see HTTPS://x") == 4);
  CHECK(find_live_scheme("hxxps://x") == std::string_view::npos);
  CHECK(find_live_scheme("http:/x https://y") == 8);
  CHECK(starts_like_url("HTTP://x"));
  CHECK(starts_like_url("hxxps[:]//x"));
  CHECK_FALSE(starts_like_url("ftp://x"));
  CHECK_FALSE(starts_like_url(" https://x"));
}

TEST_CASE("where a URL ends depends on what surrounds it", "[url]") {
  const std::string_view jp = "https://localhost/にアクセス";
  CHECK(url_end(jp, 0, UrlEnd::InProse) == std::string_view("https://localhost/").size());
  CHECK(url_end(jp, 0, UrlEnd::AtSpace) == jp.size());  // an IRI stays whole
  CHECK(url_end(jp, 0, UrlEnd::AsciiSentence) == std::string_view("https://localhost/").size());

  const std::string_view sentence = "(https://example.com/a_(b)).";
  CHECK(url_end(sentence, 1, UrlEnd::AsciiSentence) == sentence.size() - 2);
  CHECK(url_end(sentence, 1, UrlEnd::InProse) == sentence.size());  // ')' and '.' are URL bytes

  const std::string_view spaced = "https://a.example/x\xE3\x80\x80text";  // U+3000
  CHECK(url_end(spaced, 0, UrlEnd::AtSpace) == 19);
  CHECK(url_end(spaced, 0, UrlEnd::InProse) == 19);
  CHECK(url_end("https://a.example/x,", 0, UrlEnd::AsciiSentence) == 19);
  CHECK(url_end("https://a.example/x,", 0, UrlEnd::AtSpace) == 20);
}

TEST_CASE("URL tokens in text, live and defanged", "[url]") {
  const std::string_view text =
      "見て https://a.example/x と hxxps[:]//b[.]example/y と hxxp[://]c[.]example/z。"
      " FTP://d.example は? mailto:x@example.com, x[:]//no, and [://] alone";
  UrlToken t = find_url_token(text, 0);
  CHECK(token_text(text, t) == "https://a.example/x");
  t = find_url_token(text, t.end);
  CHECK(token_text(text, t) == "hxxps[:]//b[.]example/y");
  t = find_url_token(text, t.end);
  CHECK(token_text(text, t) == "hxxp[://]c[.]example/z");
  t = find_url_token(text, t.end);
  CHECK(token_text(text, t) == "FTP://d.example");
  t = find_url_token(text, t.end);
  CHECK(t.begin == std::string_view::npos);
  CHECK(is_url_byte('%'));
  CHECK_FALSE(is_url_byte(' '));
  CHECK_FALSE(is_url_byte('"'));
}

TEST_CASE("host names end in a known TLD", "[url]") {
  CHECK(is_known_tld("com"));
  CHECK(is_known_tld("IO"));
  CHECK(is_known_tld("onion"));
  CHECK(is_known_tld("bond"));
  CHECK_FALSE(is_known_tld("dll"));
  CHECK_FALSE(is_known_tld("exe"));
  CHECK_FALSE(is_known_tld("fileexplorer"));
  CHECK(is_host_name("login.example.co.jp"));
  CHECK(is_host_name("*.example.com"));
  CHECK(is_host_name("xn--eepass-vbb.info"));
  CHECK(is_host_name("example.xn--p1ai"));
  CHECK_FALSE(is_host_name("loader.dll"));
  CHECK_FALSE(is_host_name("com.example.fileexplorer"));
  CHECK_FALSE(is_host_name("a..com"));
}

TEST_CASE("IOC value shapes and their host part", "[url]") {
  struct Case {
    std::string_view value;
    ValueShape shape;
    std::string_view host;
  };
  const Case cases[] = {
      {"203.0.113.7", ValueShape::Ip4, "203.0.113.7"},
      {"203.0.113.7:8443", ValueShape::Ip4, "203.0.113.7"},
      {"203.0.113.7/admin", ValueShape::Url, "203.0.113.7"},
      {"2001:db8::10", ValueShape::Ip6, "2001:db8::10"},
      {"[2001:db8::10]", ValueShape::Ip6, "[2001:db8::10]"},
      {"2001:db8::/32", ValueShape::Ip6, "2001:db8::/32"},
      {"::ffff:192.0.2.1", ValueShape::Ip6, "::ffff:192.0.2.1"},
      {"1:2:3", ValueShape::Other, ""},
      {"2001:db8::1::2", ValueShape::Other, ""},
      {"256.1.1.1", ValueShape::Other, ""},
      {"login.example.com", ValueShape::Host, "login.example.com"},
      {"https://user@login.example.com:8443/a", ValueShape::Url, "login.example.com"},
      {"http://[2001:db8::1]:80/", ValueShape::Url, "[2001:db8::1]"},
      {"user@mail.example.com", ValueShape::Email, "mail.example.com"},
      {"user@localhost", ValueShape::Other, ""},
      {"loader.dll", ValueShape::Other, ""},
  };
  for (const Case& c : cases) {
    INFO(c.value);
    const ValueParts p = parse_value(c.value);
    CHECK(p.shape == c.shape);
    CHECK(c.value.substr(p.host_begin, p.host_end - p.host_begin) == c.host);
  }
}

TEST_CASE("IP addresses are parsed by inet_pton, nothing around them", "[url][ip]") {
  const std::optional<IpAddress> v4 = parse_ip("192.0.2.33");
  REQUIRE(v4.has_value());
  CHECK(v4->family == IpFamily::V4);
  CHECK(v4->size() == 4);
  CHECK(v4->bytes[0] == 192);
  CHECK(v4->bytes[3] == 33);
  CHECK(v4->to_string() == "192.0.2.33");
  const std::optional<IpAddress> v6 = parse_ip("2001:DB8:0:0:0:0:0:1");
  REQUIRE(v6.has_value());
  CHECK(v6->family == IpFamily::V6);
  CHECK(v6->to_string() == "2001:db8::1");
  const std::optional<IpAddress> mapped = parse_ip("::ffff:10.1.2.3");
  REQUIRE(mapped.has_value());
  REQUIRE(mapped->ipv4_mapped().has_value());
  CHECK(mapped->ipv4_mapped()->to_string() == "10.1.2.3");
  CHECK_FALSE(v6->ipv4_mapped().has_value());
  for (std::string_view bad :
       {"", "1.2.3", "1.2.3.4.5", "01.2.3.4", "256.0.0.1", " 1.2.3.4", "1.2.3.4:80", "[::1]",
        "::1/128", "fe80::1%eth0", "1::2::3", "g::1", "1:2:3:4:5:6:7:8:9", "203[.]0[.]113[.]7"}) {
    INFO(bad);
    CHECK_FALSE(parse_ip(bad).has_value());
  }
}

TEST_CASE("IP addresses are classified by the special-purpose registries", "[url][ip]") {
  CHECK(class_of("8.8.8.8") == IpClass::Global);
  CHECK(class_of("2606:4700::1111") == IpClass::Global);
  CHECK(class_of("192.0.2.1") == IpClass::Documentation);
  CHECK(class_of("198.51.100.255") == IpClass::Documentation);
  CHECK(class_of("203.0.113.0") == IpClass::Documentation);
  CHECK(class_of("2001:db8:ffff::1") == IpClass::Documentation);
  CHECK(class_of("3fff:fff::1") == IpClass::Documentation);
  CHECK(class_of("10.255.0.1") == IpClass::Private);
  CHECK(class_of("172.31.255.255") == IpClass::Private);
  CHECK(class_of("172.32.0.0") == IpClass::Global);
  CHECK(class_of("fd12:3456::1") == IpClass::Private);
  CHECK(class_of("100.64.0.1") == IpClass::Shared);
  CHECK(class_of("100.128.0.1") == IpClass::Global);
  CHECK(class_of("127.0.0.53") == IpClass::Loopback);
  CHECK(class_of("::1") == IpClass::Loopback);
  CHECK(class_of("169.254.169.254") == IpClass::LinkLocal);
  CHECK(class_of("fe80::1") == IpClass::LinkLocal);
  CHECK(class_of("224.0.0.251") == IpClass::Multicast);
  CHECK(class_of("ff02::fb") == IpClass::Multicast);
  CHECK(class_of("0.0.0.0") == IpClass::Unspecified);
  CHECK(class_of("0.1.2.3") == IpClass::ThisNetwork);
  CHECK(class_of("::") == IpClass::Unspecified);
  CHECK(class_of("198.19.255.255") == IpClass::Benchmarking);
  CHECK(class_of("2001:2::5") == IpClass::Benchmarking);
  CHECK(class_of("240.0.0.1") == IpClass::Reserved);
  CHECK(class_of("255.255.255.255") == IpClass::Broadcast);
  CHECK(class_of("::ffff:192.168.1.1") == IpClass::Private);  // by its IPv4 address
  CHECK(class_of("::ffff:8.8.8.8") == IpClass::Global);
  CHECK(class_of("2002:c000:204::1") == IpClass::Translation);
  CHECK(class_of("5f00::1") == IpClass::SegmentRouting);

  // The most specific row wins: 192.0.0.9 is a globally reachable anycast
  // address inside the not globally reachable 192.0.0.0/24.
  const IpBlock* pcp = special_purpose_block(*parse_ip("192.0.0.9"));
  REQUIRE(pcp != nullptr);
  CHECK(pcp->reference == "RFC 7723");
  CHECK(is_global_ip(*parse_ip("192.0.0.9")));
  CHECK_FALSE(is_global_ip(*parse_ip("192.0.0.8")));
  CHECK(is_global_ip(*parse_ip("2001:4:112::1")));
  CHECK_FALSE(is_global_ip(*parse_ip("2001:5::1")));
  CHECK_FALSE(is_global_ip(*parse_ip("224.0.0.1")));
  CHECK(is_global_ip(*parse_ip("8.8.4.4")));
  CHECK(special_purpose_block(*parse_ip("8.8.4.4")) == nullptr);
  CHECK(to_string(IpClass::Documentation) == "documentation");

  // Every row: a valid prefix (no host bits set), a name and an RFC.
  for (const IpBlock& b : special_purpose_blocks()) {
    const IpAddress prefix{b.family, b.prefix};
    INFO(prefix.to_string() << "/" << int(b.length));
    CHECK(b.length <= (b.family == IpFamily::V4 ? 32 : 128));
    for (unsigned bit = b.length; bit < (b.family == IpFamily::V4 ? 32u : 128u); ++bit) {
      CHECK((b.prefix[bit / 8] & (0x80u >> (bit % 8))) == 0);
    }
    CHECK_FALSE(b.name.empty());
    CHECK(b.reference.substr(0, 4) == "RFC ");
  }
}
