#include "modules/certificates/keys.h"

#include <stdexcept>

#include "core/hex.h"

namespace mdsc::certificates {

signing::KeyPair signing_key(db::Conn& c) {
  auto r = c.query_one("SELECT value FROM settings WHERE key = 'certificate_signing_seed'");
  if (!r) throw std::runtime_error("the certificate_signing_seed setting is missing (migration 0018)");
  const std::string hex = r->str("value");
  std::string seed;
  for (std::size_t i = 0; i + 1 < hex.size() && seed.size() < 32; i += 2) {
    const int hi = hex_value(hex[i]), lo = hex_value(hex[i + 1]);
    if (hi < 0 || lo < 0) throw std::runtime_error("the certificate_signing_seed setting is not hexadecimal");
    seed.push_back(static_cast<char>(hi * 16 + lo));
  }
  return signing::from_seed(seed);
}

nlohmann::json key_set(db::Conn& c) {
  return {{"keys", nlohmann::json::array({signing::jwk(signing_key(c).public_key)})}};
}

}  // namespace mdsc::certificates
