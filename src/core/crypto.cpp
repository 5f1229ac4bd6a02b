#include "core/crypto.h"

#include <atomic>

#include <sodium.h>

#include <mutex>
#include <stdexcept>

namespace mdsc::crypto {
namespace {

const unsigned char* bytes(std::string_view s) {
  return reinterpret_cast<const unsigned char*>(s.data());
}

std::string to_hex(const unsigned char* data, std::size_t n) {
  std::string out(n * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), data, n);
  out.pop_back();  // sodium writes a terminating NUL
  return out;
}

}  // namespace

void init() {
  static std::once_flag once;
  std::call_once(once, [] {
    // sodium_init() returns 1 when already initialised (e.g. by resources.cpp's hashing).
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
  });
}

std::string hash_password(std::string_view password) {
  init();
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(),
                            crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE,
                            crypto_pwhash_ALG_ARGON2ID13) != 0)
    throw std::runtime_error("password hashing ran out of memory");
  return out;
}

namespace {
std::atomic<unsigned long long> g_password_checks{0};
}  // namespace

unsigned long long password_checks() { return g_password_checks.load(); }

bool verify_password(std::string_view password, std::string_view stored_hash) {
  init();
  g_password_checks.fetch_add(1);
  // crypto_pwhash_str_verify wants a NUL-terminated string that fits in STRBYTES.
  if (stored_hash.empty() || stored_hash.size() >= crypto_pwhash_STRBYTES) return false;
  std::string hash(stored_hash);
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

bool password_needs_rehash(std::string_view stored_hash) {
  init();
  if (stored_hash.empty() || stored_hash.size() >= crypto_pwhash_STRBYTES) return true;
  std::string hash(stored_hash);
  // 1: weaker parameters; -1: not an argon2id hash at all (e.g. argon2i): rehash both.
  return crypto_pwhash_str_needs_rehash(hash.c_str(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0;
}

std::string random_token(std::size_t n) {
  init();
  std::string raw(n, '\0');
  randombytes_buf(raw.data(), n);
  const int variant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
  std::string out(sodium_base64_ENCODED_LEN(n, variant), '\0');
  sodium_bin2base64(out.data(), out.size(), bytes(raw), n, variant);
  out.resize(out.find('\0'));
  sodium_memzero(raw.data(), raw.size());
  return out;
}

std::string token_hash(std::string_view token) {
  init();
  unsigned char h[32];
  crypto_generichash(h, sizeof h, bytes(token), token.size(), nullptr, 0);
  return to_hex(h, sizeof h);
}

std::string hmac_sha256(std::string_view key, std::string_view message) {
  init();
  crypto_auth_hmacsha256_state st;
  crypto_auth_hmacsha256_init(&st, bytes(key), key.size());
  crypto_auth_hmacsha256_update(&st, bytes(message), message.size());
  unsigned char out[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_final(&st, out);
  return std::string(reinterpret_cast<const char*>(out), sizeof out);
}

std::string mac_hex(std::string_view key, std::string_view message) {
  init();
  // BLAKE2b takes keys of 16..64 bytes; other lengths are first hashed to 32 bytes (as HMAC
  // does with long keys), which keeps every key's entropy up to 256 bits.
  unsigned char derived[crypto_generichash_KEYBYTES];
  const unsigned char* k = bytes(key);
  std::size_t klen = key.size();
  if (klen < crypto_generichash_KEYBYTES_MIN || klen > crypto_generichash_KEYBYTES_MAX) {
    crypto_generichash(derived, sizeof derived, k, klen, nullptr, 0);
    k = derived;
    klen = sizeof derived;
  }
  unsigned char h[32];
  crypto_generichash(h, sizeof h, bytes(message), message.size(), k, klen);
  sodium_memzero(derived, sizeof derived);
  return to_hex(h, sizeof h);
}

bool equal(std::string_view a, std::string_view b) {
  // Lengths are not secret here (tokens and MACs have fixed lengths); contents are.
  if (a.size() != b.size()) return false;
  if (a.empty()) return true;
  init();
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace mdsc::crypto
