#pragma once
// A completion certificate as issued: what was printed and signed, and its revocation.
#include <cstdint>
#include <string>

#include "platform/entity.h"

namespace mdsc::certificates {

// Names printed and signed on every certificate: data of the programme, not of the page's language.
struct Bilingual {
  const char* ja;
  const char* en;
};
inline constexpr Bilingual kProgram{"データサイエンティスト育成課程", "Data Scientist Training Course"};
inline constexpr Bilingual kIssuer{"医療データ科学コンソーシアム", "Medical Data Science Consortium"};
inline constexpr Bilingual kSociety{"日本オミックス医療学会", "Japanese Society of Omics-based Medicine"};

struct Certificate {
  std::int64_t id = 0;
  std::string number;
  std::int64_t completion_id = 0;
  std::int64_t user_id = 0;
  std::int64_t fiscal_year = 0;
  std::string name, name_en;
  std::string issued_on;  // YYYY-MM-DD, Asia/Tokyo
  std::string payload;    // the canonical JSON that was signed
  std::string signature;  // Ed25519, base64url
  std::string key_id;     // the signing key's JWK thumbprint
  std::int64_t issued_by = 0;
  std::int64_t issued_at = 0;
  std::int64_t revoked_at = 0;  // 0: valid
  std::int64_t revoked_by = 0;
  std::string revoke_reason;

  bool revoked() const { return revoked_at != 0; }

  static const entity::Table<Certificate>& table();  // its fields, described once
};

}  // namespace mdsc::certificates
