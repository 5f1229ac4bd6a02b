#pragma once
// Passwords (argon2id), random tokens and keyed hashes, all from libsodium.
#include <string>
#include <string_view>

namespace mdsc::crypto {

// Must be called once before any other function here (idempotent, thread-safe).
void init();

// argon2id, libsodium's interactive limits; the result embeds salt and parameters.
std::string hash_password(std::string_view password);
bool verify_password(std::string_view password, std::string_view stored_hash);
// How many passwords this process has checked: what login throttling must bound (tests, metrics).
unsigned long long password_checks();
// True when the stored hash was made with weaker parameters than today's (rehash on login).
bool password_needs_rehash(std::string_view stored_hash);

// URL-safe random token with `bytes` bytes of entropy (base64url, no padding).
std::string random_token(std::size_t bytes = 32);
// Hex of a 32-byte BLAKE2b hash: how session ids, API tokens and reset tokens are stored.
std::string token_hash(std::string_view token);
// Hex of a keyed BLAKE2b MAC (key of any length; CSRF tokens).
std::string mac_hex(std::string_view key, std::string_view message);
// HMAC-SHA-256 of the message under the key (any length), as 32 raw bytes.
std::string hmac_sha256(std::string_view key, std::string_view message);
// Constant-time comparison.
bool equal(std::string_view a, std::string_view b);

}  // namespace mdsc::crypto
