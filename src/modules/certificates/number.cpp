#include "modules/certificates/number.h"

#include <sodium.h>

#include "core/crypto.h"

namespace mdsc::certificates {
namespace {

constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
constexpr std::string_view kPrefix = "MDSC-";

}  // namespace

std::string new_number(std::int64_t fiscal_year) {
  crypto::init();
  std::string out = std::string(kPrefix) + std::to_string(fiscal_year);
  for (int group = 0; group < 3; ++group) {
    out += '-';
    for (int i = 0; i < 4; ++i) out += kAlphabet[randombytes_uniform(static_cast<std::uint32_t>(kAlphabet.size()))];
  }
  return out;
}

bool well_formed_number(std::string_view t) {
  // MDSC-YYYY-XXXX-XXXX-XXXX
  if (t.size() != kPrefix.size() + 4 + 15 || t.substr(0, kPrefix.size()) != kPrefix) return false;
  t.remove_prefix(kPrefix.size());
  for (int i = 0; i < 4; ++i)
    if (t[i] < '0' || t[i] > '9') return false;
  for (std::size_t i = 4; i < t.size(); ++i) {
    const bool dash = (i - 4) % 5 == 0;
    if (dash ? t[i] != '-' : kAlphabet.find(t[i]) == std::string_view::npos) return false;
  }
  return true;
}

}  // namespace mdsc::certificates
