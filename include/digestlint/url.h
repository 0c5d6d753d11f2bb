// URLs, defanging and IP addresses: the one place that knows how a URL is
// written in a digest (live, or defanged as "hxxps://evil[.]example"),
// where a URL token ends, what a host name, an IOC value and an IP address
// look like, and what an address is for (documentation, private, loopback,
// ... from the IANA special-purpose registries). Used by the digest model,
// the prose index and the rules; nothing here depends on a schema.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "digestlint/diagnostic.h"
#include "digestlint/digest.h"

namespace digestlint {

// --- Defanging -------------------------------------------------------------

// One defanging token: how it is written (matched in any case) and what it
// stands for. `dot` marks the tokens that stand for '.' ("[.]", "[dot]").
struct DefangToken {
  std::string_view written;  // lower case
  std::string_view meaning;
  bool dot = false;
};

// Every token digestlint undoes, longest first where one is a prefix of
// another: hxxps hxxp -> https http; [.] (.) {.} [dot] (dot) -> .; [:] ->
// :; [://] -> ://; [@] [at] (at) -> @.
std::span<const DefangToken> defang_tokens();

// A refanged copy of a range of text, each byte mapped back to where it
// came from, so that a position in the refanged text is a position in the
// document.
struct Refanged {
  std::string text;
  std::vector<Offset> from;  // per byte of `text`: the offset of the byte or token it came from
  std::vector<bool> dot_defanged;  // per byte of `text`: a '.' that was a "[.]"-like token
  std::uint16_t defanged_dots = 0;
};

// Refangs bytes[range] into `out` (cleared first; reuse it to avoid
// allocating).
void refang_into(std::string_view bytes, ByteRange range, Refanged& out);

// `s` with every defanging token undone.
std::string refang(std::string_view s);

// Whether `s` holds a defanging token (refang(s) != s), without allocating.
bool is_defanged(std::string_view s);

// A live "http://" or "https://" in `s` (case-insensitive): the offset of
// its "http", or npos.
std::size_t find_live_scheme(std::string_view s);

// Whether `s` starts like a URL, live or defanged: "http://", "https://"
// or "hxxp" (any case).
bool starts_like_url(std::string_view s);

// --- URL tokens in text ----------------------------------------------------

// Where a URL ends depends on what surrounds it; each caller says which of
// these it means.
enum class UrlEnd : std::uint8_t {
  // At the first ASCII space, tab or U+3000: everything else stays in,
  // IRIs and damage alike. An article's URL line, where the rule that
  // checks it wants to see the damage.
  AtSpace,
  // At the first ASCII byte that cannot be in a URL (RFC 3986 characters
  // and '%'), or the first Japanese character, full-width form or space:
  // `https://localhost/にアクセス` ends before に, `…/BlackLotus）` before ）.
  // Other non-ASCII characters stay in (`over‑46` with U+2011 is a damaged
  // URL, not prose). URLs inside prose.
  InProse,
  // At the first space, control or non-ASCII byte, or a ')' it did not
  // open; a trailing '.' or ',' is left out: the URL a sentence points to
  // ("IOC情報はこちら (https://…/iocs.csv)。").
  AsciiSentence,
};

// Where a URL starting at `from` in `text` ends, by `how`.
std::size_t url_end(std::string_view text, std::size_t from, UrlEnd how);

// A URL-like token inside text: a scheme (http, https, hxxp, hxxps, ftp,
// any case) then "://", written live or defanged ("[:]//", "[://]"),
// then URL characters up to url_end(InProse). Returns the first token in
// [from, text.size()) as [begin, end), or begin == npos.
struct UrlToken {
  std::size_t begin = std::string_view::npos;
  std::size_t end = std::string_view::npos;
};
UrlToken find_url_token(std::string_view text, std::size_t from);

// Whether a byte may appear in a URL (RFC 3986 characters and '%').
bool is_url_byte(unsigned char c);

// --- Host names and IOC values ---------------------------------------------

// Whether `label` (ASCII, any case) is a top-level domain or a special-use
// name ("onion", "example"). Tells host names from package IDs and file names.
bool is_known_tld(std::string_view label);

// Whether `s` is a host name: two or more labels of letters, digits, '-',
// '_' or non-ASCII bytes (an optional leading "*" label), ending in a known
// TLD or an "xn--" label.
bool is_host_name(std::string_view s);

// The shape of a (refanged) IOC value and its host part as [host_begin,
// host_end) in it: an IP address, a host name, a URL (a scheme, or a host
// and a path), an e-mail address, or something else (host empty).
struct ValueParts {
  ValueShape shape = ValueShape::Other;
  std::size_t host_begin = 0;
  std::size_t host_end = 0;
};
ValueParts parse_value(std::string_view refanged);

// --- IP addresses ----------------------------------------------------------

enum class IpFamily : std::uint8_t { V4, V6 };

struct IpAddress {
  IpFamily family = IpFamily::V4;
  std::array<std::uint8_t, 16> bytes{};  // network order; IPv4 uses the first 4

