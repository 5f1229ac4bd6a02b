// Certificates: numbers that cannot be guessed from one another; issuing only after the society's
// sign-off, once per completion; the signature that verifies and fails after one changed byte,
// with the published key set and without; revocation with its reason, audited; the Open Badges
// credential's JWS; the PDF as pdftotext reads it. On both databases.
#include "modules/certificates.h"

#include <gtest/gtest.h>

#include <set>

#include "core/signing.h"
#include "modules/certificates/document.h"
#include "modules/certificates/keys.h"
#include "modules/certificates/number.h"
#include "modules/certificates/operations.h"
#include "modules/certificates/pdf.h"
#include "modules/certificates/repo.h"
#include "support/admissions_fixture.h"
#include "support/database_with_clerk.h"
#include "support/poppler.h"
#include "support/test_db.h"
#include "support/tokyo.h"
#include "support/units.h"

namespace mdsc::certificates {
namespace {

TEST(CertificateNumber, IsRandomAndHasItsShape) {
  std::set<std::string> seen;
  for (int i = 0; i < 200; ++i) {
    const std::string n = new_number(2017);
    EXPECT_TRUE(well_formed_number(n)) << n;
    EXPECT_EQ(n.substr(0, 10), "MDSC-2017-");
    seen.insert(n);
  }
  EXPECT_EQ(seen.size(), 200u);
  for (const char* bad : {"", "MDSC-2017-ABCD-EFGH", "MDSC-2017-ABCD-EFGH-IJKL", "MDSC-20X7-ABCD-EFGH-JKMN",
                          "mdsc-2017-abcd-efgh-jkmn", "MDSC-2017-ABCD-EFGH-JKMN/../x"})
    EXPECT_FALSE(well_formed_number(bad)) << bad;
}

class Certificates : public testing::DatabaseWithClerk {
 protected:
  void seed(db::Conn& c) override {
    taro_ = testing::insert_user(c, "taro@example.org", "金沢", "太郎", "trainee");
    c.exec("UPDATE users SET romaji_name = 'Taro KANAZAWA' WHERE id = ?", {taro_});
    completion_ =
        c.insert("INSERT INTO completions (fiscal_year, user_id, confirmed_by, confirmed_at) VALUES (2017, ?, ?, 1)",
                 {taro_, clerk_});
  }
  void SetUp() override {
    DatabaseWithClerk::SetUp();
    units_ = std::make_unique<testing::Units>(*db_, testing::tokyo("2018-03-20", "10:00:00"));
    units_->act_as_user(clerk_);
  }
  void sign_off() {
    db_->write([&](db::Conn& c) {
      c.exec("UPDATE completions SET society_signer = '学会 理事長', signed_off_by = ?, signed_off_at = 2 WHERE id = ?",
             {clerk_, completion_});
    });
  }
  Certificate issued() {
    sign_off();
    auto id = units_->write([&](Work& w) { return issue(w, completion_); });
    EXPECT_TRUE(id) << id.status().message_id();
    return *db_->read([&](db::Conn& c) { return repo::by_id(c, *id); });
  }
  std::string public_key() {
    return db_->read([](db::Conn& c) { return signing_key(c).public_key; });
  }
  std::int64_t audited(const char* action) {
    return db_->read([&](db::Conn& c) {
      return c.scalar_i64("SELECT COUNT(*) FROM audit_log WHERE entity = 'certificates' AND action = ?", {action});
    });
  }

