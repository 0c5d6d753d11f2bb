// A probe for tests/cli/test_ip_oracle.py: reads one address a line on
// stdin and prints, tab-separated, what digestlint/url.h makes of it: the
// family and the address bytes in hex (or "invalid"), the class, whether it
// is globally reachable, and the row's prefix. "--blocks" prints the table.
#include <iostream>
#include <string>

#include "digestlint/url.h"

using namespace digestlint;

namespace {

std::string hex(const IpAddress& ip) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  for (std::size_t i = 0; i < ip.size(); ++i) {
    out += kDigits[ip.bytes[i] >> 4];
    out += kDigits[ip.bytes[i] & 15];
  }
  return out;
}

std::string prefix_of(const IpBlock& b) {
  return IpAddress{b.family, b.prefix}.to_string() + "/" + std::to_string(b.length);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 2 && std::string(argv[1]) == "--blocks") {
    for (const IpBlock& b : special_purpose_blocks()) {
      std::cout << prefix_of(b) << '\t' << to_string(b.ip_class) << '\t'
                << (b.globally_reachable ? 1 : 0) << '\t' << b.reference << '\n';
    }
    return 0;
  }
  if (argc != 1) {
    std::cerr << "usage: " << argv[0] << " [--blocks] < addresses\n";
    return 2;
  }
  std::string line;
  while (std::getline(std::cin, line)) {
    const std::optional<IpAddress> ip = parse_ip(line);
    if (!ip) {
      std::cout << "invalid\n";
      continue;
    }
    const IpBlock* b = special_purpose_block(*ip);
    std::cout << (ip->family == IpFamily::V4 ? 4 : 6) << '\t' << hex(*ip) << '\t'
              << to_string(classify_ip(*ip)) << '\t' << (is_global_ip(*ip) ? 1 : 0) << '\t'
              << (b == nullptr ? "-" : prefix_of(*b)) << '\n';
  }
  return 0;
}
