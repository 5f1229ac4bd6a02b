// Certificates against a real server: the secretariat issues a signed-off completion's certificate
// and downloads its PDF and signed file; the file checks offline with `mdsc certificate verify`
// and fails after one changed byte; anyone can open the verify page, which says valid, then
// revoked; unknown numbers get a clear answer in the reader's language and are rate-limited;
// another trainee gets 404 for the certificate.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "nlohmann/json.hpp"
#include "support/http_client.h"
#include "support/poppler.h"
#include "support/test_server.h"

namespace mdsc::testing {
namespace {

class CertificatesHttp : public ::testing::Test {
 protected:
  void SetUp() override {
    clerk_password_ = server_.add_user("clerk@example.org", {"secretariat"});
    taro_password_ = server_.add_user("taro@example.org", {"trainee"});
    other_password_ = server_.add_user("other@example.org", {"trainee"});
    server_.open_db()->write([&](db::Conn& c) {
      c.exec(
          "UPDATE users SET family_name = '金沢', given_name = '太郎', romaji_name = 'Taro KANAZAWA' "
          "WHERE email = 'taro@example.org'");
      completion_ = c.insert(
          "INSERT INTO completions (fiscal_year, user_id, confirmed_at, society_signer, signed_off_at) "
          "SELECT 2017, id, 1, '学会 理事長', 2 FROM users WHERE email = 'taro@example.org'");
    });
  }
  std::string write_file(const std::string& name, const std::string& body) {
    const std::string path = server_.dir() + "/" + name;
    std::ofstream(path, std::ios::binary) << body;
    return path;
  }
  std::int64_t certificates() {
    return server_.open_db()->read([](db::Conn& c) { return c.scalar_i64("SELECT COUNT(*) FROM certificates"); });
  }

