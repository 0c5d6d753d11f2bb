#!/usr/bin/python3
"""IP parsing and classification (include/digestlint/url.h) against
Python's ipaddress module as the oracle, over a few thousand addresses:
the boundaries of every row of digestlint's special-purpose table and of
the oracle's own networks, random addresses, IPv4-mapped ones, other
spellings, and malformed text.

    /usr/bin/python3 tests/cli/test_ip_oracle.py BUILD/digestlint_ip_probe

The probe prints, per input line, the family, the bytes, the class, whether
the address is globally reachable, and the row (tests/ip_probe.cc).

Where the two differ by design (each listed below, with why):
- an IPv4-mapped address is classified by its IPv4 address, so the oracle
  is asked about `ipv4_mapped` (Python 3.11 does so for is_private and
  is_global only, 3.13 for every property);
- multicast is not globally reachable for digestlint (an IOC names a host;
  the special-purpose registries do not cover multicast and ipaddress calls
  it global);
- rows the IANA registries gained after the oracle's list was written
  (3fff::/20 documentation, RFC 9637; 5f00::/16 SRv6, RFC 9602) may be
  global for the oracle;
- a zone index ("fe80::1%eth0") is no address for an IOC: digestlint
  rejects it, ipaddress accepts it.
"""

import ipaddress
import random
import subprocess
import sys
import unittest

PROBE = None
NEWER_THAN_ORACLE = {"3fff::/20", "5f00::/16"}


def probe(lines):
    out = subprocess.run([PROBE], input="".join(line + "\n" for line in lines),
                         capture_output=True, text=True, check=True).stdout
    rows = out.splitlines()
    assert len(rows) == len(lines), (len(rows), len(lines))
    return rows


def blocks():
    out = subprocess.run([PROBE, "--blocks"], capture_output=True, text=True,
                         check=True).stdout
    return [line.split("\t") for line in out.splitlines()]


def oracle_networks():
    """The oracle's own networks (internal lists, read if present)."""
    nets = []
    for cls in (ipaddress.IPv4Address, ipaddress.IPv6Address):
        consts = getattr(cls, "_constants", None)
        for name in dir(consts):
            value = getattr(consts, name)
            for v in value if isinstance(value, list) else [value]:
                if isinstance(v, (ipaddress.IPv4Network, ipaddress.IPv6Network)):
                    nets.append(v)
    return nets


def around(net, rng):
    """First, last, just outside, and a few random addresses of a network."""
    first = int(net.network_address)
    last = int(net.broadcast_address)
    top = 2 ** net.max_prefixlen - 1
    picks = {first, last, max(first - 1, 0), min(last + 1, top)}
    picks.update(rng.randint(first, last) for _ in range(4))
    make = ipaddress.IPv4Address if net.version == 4 else ipaddress.IPv6Address
    return [make(p) for p in sorted(picks)]


def sample_addresses():
    rng = random.Random(20251206)
    nets = [ipaddress.ip_network(b[0]) for b in blocks()] + oracle_networks()
    addrs = []
    for net in nets:
        addrs += around(net, rng)
    addrs += [ipaddress.IPv4Address(rng.getrandbits(32)) for _ in range(3000)]
    addrs += [ipaddress.IPv6Address(rng.getrandbits(128)) for _ in range(1500)]
    # Mostly in the global unicast 2000::/3, where the registry rows are.
    addrs += [ipaddress.IPv6Address((1 << 125) | rng.getrandbits(125)) for _ in range(1500)]
    addrs += [ipaddress.IPv6Address((0x2001 << 112) | rng.getrandbits(112 - rng.randint(0, 40)))
              for _ in range(1500)]
    v4 = [a for a in addrs if a.version == 4]
    addrs += [ipaddress.IPv6Address("::ffff:" + str(a)) for a in rng.sample(v4, 800)]
    return addrs


