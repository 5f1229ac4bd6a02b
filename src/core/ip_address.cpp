#include "core/ip_address.h"

#include <arpa/inet.h>

#include <charconv>
#include <cstring>

#include "core/blanks.h"

namespace mdsc::net {

std::string Address::to_string() const {
  char buf[INET6_ADDRSTRLEN] = {};
  inet_ntop(v4 ? AF_INET : AF_INET6, bytes.data(), buf, sizeof buf);
  return buf;
}

std::optional<Address> parse_address(std::string_view text) {
  text = trim_blanks(text);
  // "[2001:db8::1]" as some proxies write IPv6.
  if (text.size() > 2 && text.front() == '[' && text.back() == ']') text = text.substr(1, text.size() - 2);
  if (text.empty() || text.size() >= INET6_ADDRSTRLEN) return std::nullopt;
  std::string s(text);
  Address a;
  if (inet_pton(AF_INET, s.c_str(), a.bytes.data()) == 1) return a;
  if (inet_pton(AF_INET6, s.c_str(), a.bytes.data()) != 1) return std::nullopt;
  static constexpr std::uint8_t kMapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
  if (std::memcmp(a.bytes.data(), kMapped, 12) == 0) {
    std::memmove(a.bytes.data(), a.bytes.data() + 12, 4);
    std::memset(a.bytes.data() + 4, 0, 12);
    return a;
  }
  a.v4 = false;
  return a;
}

bool Cidr::contains(const Address& a) const {
  if (a.v4 != base.v4) return false;
  int full = prefix / 8, rest = prefix % 8;
  if (std::memcmp(a.bytes.data(), base.bytes.data(), static_cast<std::size_t>(full)) != 0) return false;
  if (rest == 0) return true;
  auto mask = static_cast<std::uint8_t>(0xff << (8 - rest));
  return (a.bytes[static_cast<std::size_t>(full)] & mask) == (base.bytes[static_cast<std::size_t>(full)] & mask);
}

std::optional<Cidr> parse_cidr(std::string_view text) {
  text = trim_blanks(text);
  auto slash = text.find('/');
  auto addr = parse_address(text.substr(0, slash));
  if (!addr) return std::nullopt;
  const int max = addr->v4 ? 32 : 128;
  int prefix = max;
  if (slash != std::string_view::npos) {
    auto p = text.substr(slash + 1);
    auto [end, ec] = std::from_chars(p.data(), p.data() + p.size(), prefix);
    if (p.empty() || ec != std::errc() || end != p.data() + p.size() || prefix < 0 || prefix > max)
      return std::nullopt;
  }
  return Cidr{*addr, prefix};
}

bool CidrList::contains(const Address& a) const {
  for (const auto& r : ranges)
    if (r.contains(a)) return true;
  return false;
}

bool CidrList::contains(std::string_view address) const {
  auto a = parse_address(address);
  return a && contains(*a);
}

std::optional<CidrList> parse_cidr_list(std::string_view text, std::string* bad_entry) {
  CidrList out;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t j = text.find_first_of(", ", i);
    if (j == std::string_view::npos) j = text.size();
    auto entry = trim_blanks(text.substr(i, j - i));
    if (!entry.empty()) {
      auto r = parse_cidr(entry);
      if (!r) {
        if (bad_entry) *bad_entry = std::string(entry);
        return std::nullopt;
      }
      out.ranges.push_back(*r);
    }
    i = j + 1;
  }
  return out;
}

}  // namespace mdsc::net
