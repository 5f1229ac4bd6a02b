#pragma once
// What a certificate says and how it is signed, without the database: the signed payload, the
// certificate file that anyone can check offline (`mdsc certificate verify --file`), and the same
// certificate as an Open Badges 3.0 credential signed as a VC-JWT.
#include <string>

#include "core/signing.h"
#include "modules/certificates/model.h"
#include "nlohmann/json.hpp"

namespace mdsc::certificates {

// <base_url>/verify/<number>: the public verification page, printed on the PDF and its QR code.
std::string verify_url(const std::string& base_url, const std::string& number);

// The object that is signed (as signing::canonical of it): number, the trainee's names, the
// programme, the year, the date of issue, the issuer and co-issuer, the verification address.
nlohmann::json payload_of(const Certificate& c, const std::string& base_url);

// The certificate file: {"certificate": payload, "signature", "key_id", "public_key", "alg"}.
nlohmann::json file_of(const Certificate& c, const std::string& public_key);

// The Open Badges 3.0 OpenBadgeCredential of the certificate as a compact JWS (EdDSA).
std::string badge_jwt(const Certificate& c, const std::string& base_url, const signing::KeyPair& key);

}  // namespace mdsc::certificates
