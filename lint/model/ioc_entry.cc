// The IOC entry grammar: "value,分類,familiarity,context,scope", split on
// ASCII commas and anchored on the closed familiarity enumeration (field
// 3), so that commas inside a context ("約28,900回") or a value (a
// User-Agent) do not shift the fields. What a value looks like (refanged,
// its shape and host) is digestlint/url.h's.
#include <algorithm>
#include <array>
#include <cstring>
#include <vector>

#include "digestlint/text.h"
#include "digestlint/url.h"
#include "model/articles.h"

namespace digestlint {

namespace {

// Spaces, tabs and U+3000 around a field.
ByteRange trim(std::string_view bytes, ByteRange r) {
  auto ideographic_at = [&](Offset at) {
    // (The lead byte first: most fields start and end in ASCII.)
    return at + 3 <= r.end && bytes[at] == '\xE3' && bytes.compare(at, 3, "\xE3\x80\x80") == 0;
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
    } else if (r.end >= r.begin + 3 && bytes[r.end - 3] == '\xE3' &&
               bytes.compare(r.end - 3, 3, "\xE3\x80\x80") == 0) {
      r.end -= 3;
    } else {
      break;
    }
  }
  return r;
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
  const ValueParts parts = parse_value(r.text);
  e.shape = parts.shape;
  const std::size_t hb = parts.host_begin;
  const std::size_t he = parts.host_end;
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
                static_cast<Offset>(text.begin + url_end(s, at, UrlEnd::AsciiSentence))};
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
