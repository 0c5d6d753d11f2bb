// URLs, defanging, host names and IP addresses (include/digestlint/url.h):
// the one defang table, the URL-token scanner with its three ends, the
// IOC value shapes, and inet_pton plus the IANA special-purpose registries
// for addresses. Hand-written scanners, no regular expressions: they run
// on every line of prose.
#include "digestlint/url.h"

#include <arpa/inet.h>

#include <algorithm>
#include <cstring>
#include <stdexcept>

#include "digestlint/prose.h"

namespace digestlint {

namespace {

char lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// Whether s[at, at + p.size()) is `p` (lower case) in any case.
bool iequals_at(std::string_view s, std::size_t at, std::string_view p) {
  if (at + p.size() > s.size()) return false;
  for (std::size_t i = 0; i < p.size(); ++i) {
    if (lower(s[at + i]) != p[i]) return false;
  }
  return true;
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Longest first where one token is a prefix of another ("hxxps" before
// "hxxp"); every token starts with '[', '(', '{' or "hxx" (token_at).
constexpr DefangToken kDefangTokens[] = {
    {"[://]", "://", false}, {"[.]", ".", true},        {"(.)", ".", true},
    {"{.}", ".", true},      {"[dot]", ".", true},      {"(dot)", ".", true},
    {"[:]", ":", false},     {"[@]", "@", false},       {"[at]", "@", false},
    {"(at)", "@", false},    {"hxxps", "https", false}, {"hxxp", "http", false},
};

// The bytes a token starts with: '[', '(', '{', and 'h' of "hxx".
struct TokenStarts {
  bool table[256] = {};
  constexpr TokenStarts() {
    for (const char c : std::string_view("[({hH"))
      table[static_cast<unsigned char>(c)] = true;
  }
};
constexpr TokenStarts kTokenStarts;

// Whether a token may start at s[at]. Most bytes start none, the 'h' of
// every "https" included; callers loop over every byte, so this stays
// inline and the table of tokens is searched only after it.
inline bool may_start_token(std::string_view s, std::size_t at) {
  const char c = s[at];
  if (!kTokenStarts.table[static_cast<unsigned char>(c)]) return false;
  return (c != 'h' && c != 'H') ||
         (at + 3 < s.size() && lower(s[at + 1]) == 'x' && lower(s[at + 2]) == 'x');
}

// The token written at s[at], or nullptr.
const DefangToken* token_at(std::string_view s, std::size_t at) {
  if (!may_start_token(s, at)) return nullptr;
  for (const DefangToken& t : kDefangTokens) {
    if (iequals_at(s, at, t.written)) return &t;
  }
  return nullptr;
}

// IANA root-zone TLDs: every two-letter country code, the legacy generic
// ones and the new generic TLDs seen in threat reports, plus the
// special-use names ("onion", "example", …). A dotted name ending in anything else
// (com.example.app, file.dll, ext-id.ext-name) is not a host name.
// clang-format off
constexpr std::string_view kTlds[] = {
    // country codes
    "ac", "ad", "ae", "af", "ag", "ai", "al", "am", "ao", "aq", "ar", "as", "at", "au", "aw", "ax",
    "az", "ba", "bb", "bd", "be", "bf", "bg", "bh", "bi", "bj", "bm", "bn", "bo", "br", "bs", "bt",
    "bw", "by", "bz", "ca", "cc", "cd", "cf", "cg", "ch", "ci", "ck", "cl", "cm", "cn", "co", "cr",
    "cu", "cv", "cw", "cx", "cy", "cz", "de", "dj", "dk", "dm", "do", "dz", "ec", "ee", "eg", "er",
    "es", "et", "eu", "fi", "fj", "fk", "fm", "fo", "fr", "ga", "gd", "ge", "gf", "gg", "gh", "gi",
    "gl", "gm", "gn", "gp", "gq", "gr", "gs", "gt", "gu", "gw", "gy", "hk", "hm", "hn", "hr", "ht",
    "hu", "id", "ie", "il", "im", "in", "io", "iq", "ir", "is", "it", "je", "jm", "jo", "jp", "ke",
    "kg", "kh", "ki", "km", "kn", "kp", "kr", "kw", "ky", "kz", "la", "lb", "lc", "li", "lk", "lr",
    "ls", "lt", "lu", "lv", "ly", "ma", "mc", "md", "me", "mg", "mh", "mk", "ml", "mm", "mn", "mo",
    "mp", "mq", "mr", "ms", "mt", "mu", "mv", "mw", "mx", "my", "mz", "na", "nc", "ne", "nf", "ng",
    "ni", "nl", "no", "np", "nr", "nu", "nz", "om", "pa", "pe", "pf", "pg", "ph", "pk", "pl", "pm",
    "pn", "pr", "ps", "pt", "pw", "py", "qa", "re", "ro", "rs", "ru", "rw", "sa", "sb", "sc", "sd",
    "se", "sg", "sh", "si", "sk", "sl", "sm", "sn", "so", "sr", "ss", "st", "su", "sv", "sx", "sy",
    "sz", "tc", "td", "tf", "tg", "th", "tj", "tk", "tl", "tm", "tn", "to", "tr", "tt", "tv", "tw",
    "tz", "ua", "ug", "uk", "us", "uy", "uz", "va", "vc", "ve", "vg", "vi", "vn", "vu", "wf", "ws",
    "ye", "yt", "za", "zm", "zw",
    // generic, sponsored and infrastructure
    "aero", "arpa", "asia", "biz", "cat", "com", "coop", "edu", "gov", "info", "int", "jobs", "mil",
    "mobi", "museum", "name", "net", "org", "post", "pro", "tel", "travel", "xxx",
    // special-use names (RFC 6761, 6762, 7686) and the private-use "internal"
    "example", "internal", "invalid", "local", "localhost", "onion", "test",
    // new generic TLDs
    "academy", "accountant", "accountants", "actor", "ads", "adult", "agency", "airforce", "amazon",
    "apartments", "app", "apple", "army", "art", "associates", "attorney", "auction", "audio",
    "auto", "autos", "aws", "azure", "baby", "band", "bank", "bar", "bargains", "beauty", "beer",
    "best", "bet", "bible", "bid", "bike", "bingo", "bio", "black", "blog", "blue", "boats", "bond",
    "boo", "book", "boston", "bot", "boutique", "box", "broker", "build", "builders", "business",
    "buzz", "cab", "cafe", "call", "cam", "camera", "camp", "capital", "car", "cards", "care",
    "career", "careers", "cars", "casa", "cash", "casino", "center", "cfd", "ceo", "chat", "cheap",
    "church", "city", "claims", "cleaning", "click", "clinic", "clothing", "cloud", "club", "codes",
    "coffee", "college", "community", "company", "computer", "condos", "construction", "consulting",
    "contact", "contractors", "cooking", "cool", "country", "coupons", "courses", "credit",
    "creditcard", "cricket", "cruises", "cyou", "cymru", "dance", "data", "date", "dating", "deal",
    "deals", "degree", "delivery", "democrat", "dental", "dentist", "design", "dev", "diamonds",
    "diet", "digital", "direct", "directory", "discount", "doctor", "dog", "domains", "download",
    "earth", "eco", "education", "email", "energy", "engineer", "engineering", "enterprises",
    "equipment", "estate", "events", "exchange", "expert", "exposed", "express", "fail", "faith",
    "family", "fan", "fans", "farm", "fashion", "fast", "feedback", "film", "finance", "financial",
    "fish", "fishing", "fit", "fitness", "flights", "florist", "flowers", "fly", "foo", "food",
    "football", "forex", "forsale", "forum", "foundation", "free", "fun", "fund", "furniture",
    "futbol", "fyi", "gallery", "game", "games", "garden", "gay", "gdn", "gift", "gifts", "gives",
    "glass", "gle", "global", "gmbh", "gold", "golf", "goog", "google", "graphics", "gratis",
    "green", "gripe", "group", "guide", "guitars", "guru", "hair", "health", "healthcare", "help",
    "hiphop", "hiv", "hockey", "holdings", "holiday", "homes", "horse", "hospital", "host",
    "hosting", "hot", "house", "how", "icu", "immo", "inc", "industries", "ink", "institute",
    "insure", "international", "investments", "irish", "jetzt", "jewelry", "kaufen", "kim",
    "kitchen", "kiwi", "kyoto", "land", "lat", "law", "lawyer", "lease", "legal", "lgbt", "life",
    "lighting", "limited", "limo", "link", "live", "llc", "loan", "loans", "lol", "london", "love",
    "ltd", "luxury", "maison", "makeup", "management", "market", "marketing", "markets", "mba",
    "media", "meet", "meme", "men", "menu", "microsoft", "miami", "moda", "moe", "mom", "money",
    "monster", "mortgage", "moscow", "motorcycles", "mov", "movie", "music", "nagoya", "navy",
    "network", "new", "news", "nexus", "ngo", "ninja", "nyc", "observer", "office", "okinawa",
    "one", "ong", "onl", "online", "osaka", "ovh", "page", "paris", "partners", "parts", "party",
    "pet", "phd", "photo", "photography", "photos", "pics", "pictures", "pink", "pizza", "place",
    "plumbing", "plus", "poker", "porn", "press", "prod", "productions", "prof", "promo",
    "properties", "property", "pub", "quebec", "quest", "racing", "radio", "realestate", "realty",
    "recipes", "red", "rehab", "reise", "reisen", "ren", "rent", "rentals", "repair", "report",
    "republican", "rest", "restaurant", "review", "reviews", "rich", "rip", "rocks", "rodeo",
    "rsvp", "rugby", "run", "sale", "salon", "sarl", "sbs", "school", "science", "security",
    "services", "sex", "sexy", "shiksha", "shoes", "shop", "shopping", "show", "singles", "site",
    "ski", "skin", "soccer", "social", "software", "solar", "solutions", "space", "spa", "sport",
    "store", "stream", "studio", "study", "style", "sucks", "supplies", "supply", "support", "surf",
    "surgery", "systems", "tattoo", "tax", "taxi", "team", "tech", "technology", "tennis",
    "theater", "tickets", "tienda", "tips", "tires", "today", "tokyo", "tools", "top", "tours",
    "town", "toys", "trade", "trading", "training", "tube", "university", "uno", "vacations",
    "vegas", "ventures", "vet", "viajes", "video", "villas", "vin", "vip", "vision", "vodka",
    "vote", "voting", "voto", "voyage", "wang", "watch", "webcam", "website", "wedding", "wien",
    "wiki", "win", "windows", "wine", "work", "works", "world", "wtf", "xin", "xyz", "yachts",
    "yoga", "yokohama", "zip", "zone",
};
// clang-format on

const std::vector<std::string_view>& sorted_tlds() {
  static const std::vector<std::string_view> sorted = [] {
    std::vector<std::string_view> v(std::begin(kTlds), std::end(kTlds));
    std::sort(v.begin(), v.end());
    return v;
  }();
  return sorted;
}

struct UrlBytes {
  bool table[256] = {};
  constexpr UrlBytes() {
    for (int c = '0'; c <= '9'; ++c)
      table[c] = true;
    for (int c = 'a'; c <= 'z'; ++c)
      table[c] = table[c - 'a' + 'A'] = true;
    for (const char c : std::string_view("-._~:/?#[]@!$&'()*+,;=%"))
      table[static_cast<unsigned char>(c)] = true;
  }
};
constexpr UrlBytes kUrlBytes;

// Whether text[b, e) is one of the schemes a URL token may start with.
bool is_token_scheme(std::string_view word) {
  static constexpr std::string_view kSchemes[] = {"http", "https", "hxxp", "hxxps", "ftp"};
  for (std::string_view s : kSchemes) {
    if (word.size() == s.size() && iequals_at(word, 0, s)) return true;
  }
  return false;
}

// ASCII space, tab or U+3000 at `at` (its lead byte tested first: this
// runs for every byte of a URL line).
bool space_at(std::string_view s, std::size_t at) {
  return s[at] == ' ' || s[at] == '\t' ||
         (s[at] == '\xE3' && s.compare(at, 3, "\xE3\x80\x80") == 0);
}

std::size_t url_end_in_prose(std::string_view text, std::size_t from) {
  // What ends a URL: Japanese text glued to it, full-width forms, spaces.
  static const icu::UnicodeSet& stop =
      prose::frozen_set(u"[[:scx=Hira:][:scx=Kana:][:scx=Hani:][\\uFF00-\\uFFEF][:Z:]]");
  std::size_t end = from;
  while (end < text.size()) {
    const auto b = static_cast<unsigned char>(text[end]);
    if (b < 0x80) {
      if (!is_url_byte(b)) break;
      ++end;
      continue;
    }
    std::size_t next = end;
    const UChar32 c = prose::decode(text, end, &next);
    if (c < 0 || stop.contains(c)) break;
    end = next;
  }
  return end;
}

std::size_t url_end_in_sentence(std::string_view s, std::size_t at) {
  std::size_t e = at;
  int parens = 0;
  while (e < s.size()) {
    const auto c = static_cast<unsigned char>(s[e]);
    if (c <= ' ' || c >= 0x80) break;
    if (c == '(') ++parens;
    if (c == ')' && --parens < 0) break;
    ++e;
  }
  while (e > at && (s[e - 1] == '.' || s[e - 1] == ','))
    --e;
  return e;
}

// An IPv6 address as an IOC value may carry brackets ("[2001:db8::1]") and
// a prefix length ("2001:db8::/32").
bool is_ipv6_value(std::string_view s) {
  if (s.size() >= 2 && s.front() == '[' && s.back() == ']') s = s.substr(1, s.size() - 2);
  if (const std::size_t slash = s.find('/'); slash != std::string_view::npos) {
    const std::string_view prefix = s.substr(slash + 1);
    if (prefix.empty() || prefix.size() > 3 ||
        !std::all_of(prefix.begin(), prefix.end(), is_digit)) {
      return false;
    }
    s = s.substr(0, slash);
  }
  const std::optional<IpAddress> ip = parse_ip(s);
  return ip && ip->family == IpFamily::V6;
}

bool is_ipv4_value(std::string_view s) {
  const std::optional<IpAddress> ip = parse_ip(s);
  return ip && ip->family == IpFamily::V4;
}

}  // namespace

// --- Defanging -------------------------------------------------------------

std::span<const DefangToken> defang_tokens() {
  return kDefangTokens;
}

void refang_into(std::string_view bytes, ByteRange range, Refanged& out) {
  out.text.clear();
  out.from.clear();
  out.dot_defanged.clear();
  out.defanged_dots = 0;
  auto push = [&](char c, Offset at, bool dot) {
    out.text.push_back(c);
    out.from.push_back(at);
    out.dot_defanged.push_back(dot);
  };
  const std::string_view s = bytes.substr(0, range.end);
  for (Offset i = range.begin; i < range.end;) {
    const DefangToken* t = may_start_token(s, i) ? token_at(s, i) : nullptr;
    if (t == nullptr) {
      push(bytes[i], i, false);
      ++i;
      continue;
    }
    // Each byte of the meaning maps to the token's byte at the same place,
    // the last one to the token's last byte.
    for (std::size_t k = 0; k < t->meaning.size(); ++k) {
      push(t->meaning[k], static_cast<Offset>(i + std::min(k, t->written.size() - 1)), t->dot);
    }
    if (t->dot) ++out.defanged_dots;
    i += static_cast<Offset>(t->written.size());
  }
}

bool is_defanged(std::string_view s) {
  // Every token starts with '[', '(' or '{', or is "hxx…" in some case:
  // look only where memchr finds those bytes (an 'x' one after the 'h'),
  // not at every byte of a long URL.
  if (s.empty()) return false;
  const char* const begin = s.data();
  const char* const end = begin + s.size();
  auto any_token = [&](char byte, std::size_t back) {
    for (const char* p = static_cast<const char*>(std::memchr(begin, byte, s.size())); p != nullptr;
         p = static_cast<const char*>(
             std::memchr(p + 1, byte, static_cast<std::size_t>(end - p - 1)))) {
      const auto at = static_cast<std::size_t>(p - begin);
      if (at >= back && token_at(s, at - back) != nullptr) return true;
    }
    return false;
  };
  return any_token('[', 0) || any_token('(', 0) || any_token('{', 0) || any_token('x', 1) ||
         any_token('X', 1);
}

bool is_live_dot(std::string_view s, std::size_t at) {
  if (at >= s.size() || s[at] != '.') return false;
  if (at == 0) return true;
  const DefangToken* t = token_at(s, at - 1);
  return t == nullptr || !t->dot || t->written.size() != 3;
}

std::string refang(std::string_view s) {
  // Most article URLs are live: nothing to undo, nothing to allocate for.
  if (!is_defanged(s)) return std::string(s);
  // refang_into's loop without its position map: the text alone, runs of
  // bytes that start no token copied whole.
  std::string out;
  out.reserve(s.size());
  std::size_t run = 0;
  for (std::size_t i = 0; i < s.size();) {
    const DefangToken* t = may_start_token(s, i) ? token_at(s, i) : nullptr;
    if (t == nullptr) {
      ++i;
      continue;
    }
    out.append(s, run, i - run);
    out.append(t->meaning);
    i += t->written.size();
    run = i;
  }
  out.append(s, run, s.size() - run);
  return out;
}

std::size_t find_live_scheme(std::string_view s) {
  // A plain loop: find_first_of("hH") calls memchr on the set for each byte.
  for (std::size_t at = 0; at < s.size(); ++at) {
    if ((s[at] == 'h' || s[at] == 'H') &&
        (iequals_at(s, at, "http://") || iequals_at(s, at, "https://"))) {
      return at;
    }
  }
  return std::string_view::npos;
}

bool starts_like_url(std::string_view s) {
  return iequals_at(s, 0, "http://") || iequals_at(s, 0, "https://") || iequals_at(s, 0, "hxxp");
}

// --- URL tokens in text ----------------------------------------------------

bool is_url_byte(unsigned char c) {
  return kUrlBytes.table[c];
}

std::size_t url_end(std::string_view text, std::size_t from, UrlEnd how) {
  switch (how) {
    case UrlEnd::AtSpace: {
      // The first ' ', '\t' or U+3000, by memchr (a URL line is long and
      // holds none or one): each search stops where the one before found.
      if (from >= text.size()) return from;
      const char* const begin = text.data() + from;
      std::size_t n = text.size() - from;
      for (const char byte : {' ', '\t'}) {
        if (const void* p = std::memchr(begin, byte, n))
          n = static_cast<std::size_t>(static_cast<const char*>(p) - begin);
      }
      for (const char* p = static_cast<const char*>(std::memchr(begin, '\xE3', n)); p != nullptr;
           p = static_cast<const char*>(
               std::memchr(p + 1, '\xE3', n - static_cast<std::size_t>(p + 1 - begin)))) {
        const auto at = static_cast<std::size_t>(p - text.data());
        if (space_at(text, at)) return at;
      }
      return from + n;
    }
    case UrlEnd::InProse:
      return url_end_in_prose(text, from);
    case UrlEnd::AsciiSentence:
      return url_end_in_sentence(text, from);
  }
  return from;
}

UrlToken find_url_token(std::string_view text, std::size_t from) {
  const char* data = text.data();
  while (from < text.size()) {
    const void* hit = std::memchr(data + from, ':', text.size() - from);
    if (hit == nullptr) break;
    const auto colon = static_cast<std::size_t>(static_cast<const char*>(hit) - data);
    from = colon + 1;
    // "scheme://", or defanged: "scheme[:]//", "scheme[://]".
    std::size_t scheme_end = colon;
    std::size_t rest = colon + 3;
    if (colon > 0 && data[colon - 1] == '[' &&
        (text.compare(colon, 4, ":]//") == 0 || text.compare(colon, 4, "://]") == 0)) {
      scheme_end = colon - 1;
      rest = colon + 4;
    } else if (text.compare(colon, 3, "://") != 0) {
      continue;
    }
    std::size_t begin = scheme_end;
    while (begin > 0 && is_alpha(data[begin - 1]))
      --begin;
    if (!is_token_scheme(text.substr(begin, scheme_end - begin))) continue;
    return UrlToken{begin, url_end_in_prose(text, rest)};
  }
  return UrlToken{};
}

// --- Host names and IOC values ---------------------------------------------

bool is_known_tld(std::string_view label) {
  if (label.size() < 2 || label.size() > 24) return false;
  char buf[24];
  for (std::size_t i = 0; i < label.size(); ++i)
    buf[i] = lower(label[i]);
  const auto& tlds = sorted_tlds();
  return std::binary_search(tlds.begin(), tlds.end(), std::string_view(buf, label.size()));
}

bool is_host_name(std::string_view s) {
  if (s.size() < 3 || s.size() > 253) return false;
  int labels = 0;
  std::string_view last;
  std::size_t start = 0;
  while (start <= s.size()) {
    std::size_t dot = s.find('.', start);
    if (dot == std::string_view::npos) dot = s.size();
    const std::string_view label = s.substr(start, dot - start);
    if (label.empty() || label.size() > 63) return false;
    const bool wildcard = labels == 0 && label == "*";
    for (char c : label) {
      // Letters, digits, '-', '_' and, for internationalised names
      // ("woocommėrce[.]com"), any non-ASCII byte.
      const bool ok = is_alpha(c) || is_digit(c) || c == '-' || c == '_' ||
                      static_cast<unsigned char>(c) >= 0x80;
      if (!wildcard && !ok) return false;
    }
    ++labels;
    last = label;
    start = dot + 1;
    if (dot == s.size()) break;
  }
  if (labels < 2) return false;
  if (last.substr(0, 4) == "xn--") return true;
  if (!std::all_of(last.begin(), last.end(), is_alpha)) return false;
  return is_known_tld(last);
}

ValueParts parse_value(std::string_view t) {
  // scheme://
  std::size_t p = 0;
  while (p < t.size() && (is_alpha(t[p]) || (p > 0 && (is_digit(t[p]) || t[p] == '+' ||
                                                       t[p] == '-' || t[p] == '.')))) {
    ++p;
  }
  if (p > 0 && t.compare(p, 3, "://") == 0) {
    std::size_t b = p + 3;
    std::size_t e = t.find_first_of("/?#\\", b);
    if (e == std::string_view::npos) e = t.size();
    if (const std::size_t at = t.find('@', b); at != std::string_view::npos && at < e) b = at + 1;
    std::size_t host_e = e;
    if (b < e && t[b] == '[') {
      host_e = std::min(e, t.find(']', b) == std::string_view::npos ? e : t.find(']', b) + 1);
    } else if (const std::size_t colon = t.find(':', b);
               colon != std::string_view::npos && colon < e) {
      host_e = colon;
    }
    return {ValueShape::Url, b, host_e};
  }
  std::size_t end0 = t.find_first_of("/?#\\");
  const bool has_path = end0 != std::string_view::npos;
  if (!has_path) end0 = t.size();
  const std::string_view hostport = t.substr(0, end0);
  if (const std::size_t at = hostport.rfind('@'); at != std::string_view::npos) {
    if (at > 0 && is_host_name(hostport.substr(at + 1))) return {ValueShape::Email, at + 1, end0};
    return {};
  }
  if (std::count(hostport.begin(), hostport.end(), ':') >= 2) {
    if (is_ipv6_value(t)) return {ValueShape::Ip6, 0, t.size()};
    if (is_ipv6_value(hostport)) return {has_path ? ValueShape::Url : ValueShape::Ip6, 0, end0};
    return {};
  }
  std::size_t host_e = hostport.find(':');
  if (host_e == std::string_view::npos) {
    host_e = end0;
  } else {
    const std::string_view port = hostport.substr(host_e + 1);
    if (port.empty() || port.size() > 5 || !std::all_of(port.begin(), port.end(), is_digit)) {
      return {};
    }
  }
  const std::string_view host = t.substr(0, host_e);
  if (is_ipv4_value(host)) return {has_path ? ValueShape::Url : ValueShape::Ip4, 0, host_e};
  if (is_host_name(host)) return {has_path ? ValueShape::Url : ValueShape::Host, 0, host_e};
  return {};
}

// --- IP addresses ----------------------------------------------------------

namespace {

// The rows as written in the registries. IPv4: IANA IPv4 Special-Purpose
// Address Registry; IPv6: IANA IPv6 Special-Purpose Address Registry (both
// set up by RFC 6890, rows added by the RFCs cited). Where the registry
// says "N/A" for "globally reachable" (Teredo, 6to4, the deprecated ORCHID
// block) the row is taken as not reachable, as its enclosing block is. The
// multicast rows come from the multicast address registries instead.
struct BlockText {
  std::string_view prefix;
  std::uint8_t length;
  IpClass ip_class;
  bool globally_reachable;
  std::string_view name;
  std::string_view reference;
};

// clang-format off
constexpr BlockText kBlocks[] = {
    // IPv4
    {"0.0.0.0", 8, IpClass::ThisNetwork, false, "this network", "RFC 791 section 3.2"},
    {"0.0.0.0", 32, IpClass::Unspecified, false, "this host on this network", "RFC 1122 section 3.2.1.3"},
    {"10.0.0.0", 8, IpClass::Private, false, "private-use", "RFC 1918"},
    {"100.64.0.0", 10, IpClass::Shared, false, "shared address space", "RFC 6598"},
    {"127.0.0.0", 8, IpClass::Loopback, false, "loopback", "RFC 1122 section 3.2.1.3"},
    {"169.254.0.0", 16, IpClass::LinkLocal, false, "link local", "RFC 3927"},
    {"172.16.0.0", 12, IpClass::Private, false, "private-use", "RFC 1918"},
    {"192.0.0.0", 24, IpClass::Protocol, false, "IETF protocol assignments", "RFC 6890 section 2.1"},
    {"192.0.0.0", 29, IpClass::Protocol, false, "IPv4 service continuity prefix", "RFC 7335"},
    {"192.0.0.8", 32, IpClass::Protocol, false, "IPv4 dummy address", "RFC 7600"},
    {"192.0.0.9", 32, IpClass::Protocol, true, "Port Control Protocol anycast", "RFC 7723"},
    {"192.0.0.10", 32, IpClass::Protocol, true, "TURN anycast", "RFC 8155"},
    {"192.0.0.170", 32, IpClass::Protocol, false, "NAT64/DNS64 discovery", "RFC 8880, RFC 7050 section 2.2"},
    {"192.0.0.171", 32, IpClass::Protocol, false, "NAT64/DNS64 discovery", "RFC 8880, RFC 7050 section 2.2"},
    {"192.0.2.0", 24, IpClass::Documentation, false, "documentation (TEST-NET-1)", "RFC 5737"},
    {"192.31.196.0", 24, IpClass::Protocol, true, "AS112-v4", "RFC 7535"},
    {"192.52.193.0", 24, IpClass::Protocol, true, "AMT", "RFC 7450"},
    {"192.168.0.0", 16, IpClass::Private, false, "private-use", "RFC 1918"},
    {"198.18.0.0", 15, IpClass::Benchmarking, false, "benchmarking", "RFC 2544"},
    {"198.51.100.0", 24, IpClass::Documentation, false, "documentation (TEST-NET-2)", "RFC 5737"},
    {"203.0.113.0", 24, IpClass::Documentation, false, "documentation (TEST-NET-3)", "RFC 5737"},
    {"224.0.0.0", 4, IpClass::Multicast, false, "multicast", "RFC 5771"},
    {"240.0.0.0", 4, IpClass::Reserved, false, "reserved", "RFC 1112 section 4"},
    {"255.255.255.255", 32, IpClass::Broadcast, false, "limited broadcast", "RFC 8190, RFC 919 section 7"},
    // IPv6
    {"::1", 128, IpClass::Loopback, false, "loopback address", "RFC 4291"},
    {"::", 128, IpClass::Unspecified, false, "unspecified address", "RFC 4291"},
    {"::ffff:0:0", 96, IpClass::Translation, false, "IPv4-mapped address", "RFC 4291"},
    {"64:ff9b::", 96, IpClass::Translation, true, "IPv4-IPv6 translation", "RFC 6052"},
    {"64:ff9b:1::", 48, IpClass::Translation, false, "IPv4-IPv6 translation", "RFC 8215"},
    {"100::", 64, IpClass::Discard, false, "discard-only address block", "RFC 6666"},
    {"2001::", 23, IpClass::Protocol, false, "IETF protocol assignments", "RFC 2928"},
    {"2001::", 32, IpClass::Translation, false, "Teredo", "RFC 4380, RFC 8190"},
    {"2001:1::1", 128, IpClass::Protocol, true, "Port Control Protocol anycast", "RFC 7723"},
    {"2001:1::2", 128, IpClass::Protocol, true, "TURN anycast", "RFC 8155"},
    {"2001:2::", 48, IpClass::Benchmarking, false, "benchmarking", "RFC 5180"},
    {"2001:3::", 32, IpClass::Protocol, true, "AMT", "RFC 7450"},
    {"2001:4:112::", 48, IpClass::Protocol, true, "AS112-v6", "RFC 7535"},
    {"2001:10::", 28, IpClass::Protocol, false, "deprecated (previously ORCHID)", "RFC 4843"},
    {"2001:20::", 28, IpClass::Protocol, true, "ORCHIDv2", "RFC 7343"},
    {"2001:30::", 28, IpClass::Protocol, true, "drone remote ID entity tags", "RFC 9374"},
    {"2001:db8::", 32, IpClass::Documentation, false, "documentation", "RFC 3849"},
    {"2002::", 16, IpClass::Translation, false, "6to4", "RFC 3056"},
    {"2620:4f:8000::", 48, IpClass::Protocol, true, "direct delegation AS112 service", "RFC 7534"},
    {"3fff::", 20, IpClass::Documentation, false, "documentation", "RFC 9637"},
    {"5f00::", 16, IpClass::SegmentRouting, false, "segment routing (SRv6) SIDs", "RFC 9602"},
    {"fc00::", 7, IpClass::Private, false, "unique-local", "RFC 4193, RFC 8190"},
    {"fe80::", 10, IpClass::LinkLocal, false, "link-local unicast", "RFC 4291"},
    {"ff00::", 8, IpClass::Multicast, false, "multicast", "RFC 4291 section 2.7"},
};
// clang-format on

const std::vector<IpBlock>& blocks() {
  static const std::vector<IpBlock> parsed = [] {
    std::vector<IpBlock> v;
    for (const BlockText& b : kBlocks) {
      const std::optional<IpAddress> ip = parse_ip(b.prefix);
      // The table is constant: a row that does not parse is a typo.
      if (!ip) throw std::logic_error("special-purpose address table: bad prefix");
      v.push_back(IpBlock{ip->family, ip->bytes, b.length, b.ip_class, b.globally_reachable, b.name,
                          b.reference});
    }
    return v;
  }();
  return parsed;
}

bool in_block(const IpAddress& a, const IpBlock& b) {
  if (a.family != b.family) return false;
  const std::size_t whole = b.length / 8;
  if (std::memcmp(a.bytes.data(), b.prefix.data(), whole) != 0) return false;
  const unsigned rest = b.length % 8;
  if (rest == 0) return true;
  const auto mask = static_cast<std::uint8_t>(0xFF00u >> rest);
  return (a.bytes[whole] & mask) == (b.prefix[whole] & mask);
}

}  // namespace

std::optional<IpAddress> IpAddress::ipv4_mapped() const {
  static constexpr std::uint8_t kMapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF};
  if (family != IpFamily::V6 || std::memcmp(bytes.data(), kMapped, 12) != 0) return std::nullopt;
  IpAddress v4;
  std::copy_n(bytes.begin() + 12, 4, v4.bytes.begin());
  return v4;
}

std::string IpAddress::to_string() const {
  char text[INET6_ADDRSTRLEN];
  if (inet_ntop(family == IpFamily::V4 ? AF_INET : AF_INET6, bytes.data(), text, sizeof text) ==
      nullptr) {
    return {};
  }
  return text;
}

std::optional<IpAddress> parse_ip(std::string_view text) {
  // inet_pton wants a NUL-terminated string; no address is longer than an
  // IPv6 one with an embedded IPv4 address (45 bytes).
  char buf[INET6_ADDRSTRLEN];
  if (text.empty() || text.size() >= sizeof buf) return std::nullopt;
  std::memcpy(buf, text.data(), text.size());
  buf[text.size()] = '\0';
  IpAddress ip;
  ip.family = text.find(':') == std::string_view::npos ? IpFamily::V4 : IpFamily::V6;
  if (inet_pton(ip.family == IpFamily::V4 ? AF_INET : AF_INET6, buf, ip.bytes.data()) != 1) {
    return std::nullopt;
  }
  return ip;
}

std::string_view to_string(IpClass c) {
  static constexpr std::string_view kNames[] = {
      "global",     "unspecified",   "this-network", "private",         "shared",    "loopback",
      "link-local", "documentation", "benchmarking", "multicast",       "broadcast", "reserved",
      "protocol",   "translation",   "discard",      "segment-routing",
  };
  static_assert(std::size(kNames) == static_cast<std::size_t>(IpClass::SegmentRouting) + 1);
  return kNames[static_cast<std::size_t>(c)];
}

std::span<const IpBlock> special_purpose_blocks() {
  return blocks();
}

const IpBlock* special_purpose_block(const IpAddress& address) {
  if (const std::optional<IpAddress> v4 = address.ipv4_mapped()) {
    return special_purpose_block(*v4);
  }
  const IpBlock* best = nullptr;
  for (const IpBlock& b : blocks()) {
    if (in_block(address, b) && (best == nullptr || b.length > best->length)) best = &b;
  }
  return best;
}

IpClass classify_ip(const IpAddress& address) {
  const IpBlock* b = special_purpose_block(address);
  return b == nullptr ? IpClass::Global : b->ip_class;
}

bool is_global_ip(const IpAddress& address) {
  const IpBlock* b = special_purpose_block(address);
  return b == nullptr || b->globally_reachable;
}

}  // namespace digestlint