  std::size_t size() const { return family == IpFamily::V4 ? 4 : 16; }
  // The IPv4 address inside an IPv4-mapped IPv6 address (::ffff:a.b.c.d).
  std::optional<IpAddress> ipv4_mapped() const;
  // The canonical text (inet_ntop: RFC 5952 for IPv6).
  std::string to_string() const;
  bool operator==(const IpAddress&) const = default;
};

// An address written as text: dotted-quad IPv4 ("192.0.2.1", no leading
// zeros) or IPv6 ("2001:db8::1", "::ffff:192.0.2.1"), nothing around it (no
// brackets, port, prefix length or zone), parsed by inet_pton.
std::optional<IpAddress> parse_ip(std::string_view text);

// What an address is for, from the most specific row of the IANA IPv4 and
// IPv6 Special-Purpose Address Registries (RFC 6890 and the RFCs that
// added rows) or the multicast ranges.
enum class IpClass : std::uint8_t {
  Global,          // in no special-purpose block: ordinary public unicast
  Unspecified,     // 0.0.0.0/32, ::/128
  ThisNetwork,     // 0.0.0.0/8: "this network", valid only as a source
  Private,         // RFC 1918 private-use, RFC 4193 unique-local
  Shared,          // 100.64.0.0/10: carrier-grade NAT (RFC 6598)
  Loopback,        // 127.0.0.0/8, ::1
  LinkLocal,       // 169.254.0.0/16, fe80::/10
  Documentation,   // TEST-NET-1/2/3, 2001:db8::/32, 3fff::/20
  Benchmarking,    // 198.18.0.0/15, 2001:2::/48
  Multicast,       // 224.0.0.0/4, ff00::/8
  Broadcast,       // 255.255.255.255
  Reserved,        // 240.0.0.0/4: reserved for future use
  Protocol,        // IETF protocol assignments (192.0.0.0/24, 2001::/23, anycast, AS112, AMT, ...)
  Translation,     // IPv4/IPv6 translation and tunnels (64:ff9b::/96, ::ffff:0:0/96, 6to4, Teredo)
  Discard,         // 100::/64: discard-only
  SegmentRouting,  // 5f00::/16: SRv6 SIDs
};

// The name of a class, for messages: "documentation", "private", ...
std::string_view to_string(IpClass c);

// One row: a block, its class, whether the registry calls it globally
// reachable, its name and the RFC that defines it.
struct IpBlock {
  IpFamily family;
  std::array<std::uint8_t, 16> prefix;
  std::uint8_t length;  // prefix length in bits
  IpClass ip_class;
  bool globally_reachable;
  std::string_view name;
  std::string_view reference;  // "RFC 5737"
};

// Every row, IPv4 then IPv6 (for tests and documentation).
std::span<const IpBlock> special_purpose_blocks();

// The most specific row holding `address`, or nullptr (an ordinary global
// unicast address). An IPv4-mapped IPv6 address is looked up by its IPv4
// address: ::ffff:10.0.0.1 is private.
const IpBlock* special_purpose_block(const IpAddress& address);

// The class of `address` (Global when no row holds it).
IpClass classify_ip(const IpAddress& address);

// Whether `address` is reachable on the public Internet: in no row, or in
// a row the registry calls globally reachable (192.0.0.9, 2001:4:112::/48).
// Multicast is not: an IOC is a host, and a multicast group is none.
bool is_global_ip(const IpAddress& address);

}  // namespace digestlint