def spellings(addrs, rng):
    """Each address as Python writes it, and some IPv6 ones exploded or in upper case."""
    texts = [str(a) for a in addrs]
    for a in rng.sample([a for a in addrs if a.version == 6], 600):
        texts.append(a.exploded)
        texts.append(str(a).upper())
    return texts


MALFORMED = [
    "", " ", "1.2.3", "1.2.3.4.5", "01.2.3.4", "1.2.3.04", "256.1.1.1", "1.2.3.-1", " 1.2.3.4",
    "1.2.3.4 ", "1.2.3.4:80", "1.2.3.4/24", "0x1.2.3.4", "1..2.3", "1.2.3.", ".1.2.3",
    "1:2:3", ":::", "1::2::3", "g::1", "[::1]", "::1/128", "12345::", "1:2:3:4:5:6:7:8:9",
    "1::2:3:4:5:6:7:8", "::ffff:1.2.3.256", "::ffff:1.2.3", "1:2:3:4:5:6:7:1.2.3.4",
    "::1.2.3.4.5", "2001:db8::1 ", "2001:db8:::1", "203[.]0[.]113[.]7", "2001[:]db8::1",
    "localhost", "example.com", "１.２.３.４", "1.2.3.4\u3000",
]
ZONED = ["fe80::1%eth0", "fe80::1%1", "ff02::1%lo"]


class IpOracle(unittest.TestCase):
    def test_table_rows_are_networks(self):
        rows = blocks()
        self.assertGreater(len(rows), 40)
        for prefix, cls, reachable, reference in rows:
            with self.subTest(prefix=prefix):
                ipaddress.ip_network(prefix, strict=True)  # no host bits set
                self.assertIn(reachable, ("0", "1"))
                self.assertTrue(reference.startswith("RFC "))

    def test_parsing_agrees(self):
        rng = random.Random(7)
        valid = spellings(sample_addresses(), rng)
        texts = valid + MALFORMED
        for text, row in zip(texts, probe(texts)):
            with self.subTest(text=text):
                try:
                    expected = ipaddress.ip_address(text)
                except ValueError:
                    expected = None
                if expected is None:
                    self.assertEqual(row, "invalid")
                    continue
                family, packed = row.split("\t")[:2]
                self.assertEqual(int(family), expected.version)
                self.assertEqual(packed, expected.packed.hex())
        for text, row in zip(ZONED, probe(ZONED)):
            self.assertEqual(row, "invalid", text)

    def test_classification_agrees(self):
        addrs = sample_addresses()
        self.assertGreater(len(addrs), 8000)
        seen = set()
        for addr, row in zip(addrs, probe([str(a) for a in addrs])):
            family, packed, cls, reachable, block = row.split("\t")
            seen.add(cls)
            q = addr.ipv4_mapped if addr.version == 6 and addr.ipv4_mapped else addr
            with self.subTest(address=str(addr), row=row):
                self.assertEqual(packed, addr.packed.hex())
                self.assertEqual(cls == "loopback", q.is_loopback)
                self.assertEqual(cls == "link-local", q.is_link_local)
                self.assertEqual(cls == "multicast", q.is_multicast)
                self.assertEqual(cls == "unspecified", q.is_unspecified)
                if q.version == 4:
                    self.assertEqual(cls in ("reserved", "broadcast"), q.is_reserved)
                if block in NEWER_THAN_ORACLE:
                    self.assertEqual(reachable, "0")
                    continue
                if cls == "multicast":
                    self.assertEqual(reachable, "0")
                    self.assertFalse(q.is_private)
                    continue
                self.assertEqual(reachable == "1", q.is_global)
                self.assertEqual(reachable == "0" and cls != "shared", q.is_private)
        # The sample reaches every class the table has.
        self.assertTrue({b[1] for b in blocks()} | {"global"} <= seen,
                        {b[1] for b in blocks()} - seen)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: test_ip_oracle.py BUILD/digestlint_ip_probe")
    PROBE = sys.argv.pop(1)
    unittest.main(verbosity=1)
