// The certificates module's face (modules/certificates.h).
#include "core/signing.h"
#include "modules/certificates.h"

namespace mdsc::certificates {
namespace {

std::string text_of(const nlohmann::json& j, const char* name) {
  return j.contains(name) && j[name].is_string() ? j[name].get<std::string>() : "";
}

// The public key of the key set with this key id, or "".
std::string key_of(const nlohmann::json& key_set, const std::string& key_id) {
  if (!key_set.is_object() || !key_set.contains("keys") || !key_set["keys"].is_array()) return "";
  for (const auto& k : key_set["keys"]) {
    const std::string x = k.is_object() ? text_of(k, "x") : "";
    if (!x.empty() && signing::jwk_thumbprint(x) == key_id) return x;
  }
  return "";
}

}  // namespace

FileCheck check_file(std::string_view text, const nlohmann::json* key_set) {
  FileCheck out;
  const auto j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object() || !j.contains("certificate") || !j["certificate"].is_object()) {
    out.problem = "not a certificate file (JSON with a \"certificate\" object)";
    return out;
  }
  const auto& cert = j["certificate"];
  out.number = text_of(cert, "number");
  out.name = text_of(cert, "name");
  out.issued_on = text_of(cert, "issued_on");
  out.key_id = text_of(j, "key_id");
  const std::string signature = text_of(j, "signature");
  if (signature.empty() || out.key_id.empty() || out.number.empty()) {
    out.problem = "the file lacks its number, signature or key id";
    return out;
  }
  std::string public_key = text_of(j, "public_key");
  if (key_set) {
    public_key = key_of(*key_set, out.key_id);
    if (public_key.empty()) {
      out.outcome = FileCheck::Outcome::invalid;
      out.problem = "the key " + out.key_id + " is not in the key set";
      return out;
    }
  } else if (public_key.empty() || signing::jwk_thumbprint(public_key) != out.key_id) {
    out.outcome = FileCheck::Outcome::invalid;
    out.problem = "the file's public key is not the key " + out.key_id;
    return out;
  }
  std::string canonical;
  try {
    canonical = signing::canonical(cert);
  } catch (const std::exception&) {
    out.problem = "the certificate has no canonical form (a fraction, or text that is not UTF-8)";
    return out;
  }
  if (!signing::verify(canonical, signature, public_key)) {
    out.outcome = FileCheck::Outcome::invalid;
    out.problem = "the signature does not match the certificate: it was changed or not signed by this key";
    return out;
  }
  out.outcome = FileCheck::Outcome::valid;
  return out;
}

}  // namespace mdsc::certificates
