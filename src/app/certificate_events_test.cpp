// The society's sign-off of a completion issues its certificate, in the sign-off's transaction, as
// the app wires the modules (app/modules.cpp); when issuing fails, the sign-off does not happen.
// On both databases.
#include <gtest/gtest.h>

#include "app/modules.h"
#include "modules/completion/operations.h"
#include "platform/work.h"
#include "support/admissions_fixture.h"
#include "support/test_db.h"
#include "support/tokyo.h"

namespace mdsc::app {
namespace {

class CertificateOnSignOff : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = testing::fresh_database();
    db_->write([&](db::Conn& c) {
      const auto clerk = testing::insert_user(c, "clerk@example.org", "事務", "花子", "secretariat");
      const auto taro = testing::insert_user(c, "taro@example.org", "金沢", "太郎", "trainee");
      actor_ = {clerk, "user:" + std::to_string(clerk), ""};
      completion_ =
          c.insert("INSERT INTO completions (fiscal_year, user_id, confirmed_by, confirmed_at) VALUES (2017, ?, ?, 1)",
                   {taro, clerk});
    });
  }
  Status sign_off() {
    return write_unit(*db_, Who{actor_, testing::tokyo("2018-03-20", "10:00:00"), "http://x", &module_events()},
                      [&](Work& w) { return completion::sign_off(w, completion_, "学会 理事長"); });
  }
  std::int64_t count(const char* sql) {
    return db_->read([&](db::Conn& c) { return c.scalar_i64(sql); });
  }
  std::unique_ptr<db::Database> db_;
  audit::Actor actor_ = audit::Actor::system("test");
  std::int64_t completion_ = 0;
};

TEST_F(CertificateOnSignOff, TheSignOffIssuesTheCertificate) {
  ASSERT_TRUE(sign_off());
  EXPECT_EQ(count("SELECT COUNT(*) FROM certificates WHERE revoked_at IS NULL"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM certificates WHERE name = '金沢 太郎' AND issued_on = '2018-03-20'"), 1);
}

TEST_F(CertificateOnSignOff, WhenIssuingFailsTheSignOffIsNotRecorded) {
  db_->write([](db::Conn& c) { c.exec("DELETE FROM settings WHERE key = 'certificate_signing_seed'"); });
  EXPECT_THROW((void)sign_off(), std::runtime_error);
  EXPECT_EQ(count("SELECT COUNT(*) FROM certificates"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM completions WHERE signed_off_at IS NOT NULL"), 0);
}

}  // namespace
}  // namespace mdsc::app
