#include "modules/certificates/document.h"

namespace mdsc::certificates {
namespace {

nlohmann::json bilingual(const Bilingual& b) { return {{"ja", b.ja}, {"en", b.en}}; }

std::string title_of(const Certificate& c) { return std::string(kProgram.en) + " FY" + std::to_string(c.fiscal_year); }

}  // namespace

std::string verify_url(const std::string& base_url, const std::string& number) {
  return base_url + "/verify/" + number;
}

nlohmann::json payload_of(const Certificate& c, const std::string& base_url) {
  return {{"type", "mdsc-completion-certificate"},
          {"version", 1},
          {"number", c.number},
          {"name", c.name},
          {"name_en", c.name_en},
          {"program", bilingual(kProgram)},
          {"fiscal_year", c.fiscal_year},
          {"issued_on", c.issued_on},
          {"issuer", bilingual(kIssuer)},
          {"co_issuer", bilingual(kSociety)},
          {"verify_url", verify_url(base_url, c.number)}};
}

nlohmann::json file_of(const Certificate& c, const std::string& public_key) {
  return {{"certificate", nlohmann::json::parse(c.payload)},
          {"alg", "Ed25519"},
          {"signature", c.signature},
          {"key_id", c.key_id},
          {"public_key", public_key}};
}

// Open Badges 3.0, section 8.2 (JSON Web Token proof): the credential in the "vc" claim, with
// iss, jti and nbf repeating its issuer, id and date of issue.
std::string badge_jwt(const Certificate& c, const std::string& base_url, const signing::KeyPair& key) {
  const std::string id = verify_url(base_url, c.number);
  const std::string issued = entity::detail::iso(c.issued_at);
  nlohmann::json achievement{
      {"id", base_url + "/achievements/completion/" + std::to_string(c.fiscal_year)},
      {"type", {"Achievement"}},
      {"achievementType", "Certificate"},
      {"name", title_of(c)},
      {"description", std::string(kProgram.ja) + " 修了認定 (" + kIssuer.ja + "・" + kSociety.ja + ")"},
      {"criteria",
       {{"narrative", "Completed the common courses and a specialised track of the " + std::string(kProgram.en) +
                          ", each with its attendance and exams, as confirmed by the " + kIssuer.en +
                          " and signed off by the " + kSociety.en + "."}}}};
  nlohmann::json subject{
      {"type", {"AchievementSubject"}},
      {"identifier",
       {{{"type", "IdentityObject"}, {"identityType", "name"}, {"hashed", false}, {"identityHash", c.name_en}}}},
      {"achievement", achievement}};
  nlohmann::json vc{
      {"@context",
       {"https://www.w3.org/2018/credentials/v1", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"}},
      {"id", id},
      {"type", {"VerifiableCredential", "OpenBadgeCredential"}},
      {"issuer", {{"id", base_url}, {"type", {"Profile"}}, {"name", kIssuer.en}}},
      {"issuanceDate", issued},
      {"name", title_of(c)},
      {"credentialSubject", subject}};
  const nlohmann::json header{{"alg", "EdDSA"}, {"typ", "JWT"}, {"kid", c.key_id}};
  const nlohmann::json claims{{"iss", base_url}, {"jti", id}, {"nbf", c.issued_at}, {"vc", vc}};
  const std::string input = signing::base64url(header.dump()) + "." + signing::base64url(claims.dump());
  return input + "." + signing::sign(input, key.secret_key);
}

}  // namespace mdsc::certificates
