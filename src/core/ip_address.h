#pragma once
// IP addresses and CIDR ranges, for the trusted-proxy list and per-room network ranges.
// IPv4-mapped IPv6 addresses (::ffff:192.0.2.1) are the IPv4 address they map.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mdsc::net {

struct Address {
  std::array<std::uint8_t, 16> bytes{};  // IPv4 in the first 4
  bool v4 = true;
  std::string to_string() const;
  bool operator==(const Address&) const = default;
};

std::optional<Address> parse_address(std::string_view text);

struct Cidr {
  Address base;
  int prefix = 0;  // bits
  bool contains(const Address& a) const;
};

// "10.0.0.0/8", "2001:db8::/32", or a single address (a /32 or /128).
std::optional<Cidr> parse_cidr(std::string_view text);

// A comma- or space-separated list; nullopt naming nothing if any entry is bad (see bad_entry).
struct CidrList {
  std::vector<Cidr> ranges;
  bool contains(const Address& a) const;
  bool contains(std::string_view address) const;
  bool empty() const { return ranges.empty(); }
};
// Returns the list, or the first entry that is not a range in `bad_entry`.
std::optional<CidrList> parse_cidr_list(std::string_view text, std::string* bad_entry = nullptr);

}  // namespace mdsc::net