  std::unique_ptr<testing::Units> units_;
  std::int64_t taro_ = 0, completion_ = 0;
};

TEST_F(Certificates, OnlyASignedOffCompletionGetsOneValidCertificate) {
  EXPECT_EQ(units_->write([&](Work& w) { return issue(w, completion_); }).status().message_id(),
            "certificates.not_signed_off");
  EXPECT_EQ(units_->write([&](Work& w) { return issue(w, completion_ + 100); }).status().code(), Code::not_found);
  const Certificate c = issued();
  EXPECT_EQ(c.name, "金沢 太郎");
  EXPECT_EQ(c.name_en, "Taro KANAZAWA");
  EXPECT_EQ(c.fiscal_year, 2017);
  EXPECT_EQ(c.issued_on, "2018-03-20");
  EXPECT_FALSE(c.revoked());
  EXPECT_EQ(units_->write([&](Work& w) { return issue(w, completion_); }).status().message_id(),
            "certificates.already_issued");
  EXPECT_EQ(audited("issue"), 1);
}

TEST_F(Certificates, TheSignatureVerifiesAndFailsAfterOneChangedByte) {
  const Certificate c = issued();
  const auto payload = nlohmann::json::parse(c.payload);
  EXPECT_EQ(payload["number"], c.number);
  EXPECT_EQ(payload["name"], "金沢 太郎");
  EXPECT_EQ(payload["fiscal_year"], 2017);
  EXPECT_EQ(payload["issued_on"], "2018-03-20");
  EXPECT_EQ(payload["verify_url"], "http://x/verify/" + c.number);
  EXPECT_TRUE(signing::verify(c.payload, c.signature, public_key()));

  const std::string file = file_of(c, public_key()).dump(2, ' ', false);
  const auto key_set = db_->read([](db::Conn& conn) { return certificates::key_set(conn); });
  EXPECT_EQ(check_file(file, &key_set).outcome, FileCheck::Outcome::valid);
  const auto alone = check_file(file, nullptr);
  EXPECT_EQ(alone.outcome, FileCheck::Outcome::valid);
  EXPECT_EQ(alone.number, c.number);

  // One byte of the name changed (太 is E5 A4 AA; E5 A4 AB is 夫): still JSON, no longer signed.
  std::string changed = file;
  const auto at = changed.find("太郎");
  ASSERT_NE(at, std::string::npos);
  changed[at + 2] = static_cast<char>(0xAB);
  EXPECT_EQ(check_file(changed, &key_set).outcome, FileCheck::Outcome::invalid);
  EXPECT_EQ(check_file(changed, nullptr).outcome, FileCheck::Outcome::invalid);

  const nlohmann::json other{{"keys", {signing::jwk(signing::generate().public_key)}}};
  EXPECT_EQ(check_file(file, &other).outcome, FileCheck::Outcome::invalid) << "another issuer's key set";
  EXPECT_EQ(check_file("{not json", nullptr).outcome, FileCheck::Outcome::malformed);
  EXPECT_EQ(check_file(R"({"certificate": {"number": "x"}})", nullptr).outcome, FileCheck::Outcome::malformed);
}

TEST_F(Certificates, RevocationNeedsAReasonHappensOnceAndAllowsANewCertificate) {
  const Certificate c = issued();
  Status no_reason = units_->write([&](Work& w) { return revoke(w, c.id, ""); });
  EXPECT_EQ(no_reason.fields().at("reason").message_id, "certificates.reason_required");
  ASSERT_TRUE(units_->write([&](Work& w) { return revoke(w, c.id, "氏名の誤記"); }));
  Status twice = units_->write([&](Work& w) { return revoke(w, c.id, "again"); });
  EXPECT_EQ(twice.message_id(), "certificates.already_revoked");
  const auto after = db_->read([&](db::Conn& conn) { return repo::by_id(conn, c.id); });
  EXPECT_TRUE(after->revoked());
  EXPECT_EQ(after->revoke_reason, "氏名の誤記");
  EXPECT_EQ(after->revoked_by, clerk_);
  EXPECT_EQ(audited("revoke"), 1);

  auto again = units_->write([&](Work& w) { return issue(w, completion_); });
  ASSERT_TRUE(again) << "the revoked certificate no longer stands in the way";
  EXPECT_NE(db_->read([&](db::Conn& conn) { return repo::by_id(conn, *again); })->number, c.number);
}

TEST_F(Certificates, TheOpenBadgeIsAnEdDsaSignedOpenBadgeCredential) {
  const Certificate c = issued();
  const auto key = db_->read([](db::Conn& conn) { return signing_key(conn); });
  const std::string jwt = badge_jwt(c, "https://mdsc.example.org", key);
  const auto dot1 = jwt.find('.'), dot2 = jwt.rfind('.');
  ASSERT_NE(dot1, dot2);
  EXPECT_TRUE(signing::verify(jwt.substr(0, dot2), jwt.substr(dot2 + 1), key.public_key));
  const auto header = nlohmann::json::parse(*signing::from_base64url(jwt.substr(0, dot1)));
  EXPECT_EQ(header["alg"], "EdDSA");
  EXPECT_EQ(header["kid"], signing::jwk_thumbprint(key.public_key));
  const auto claims = nlohmann::json::parse(*signing::from_base64url(jwt.substr(dot1 + 1, dot2 - dot1 - 1)));
  EXPECT_EQ(claims["iss"], "https://mdsc.example.org");
  EXPECT_EQ(claims["jti"], "https://mdsc.example.org/verify/" + c.number);
  const auto& vc = claims["vc"];
  EXPECT_EQ(vc["type"], nlohmann::json({"VerifiableCredential", "OpenBadgeCredential"}));
  EXPECT_EQ(vc["@context"][1], "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json");
  EXPECT_EQ(vc["credentialSubject"]["achievement"]["type"], nlohmann::json({"Achievement"}));
}

TEST_F(Certificates, ThePdfNamesTheTraineeTheNumberAndTheSocietyAndSaysNothingOfADegree) {
  const Certificate c = issued();
  const std::string text = testing::pdf_text(render_pdf(c, "https://mdsc.example.org/verify/" + c.number));
  EXPECT_NE(text.find("修了認定証"), std::string::npos) << text;
  EXPECT_NE(text.find("Certificate of Completion"), std::string::npos);
  EXPECT_NE(text.find("金沢 太郎"), std::string::npos);
  EXPECT_NE(text.find("Taro KANAZAWA"), std::string::npos);
  EXPECT_NE(text.find(c.number), std::string::npos);
  EXPECT_NE(text.find(kSociety.ja), std::string::npos);
  for (const char* word : {"学位", "単位", "degree", "credit"}) EXPECT_EQ(text.find(word), std::string::npos) << word;
}

}  // namespace
}  // namespace mdsc::certificates
