#include "core/signing.h"

#include <sodium.h>

#include <stdexcept>

#include "core/crypto.h"

namespace mdsc::signing {
namespace {

const unsigned char* bytes(std::string_view s) { return reinterpret_cast<const unsigned char*>(s.data()); }

void check_integers(const nlohmann::json& j) {
  if (j.is_number_float()) throw std::invalid_argument("canonical JSON takes integers only");
  if (j.is_structured())
    for (const auto& v : j) check_integers(v);
}

}  // namespace

std::string base64url(std::string_view in) {
  const int variant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
  std::string out(sodium_base64_encoded_len(in.size(), variant), '\0');
  sodium_bin2base64(out.data(), out.size(), bytes(in), in.size(), variant);
  out.resize(out.find('\0'));
  return out;
}

std::optional<std::string> from_base64url(std::string_view text) {
  std::string out(text.size(), '\0');
  std::size_t len = 0;
  const char* end = nullptr;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(), text.size(), nullptr,
                        &len, &end, sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 ||
      end != text.data() + text.size())
    return std::nullopt;
  out.resize(len);
  return out;
}

KeyPair generate() {
  crypto::init();
  unsigned char pk[crypto_sign_PUBLICKEYBYTES], sk[crypto_sign_SECRETKEYBYTES];
  crypto_sign_keypair(pk, sk);
  KeyPair k{base64url({reinterpret_cast<char*>(pk), sizeof pk}), base64url({reinterpret_cast<char*>(sk), sizeof sk})};
  sodium_memzero(sk, sizeof sk);
  return k;
}

KeyPair from_seed(std::string_view seed) {
  crypto::init();
  if (seed.size() != crypto_sign_SEEDBYTES) throw std::invalid_argument("an Ed25519 seed has 32 bytes");
  unsigned char pk[crypto_sign_PUBLICKEYBYTES], sk[crypto_sign_SECRETKEYBYTES];
  crypto_sign_seed_keypair(pk, sk, bytes(seed));
  KeyPair k{base64url({reinterpret_cast<char*>(pk), sizeof pk}), base64url({reinterpret_cast<char*>(sk), sizeof sk})};
  sodium_memzero(sk, sizeof sk);
  return k;
}

std::string jwk_thumbprint(std::string_view public_key) {
  crypto::init();
  // RFC 7638: the required members only, sorted, no whitespace.
  const std::string members = R"({"crv":"Ed25519","kty":"OKP","x":")" + std::string(public_key) + "\"}";
  unsigned char h[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(h, bytes(members), members.size());
  return base64url({reinterpret_cast<char*>(h), sizeof h});
}

nlohmann::json jwk(std::string_view public_key) {
  return {{"kty", "OKP"},   {"crv", "Ed25519"}, {"x", std::string(public_key)}, {"kid", jwk_thumbprint(public_key)},
          {"alg", "EdDSA"}, {"use", "sig"}};
}

std::optional<std::string> public_key_of(std::string_view secret_key) {
  const auto sk = from_base64url(secret_key);
  if (!sk || sk->size() != crypto_sign_SECRETKEYBYTES) return std::nullopt;
  unsigned char pk[crypto_sign_PUBLICKEYBYTES];
  crypto_sign_ed25519_sk_to_pk(pk, bytes(*sk));
  return base64url({reinterpret_cast<char*>(pk), sizeof pk});
}

std::string canonical(const nlohmann::json& j) {
  check_integers(j);
  // nlohmann::json keeps an object's members in a std::map: dump() writes them sorted by their
  // UTF-8 bytes, compact, without escaping non-ASCII.
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::strict);
}

std::string sign(std::string_view message, std::string_view secret_key) {
  crypto::init();
  const auto sk = from_base64url(secret_key);
  if (!sk || sk->size() != crypto_sign_SECRETKEYBYTES) throw std::invalid_argument("not an Ed25519 secret key");
  unsigned char sig[crypto_sign_BYTES];
  crypto_sign_detached(sig, nullptr, bytes(message), message.size(), bytes(*sk));
  return base64url({reinterpret_cast<char*>(sig), sizeof sig});
}

bool verify(std::string_view message, std::string_view signature, std::string_view public_key) {
  crypto::init();
  const auto sig = from_base64url(signature);
  const auto pk = from_base64url(public_key);
  if (!sig || sig->size() != crypto_sign_BYTES || !pk || pk->size() != crypto_sign_PUBLICKEYBYTES) return false;
  return crypto_sign_verify_detached(bytes(*sig), bytes(message), message.size(), bytes(*pk)) == 0;
}

}  // namespace mdsc::signing
