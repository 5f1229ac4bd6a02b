// The society's sign-off of a completion issues its certificate, in the sign-off's transaction, as
// the app wires the modules (app/modules.cpp); when issuing fails, the sign-off does not happen.
// On both databases.
#include <gtest/gtest.h>

#include "app/modules.h"
#include "modules/completion/operations.h"
#include "platform/work.h"
#include "support/admissions_fixture.h"
#include "support/database_with_clerk.h"
#include "support/tokyo.h"
#include "support/units.h"

namespace mdsc::app {
namespace {

class CertificateOnSignOff : public testing::DatabaseWithClerk {
 protected:
  void seed(db::Conn& c) override {
    const auto taro = testing::insert_user(c, "taro@example.org", "金沢", "太郎", "trainee");
    completion_ =
        c.insert("INSERT INTO completions (fiscal_year, user_id, confirmed_by, confirmed_at) VALUES (2017, ?, ?, 1)",
                 {taro, clerk_});
  }
  // The clerk records the sign-off.
  Status sign_off() {
    return write_unit(
        *db_, Who{testing::user_actor(clerk_), testing::tokyo("2018-03-20", "10:00:00"), "http://x", &module_events()},
        [&](Work& w) { return completion::sign_off(w, completion_, "学会 理事長"); });
  }
  std::int64_t count(const char* sql) {
    return db_->read([&](db::Conn& c) { return c.scalar_i64(sql); });
  }
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
