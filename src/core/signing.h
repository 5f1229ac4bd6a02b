#pragma once
// Ed25519 signatures (libsodium) over canonical JSON, for documents anyone must be able to check
// offline with the published public key: the completion certificates (issue 11). Keys and
// signatures travel as base64url without padding, as JWK ("x") and VC-JWT use them.
#include <optional>
#include <string>
#include <string_view>

#include "nlohmann/json.hpp"

namespace mdsc::signing {

struct KeyPair {
  std::string public_key;  // 32 bytes, base64url
  std::string secret_key;  // 64 bytes (seed and public key), base64url: never logged or shown
};

KeyPair generate();
// The key pair of a 32-byte seed (as raw bytes): a key kept as its seed is the same key on every
// instance. Throws std::invalid_argument for a seed of another length.
KeyPair from_seed(std::string_view seed);
// The public key of a secret key (nullopt: not a secret key).
std::optional<std::string> public_key_of(std::string_view secret_key);

// The canonical form that is signed: an object's members sorted by name at every depth, no
// insignificant whitespace, UTF-8 as is. Numbers must be integers (a float is refused with
// std::invalid_argument: its text is not canonical).
std::string canonical(const nlohmann::json& j);

// The detached signature (64 bytes, base64url) of the message; throws on a malformed key.
std::string sign(std::string_view message, std::string_view secret_key);
// Whether `signature` is the key's signature of exactly these bytes; false for anything malformed.
bool verify(std::string_view message, std::string_view signature, std::string_view public_key);

// The RFC 7638 thumbprint of an Ed25519 public key's JWK (base64url of SHA-256): its key id.
std::string jwk_thumbprint(std::string_view public_key);
// The public key as a JWK (kty OKP, crv Ed25519, alg EdDSA, use sig, kid its thumbprint).
nlohmann::json jwk(std::string_view public_key);

std::string base64url(std::string_view bytes);
std::optional<std::string> from_base64url(std::string_view text);

}  // namespace mdsc::signing
