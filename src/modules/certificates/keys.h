#pragma once
// The certificates' signing key, kept as a seed in the settings (migration 0018) so that every
// instance signs with the same key, and its public half as a JWK set for the well-known address.
#include "core/signing.h"
#include "db/database.h"
#include "nlohmann/json.hpp"

namespace mdsc::certificates {

signing::KeyPair signing_key(db::Conn& c);
// {"keys": [the public key as a JWK]}
nlohmann::json key_set(db::Conn& c);

}  // namespace mdsc::certificates
