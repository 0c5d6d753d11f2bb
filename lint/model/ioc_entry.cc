// The IOC entry grammar: "value,分類,familiarity,context,scope", split on
// ASCII commas and anchored on the closed familiarity enumeration (field
// 3), so that commas inside a context ("約28,900回") or a value (a
// User-Agent) do not shift the fields. Hand-written shape scanners for
// IPv4, IPv6, host names and URLs: no regular expressions.
#include <algorithm>
#include <array>
#include <cstring>
#include <vector>

#include "digestlint/text.h"
#include "model/articles.h"

namespace digestlint {

namespace {

char lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

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
bool is_hex(char c) {
  return is_digit(c) || (lower(c) >= 'a' && lower(c) <= 'f');
}

// Spaces, tabs and U+3000 around a field.
ByteRange trim(std::string_view bytes, ByteRange r) {
  auto ideographic_at = [&](Offset at) {
    return at + 3 <= r.end && bytes.compare(at, 3, "\xE3\x80\x80") == 0;
  };
  while (r.begin < r.end) {
    if (bytes[r.begin] == ' ' || bytes[r.begin] == '\t') {
      ++r.begin;
    } else if (ideographic_at(r.begin)) {
      r.begin += 3;
    } else {
      break;
    }
  }
  while (r.end > r.begin) {
    if (bytes[r.end - 1] == ' ' || bytes[r.end - 1] == '\t') {
      --r.end;
    } else if (r.end >= r.begin + 3 && bytes.compare(r.end - 3, 3, "\xE3\x80\x80") == 0) {
      r.end -= 3;
    } else {
      break;
    }
  }
  return r;
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

// A refanged copy of a value, each byte mapped back to the offset it came
// from; `dot_defanged` marks the '.' that came from a "[.]"-like token.
struct Refanged {
  std::string text;
  std::vector<Offset> from;
  std::vector<bool> dot_defanged;
  std::uint16_t defanged_dots = 0;

  void push(char c, Offset at, bool defanged = false) {
    text.push_back(c);
    from.push_back(at);
    dot_defanged.push_back(defanged);
  }
};

struct Token {
  std::string_view written;  // lower case
  std::string_view meaning;
  bool dot;
};

constexpr Token kDefangTokens[] = {
    {"[://]", "://", false}, {"[.]", ".", true},        {"(.)", ".", true},
    {"{.}", ".", true},      {"[dot]", ".", true},      {"(dot)", ".", true},
    {"[:]", ":", false},     {"[@]", "@", false},       {"[at]", "@", false},
    {"(at)", "@", false},    {"hxxps", "https", false}, {"hxxp", "http", false},
};

void refang_into(std::string_view bytes, ByteRange r, Refanged& out) {
  out.text.clear();
  out.from.clear();
  out.dot_defanged.clear();
  out.defanged_dots = 0;
  for (Offset i = r.begin; i < r.end;) {
    // Every token starts with one of these; most bytes are not.
    const char c = bytes[i];
    if (c != '[' && c != '(' && c != '{' && c != 'h' && c != 'H') {
      out.push(c, i);
      ++i;
      continue;
    }
    const std::string_view rest = bytes.substr(i, r.end - i);
    bool matched = false;
    for (const Token& t : kDefangTokens) {
      if (!iequals_at(rest, 0, t.written)) continue;
      for (std::size_t k = 0; k < t.meaning.size(); ++k) {
        out.push(t.meaning[k], static_cast<Offset>(i + std::min(k, t.written.size() - 1)), t.dot);
      }
      if (t.dot) ++out.defanged_dots;
      i += static_cast<Offset>(t.written.size());
      matched = true;
      break;
    }
    if (!matched) {
      out.push(bytes[i], i);
      ++i;
    }
  }
}

bool is_ipv4(std::string_view s) {
  int parts = 0;
  std::size_t i = 0;
  while (true) {
    std::size_t digits = 0;
    int value = 0;
    while (i < s.size() && is_digit(s[i]) && digits < 4) {
      value = value * 10 + (s[i] - '0');
      ++i;
      ++digits;
    }
    if (digits == 0 || digits > 3 || value > 255) return false;
    ++parts;
    if (i == s.size()) return parts == 4;
    if (s[i] != '.' || parts == 4) return false;
    ++i;
  }
}

bool is_ipv6(std::string_view s) {
  if (!s.empty() && s.front() == '[' && s.back() == ']') s = s.substr(1, s.size() - 2);
  if (const std::size_t slash = s.find('/'); slash != std::string_view::npos) {
    const std::string_view prefix = s.substr(slash + 1);
    if (prefix.empty() || prefix.size() > 3 ||
        !std::all_of(prefix.begin(), prefix.end(), is_digit)) {
      return false;
    }
    s = s.substr(0, slash);
  }
  int colons = 0;
  int group = 0;
  for (char c : s) {
    if (c == ':') {
      ++colons;
      group = 0;
    } else if (is_hex(c)) {
      if (++group > 4) return false;
    } else if (c != '.') {  // an embedded IPv4 ("::ffff:1.2.3.4")
      return false;
    }
  }
  const std::size_t first = s.find("::");
  if (first != std::string_view::npos && s.find("::", first + 1) != std::string_view::npos) {
    return false;
  }
  return colons >= 2 && colons <= 7;
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

// The value's shape and its host part, as [begin, end) in the refanged text.
ValueShape classify(std::string_view t, std::size_t& host_begin, std::size_t& host_end) {
  host_begin = host_end = 0;
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
    host_begin = b;
    host_end = host_e;
    return ValueShape::Url;
  }
  std::size_t end0 = t.find_first_of("/?#\\");
  const bool has_path = end0 != std::string_view::npos;
  if (!has_path) end0 = t.size();
  const std::string_view hostport = t.substr(0, end0);
  if (const std::size_t at = hostport.rfind('@'); at != std::string_view::npos) {
    const std::string_view host = hostport.substr(at + 1);
    if (at > 0 && is_host_name(host)) {
      host_begin = at + 1;
      host_end = end0;
      return ValueShape::Email;
    }
    return ValueShape::Other;
  }
  if (std::count(hostport.begin(), hostport.end(), ':') >= 2) {
    if (is_ipv6(t)) {
      host_begin = 0;
      host_end = t.size();
      return ValueShape::Ip6;
    }
    if (is_ipv6(hostport)) {
      host_begin = 0;
      host_end = end0;
      return has_path ? ValueShape::Url : ValueShape::Ip6;
    }
    return ValueShape::Other;
  }
  std::size_t host_e = hostport.find(':');
  if (host_e == std::string_view::npos) {
    host_e = end0;
  } else {
    const std::string_view port = hostport.substr(host_e + 1);
    if (port.empty() || port.size() > 5 || !std::all_of(port.begin(), port.end(), is_digit)) {
      return ValueShape::Other;
    }
  }
  const std::string_view host = t.substr(0, host_e);
  host_begin = 0;
  host_end = host_e;
  if (is_ipv4(host)) return has_path ? ValueShape::Url : ValueShape::Ip4;
  if (is_host_name(host)) return has_path ? ValueShape::Url : ValueShape::Host;
  host_begin = host_end = 0;
  return ValueShape::Other;
}

void analyse_value(std::string_view bytes, ByteRange value, IocEntry& e) {
  // Quotes around a value ("\"blackjob[.]biz\"") are not part of it.
  while (value.size() >= 2 && (bytes[value.begin] == '"' || bytes[value.begin] == '\'') &&
         bytes[value.end - 1] == bytes[value.begin]) {
    ++value.begin;
    --value.end;
  }
  const std::string_view v = bytes.substr(value.begin, value.size());
  if (const std::size_t at = find_live_scheme(v); at != std::string_view::npos) {
    e.live_scheme = {static_cast<Offset>(value.begin + at),
                     static_cast<Offset>(value.begin + at + 4)};
  }
  thread_local Refanged r;
  refang_into(bytes, value, r);
  e.defanged_dots = r.defanged_dots;
  std::size_t hb = 0;
  std::size_t he = 0;
  e.shape = classify(r.text, hb, he);
  if (he > hb) {
    e.host = {r.from[hb], static_cast<Offset>(r.from[he - 1] + 1)};
    // A defang token ending the host ("example[.]com[.]") maps its last
    // byte to the token's start; extend to the token's end.
    if (r.dot_defanged[he - 1]) {
      Offset end = r.from[he - 1];
      while (end < value.end && bytes[end] != ']' && bytes[end] != ')' && bytes[end] != '}')
        ++end;
      e.host.end = std::min<Offset>(value.end, end + 1);
    }
    std::uint16_t live = 0;
    for (std::size_t i = hb; i < he; ++i) {
      if (r.text[i] == '.' && !r.dot_defanged[i]) ++live;
    }
    e.live_dots = live;
  }
}

template <typename Spec>
FieldMatch match_values(std::string_view field, const std::vector<Spec>& values,
                        const std::vector<std::string>* accepted, bool annotations, int& index) {
  index = -1;
  if (field.empty()) return FieldMatch::Empty;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (values[i].name == field) {
      index = static_cast<int>(i);
      return FieldMatch::Exact;
    }
  }
  if (accepted != nullptr) {
    for (const std::string& a : *accepted) {
      if (a == field) return FieldMatch::Accepted;
    }
  }
  for (std::size_t i = 0; i < values.size(); ++i) {
    for (const std::string& a : values[i].aliases) {
      if (a == field) {
        index = static_cast<int>(i);
        return FieldMatch::Alias;
      }
    }
  }
  if (annotations) {
    // "グローバル(AS番号)": a value with a note in parentheses.
    auto annotated = [&](std::string_view name) {
      if (field.size() <= name.size() || field.compare(0, name.size(), name) != 0) return false;
      const std::string_view rest = field.substr(name.size());
      const bool open = rest.front() == '(' || rest.compare(0, 3, "（") == 0;
      const bool close =
          rest.back() == ')' || (rest.size() >= 3 && rest.compare(rest.size() - 3, 3, "）") == 0);
      return open && close;
    };
    for (std::size_t i = 0; i < values.size(); ++i) {
      bool hit = annotated(values[i].name);
      for (const std::string& a : values[i].aliases)
        hit = hit || annotated(a);
      if (hit) {
        index = static_cast<int>(i);
        return FieldMatch::Annotated;
      }
    }
  }
  if (field.size() > 64) return FieldMatch::Other;  // never a loosely written enum value
  const std::string folded = fold_for_match(field);
  for (std::size_t i = 0; i < values.size(); ++i) {
    const std::vector<std::string>& names = values[i].folded_names();
    if (std::find(names.begin(), names.end(), folded) != names.end()) {
      index = static_cast<int>(i);
      return FieldMatch::Loose;
    }
  }
  return FieldMatch::Other;
}

bool is_enum_hit(FieldMatch m) {
  return m == FieldMatch::Exact || m == FieldMatch::Accepted || m == FieldMatch::Alias ||
         m == FieldMatch::Loose || m == FieldMatch::Annotated;
}

// The end of a URL starting at `at`: ASCII, no space, and no closing
// bracket it did not open.
std::size_t url_end(std::string_view s, std::size_t at) {
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

thread_local std::vector<ByteRange> t_raw;

void split_fields(std::string_view bytes, ByteRange text, std::vector<ByteRange>& raw) {
  raw.clear();
  Offset start = text.begin;
  for (Offset i = text.begin; i < text.end; ++i) {
    if (bytes[i] == ',') {
      raw.push_back({start, i});
      start = i + 1;
    }
  }
  raw.push_back({start, text.end});
}

}  // namespace

bool is_known_tld(std::string_view label) {
  if (label.size() < 2 || label.size() > 24) return false;
  char buf[24];
  for (std::size_t i = 0; i < label.size(); ++i)
    buf[i] = lower(label[i]);
  const auto& tlds = sorted_tlds();
  return std::binary_search(tlds.begin(), tlds.end(), std::string_view(buf, label.size()));
}

bool value_fits_shape(IocShape want, ValueShape got) {
  switch (want) {
    case IocShape::Ip:
      return got == ValueShape::Ip4 || got == ValueShape::Ip6;
    case IocShape::Url:
      return got == ValueShape::Url;
    case IocShape::Host:
      return got == ValueShape::Host;
    case IocShape::Any:
      return true;
  }
  return true;
}

std::string refang(std::string_view s) {
  // Most article URLs are live: nothing to undo, nothing to allocate for.
  // (A loop, not find_first_of: that calls memchr once per byte.)
  bool tokens = false;
  for (std::size_t i = 0; !tokens && i < s.size(); ++i) {
    const char c = s[i];
    tokens = c == '[' || c == '(' || c == '{' ||
             ((c == 'x' || c == 'X') && i + 2 < s.size() && (s[i + 1] == 'x' || s[i + 1] == 'X'));
  }
  if (!tokens) return std::string(s);
  Refanged r;
  refang_into(s, {0, static_cast<Offset>(s.size())}, r);
  return r.text;
}

std::size_t find_live_scheme(std::string_view s) {
  for (std::size_t at = s.find_first_of("hH"); at != std::string_view::npos;
       at = s.find_first_of("hH", at + 1)) {
    if (iequals_at(s, at, "http://") || iequals_at(s, at, "https://")) return at;
  }
  return std::string_view::npos;
}

FieldMatch match_ioc_value(std::string_view field, const std::vector<IocValueSpec>& values,
                           const std::vector<std::string>* accepted, int& index) {
  return match_values(field, values, accepted, true, index);
}

void parse_ioc_entry(std::string_view bytes, ByteRange text, const IocSpec& spec, IocEntry& e) {
  e.text = text;
  e.fields.fill(ByteRange{text.end, text.end});
  e.match.fill(FieldMatch::Missing);
  std::vector<ByteRange>& raw = t_raw;
  split_fields(bytes, text, raw);
  const auto n = static_cast<int>(raw.size());
  e.raw_fields = static_cast<std::uint16_t>(std::min(n, 0xFFFF));
  std::vector<ByteRange> t(raw.size());
  for (int i = 0; i < n; ++i)
    t[i] = trim(bytes, raw[i]);
  auto sv = [&](ByteRange r) { return bytes.substr(r.begin, r.size()); };
  auto joined = [&](int from, int to) {  // fields [from, to], inclusive
    return trim(bytes, ByteRange{raw[from].begin, raw[to].end});
  };

  // The familiarity field: the first of fields 3..n that is one of its values.
  int k = -1;
  int index = -1;
  for (int i = 2; i < n && k < 0; ++i) {
    if (is_enum_hit(
            match_values(sv(t[i]), spec.familiarity, &spec.familiarity_accepted, true, index))) {
      k = i;
    }
  }
  if (k >= 2) {
    e.anchored = true;
    e.kind = IocKind::Entry;
    e.fields[0] = joined(0, k - 2);
    e.fields[1] = t[k - 1];
    e.fields[2] = t[k];
    bool has_context = false;
    bool has_scope = false;
    if (n - 1 >= k + 2) {
      e.fields[3] = joined(k + 1, n - 2);
      e.fields[4] = t[n - 1];
      has_context = has_scope = true;
    } else if (n - 1 == k + 1) {
      // One field after the familiarity: the scope if it is one (the
      // context is missing), else the context (the scope is missing).
      int scope = -1;
      if (is_enum_hit(match_values(sv(t[n - 1]), spec.scopes, nullptr, true, scope))) {
        e.fields[3] = ByteRange{raw[n - 1].begin, raw[n - 1].begin};
        e.fields[4] = t[n - 1];
        has_scope = true;
      } else {
        e.fields[3] = t[n - 1];
        has_context = true;
      }
    }
    e.match[0] = e.fields[0].empty() ? FieldMatch::Empty : FieldMatch::Exact;
    e.match[2] = match_values(sv(e.fields[2]), spec.familiarity, &spec.familiarity_accepted, true,
                              e.familiarity);
    if (has_context) e.match[3] = e.fields[3].empty() ? FieldMatch::Empty : FieldMatch::Exact;
    if (has_scope) e.match[4] = match_values(sv(e.fields[4]), spec.scopes, nullptr, true, e.scope);
  } else if (n == 5) {
    e.kind = IocKind::Entry;
    for (int f = 0; f < 5; ++f)
      e.fields[f] = t[f];
    e.match[0] = e.fields[0].empty() ? FieldMatch::Empty : FieldMatch::Exact;
    e.match[2] = match_values(sv(e.fields[2]), spec.familiarity, &spec.familiarity_accepted, true,
                              e.familiarity);
    e.match[3] = e.fields[3].empty() ? FieldMatch::Empty : FieldMatch::Exact;
    e.match[4] = match_values(sv(e.fields[4]), spec.scopes, nullptr, true, e.scope);
  } else {
    e.fields[0] = n == 1 ? text : t[0];
    e.match[0] = e.fields[0].empty() ? FieldMatch::Empty : FieldMatch::Exact;
    e.kind = n == 1 ? IocKind::NotCsv : IocKind::Entry;
    // A pointer to where the IOCs are ("IOC情報はこちら: https://…"):
    // some text, then a live URL.
    const std::string_view s = sv(text);
    const std::size_t at = find_live_scheme(s);
    if (at != std::string_view::npos && at > 0) {
      e.kind = IocKind::SourceLink;
      e.link = {static_cast<Offset>(text.begin + at),
                static_cast<Offset>(text.begin + url_end(s, at))};
      return;
    }
  }
  if (e.kind == IocKind::Entry && (e.anchored || n == 5)) {
    e.match[1] = match_values(sv(e.fields[1]), spec.categories, nullptr, false, e.category);
  }
  analyse_value(bytes, e.fields[0], e);
}

bool looks_like_ioc_entry(std::string_view bytes, ByteRange text, const IocSpec& spec) {
  const std::string_view s = bytes.substr(text.begin, text.size());
  if (std::count(s.begin(), s.end(), ',') < 3) return false;
  IocEntry e;
  parse_ioc_entry(bytes, text, spec, e);
  if (e.anchored) return true;
  return e.match[4] == FieldMatch::Exact || e.match[4] == FieldMatch::Alias;
}

}  // namespace digestlint
