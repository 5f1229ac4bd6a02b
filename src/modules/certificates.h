#pragma once
// The certificates module's face (decision 0018): issuing a certificate (what the completion's
// sign-off triggers) and checking a certificate file offline, for the CLI (`mdsc certificate verify
// --file cert.json`).
#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.h"
#include "nlohmann/json.hpp"
#include "platform/work.h"

namespace mdsc::certificates {

// Issues the certificate of a confirmed completion that the society has signed off: a new
// number, the trainee's names as they are now, today's date (Asia/Tokyo), the payload signed with
// the consortium's key; audited. Not found: no such completion. Conflict: not signed off yet
// (certificates.not_signed_off), or a valid certificate exists (certificates.already_issued).
Result<std::int64_t> issue(Work& w, std::int64_t completion_id);

struct FileCheck {
  enum class Outcome { valid, invalid, malformed } outcome = Outcome::malformed;
  std::string number, name, issued_on, key_id;
  std::string problem;  // why not valid, one line in English
};

// Checks a certificate file: the signature over the canonical form of its "certificate" object.
// With a key set (a JWK set as published at /.well-known/jwks.json), the file's key must be one of
// it; without one, the file's own public key is used and only the file's integrity is proved.
FileCheck check_file(std::string_view text, const nlohmann::json* key_set);

}  // namespace mdsc::certificates