  TestServer server_;
  std::string clerk_password_, taro_password_, other_password_;
  std::int64_t completion_ = 0;
};

TEST_F(CertificatesHttp, IssuedDownloadedVerifiedThenRevoked) {
  HttpClient clerk(server_.port());
  ASSERT_EQ(clerk.login("clerk@example.org", clerk_password_), 303);
  auto list = clerk.get("/certificates?fy=2017");
  ASSERT_EQ(list.status, 200);
  EXPECT_NE(list.body.find("id=\"awaiting\""), std::string::npos) << "the signed-off completion awaits its certificate";
  EXPECT_EQ(clerk.post_form("/certificates?fy=2017", {{"completion_id", std::to_string(completion_)}}).status, 303);
  auto again = clerk.post_form("/certificates?fy=2017", {{"completion_id", std::to_string(completion_)}});
  EXPECT_EQ(again.status, 409);
  EXPECT_NE(again.body.find("有効な認定証がすでにあります"), std::string::npos);
  EXPECT_EQ(certificates(), 1);

  const auto token = server_.api_token("clerk@example.org");
  const auto items =
      nlohmann::json::parse(clerk.send_json("GET", "/api/v1/certificates?fiscal_year=2017", "", token).body);
  ASSERT_EQ(items["items"].size(), 1u);
  const std::string number = items["items"][0]["number"];
  const std::string id = std::to_string(items["items"][0]["id"].get<std::int64_t>());

  // The PDF names the trainee and the number.
  auto pdf = clerk.get("/certificates/" + id + "/certificate.pdf");
  ASSERT_EQ(pdf.status, 200);
  EXPECT_EQ(pdf.header("content-type"), "application/pdf");
  const std::string text = pdf_text(pdf.body);
  EXPECT_NE(text.find("金沢 太郎"), std::string::npos) << text;
  EXPECT_NE(text.find(number), std::string::npos);

  // The signed file checks offline, against the published key set too; one changed byte fails.
  auto file = clerk.get("/certificates/" + id + "/certificate.json");
  ASSERT_EQ(file.status, 200);
  HttpClient anyone(server_.port());
  auto keys = anyone.get("/.well-known/jwks.json");
  ASSERT_EQ(keys.status, 200);
  EXPECT_EQ(nlohmann::json::parse(keys.body)["keys"][0]["kid"], items["items"][0]["key_id"]);
  const std::string cert_path = write_file("cert.json", file.body);
  const std::string keys_path = write_file("jwks.json", keys.body);
  auto ok = run_mdsc({"certificate", "verify", "--file", cert_path, "--keys", keys_path});
  EXPECT_EQ(ok.exit_code, 0) << ok.out << ok.err;
  EXPECT_NE(ok.out.find(number), std::string::npos);
  std::string changed = file.body;
  changed[changed.find("金沢") + 1] ^= 0x01;
  auto bad = run_mdsc({"certificate", "verify", "--file", write_file("changed.json", changed), "--keys", keys_path});
  EXPECT_EQ(bad.exit_code, 1) << bad.out << bad.err;
  auto garbage = run_mdsc({"certificate", "verify", "--file", write_file("garbage.json", "not json")});
  EXPECT_EQ(garbage.exit_code, 2);
  EXPECT_NE(garbage.err.find("not a certificate file"), std::string::npos) << garbage.err;

  // The public page: valid, then revoked with the date.
  auto valid = anyone.get("/verify/" + number);
  ASSERT_EQ(valid.status, 200);
  EXPECT_NE(valid.body.find("この修了認定証は有効です"), std::string::npos);
  EXPECT_NE(valid.body.find("金沢 太郎"), std::string::npos);
  EXPECT_EQ(valid.body.find("taro@example.org"), std::string::npos) << "nothing more than name, programme and date";
  auto no_reason = clerk.post_form("/certificates/" + id + "/revoke", {{"reason", ""}});
  EXPECT_EQ(no_reason.status, 422);
  EXPECT_NE(no_reason.body.find("取消の理由を入力してください"), std::string::npos);
  EXPECT_EQ(clerk.post_form("/certificates/" + id + "/revoke", {{"reason", "氏名の誤記"}}).status, 303);
  auto revoked = anyone.get("/verify/" + number);
  EXPECT_NE(revoked.body.find("取り消されました"), std::string::npos) << revoked.body;
  anyone.set_language_header("en");
  EXPECT_NE(anyone.get("/verify/" + number).body.find("This certificate was revoked on"), std::string::npos);
}

TEST_F(CertificatesHttp, ATraineeSeesTheirOwnAndAnotherGets404) {
  HttpClient clerk(server_.port());
  ASSERT_EQ(clerk.login("clerk@example.org", clerk_password_), 303);
  clerk.get("/certificates?fy=2017");
  ASSERT_EQ(clerk.post_form("/certificates?fy=2017", {{"completion_id", std::to_string(completion_)}}).status, 303);
  const std::string id =
      std::to_string(server_.open_db()->read([](db::Conn& c) { return c.scalar_i64("SELECT id FROM certificates"); }));

  HttpClient taro(server_.port());
  ASSERT_EQ(taro.login("taro@example.org", taro_password_), 303);
  auto own = taro.get("/certificates");
  EXPECT_NE(own.body.find("data-certificate=\"" + id + "\""), std::string::npos);
  EXPECT_EQ(taro.get("/certificates/" + id + "/badge.jwt").status, 200);
  EXPECT_EQ(taro.post_form("/certificates/" + id + "/revoke", {{"reason", "x"}}).status, 403);

  HttpClient other(server_.port());
  ASSERT_EQ(other.login("other@example.org", other_password_), 303);
  EXPECT_EQ(other.get("/certificates/" + id + "/certificate.pdf").status, 404);
  EXPECT_EQ(other.send_json("GET", "/api/v1/certificates/" + id, "", server_.api_token("other@example.org")).status,
            404);
  EXPECT_EQ(other.get("/certificates").body.find("data-certificate="), std::string::npos);
}

TEST_F(CertificatesHttp, UnknownNumbersAreAnsweredClearlyAndThenRateLimited) {
  HttpClient anyone(server_.port());
  auto unknown = anyone.get("/verify/MDSC-2017-AAAA-BBBB-CCCC");
  EXPECT_EQ(unknown.status, 404);
  EXPECT_NE(unknown.body.find("この番号の修了認定証はありません"), std::string::npos);
  anyone.set_language_header("en");
  EXPECT_NE(anyone.get("/verify/nonsense").body.find("There is no certificate with this number"), std::string::npos);
  int refused_at = 0;
  for (int i = 3; i <= 40 && !refused_at; ++i)
    if (anyone.get("/verify/MDSC-2017-AAAA-BBBB-" + std::to_string(1000 + i)).status == 429) refused_at = i;
  EXPECT_EQ(refused_at, 31) << "30 unknown numbers per address, then a pause";
  EXPECT_NE(anyone.get("/verify/MDSC-2017-AAAA-BBBB-CCCC").body.find("Too many checks"), std::string::npos);
}

}  // namespace
}  // namespace mdsc::testing
