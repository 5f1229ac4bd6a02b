// Accounts on both databases: validation, login throttling, sessions, tokens, resets, audit.
#include <gtest/gtest.h>

#include <atomic>
#include <latch>
#include <thread>

#include "core/crypto.h"
#include "platform/identity/auth.h"
#include "platform/identity/authenticator.h"
#include "platform/identity/users.h"
#include "support/test_db.h"

namespace mdsc::identity {
namespace {

constexpr const char* kPassword = "Kanazawa-seminar-2017-pw";

class Accounts : public ::testing::Test {
 protected:
  void SetUp() override {
    crypto::init();
    db_ = testing::fresh_database();
  }
  std::int64_t add(const std::string& email, std::vector<web::RoleGrant> roles = {}) {
    UserInput in;
    in.email = email;
    in.family_name = "山田";
    in.given_name = "太郎";
    in.family_name_kana = "ヤマダ";
    in.given_name_kana = "タロウ";
    in.romaji_name = "Taro YAMADA";
    in.roles = std::move(roles);
    auto r = create_user(*db_, actor_, in, std::string(kPassword), now_);
    EXPECT_TRUE(r.is_ok()) << r.status().message_id();
    return r.is_ok() ? *r : 0;
  }
  std::int64_t count(const char* table) {
    return db_->read([&](db::Conn& c) { return c.scalar_i64(std::string("SELECT COUNT(*) FROM ") + table); });
  }
  LoginAttempt attempt(const std::string& email, const std::string& pw, std::string addr = "10.0.0.1") {
    return LoginAttempt{email, pw, std::move(addr), "test-agent", "req1"};
  }
  std::unique_ptr<db::Database> db_;
  audit::Actor actor_ = audit::Actor::system("test");
  std::int64_t now_ = 1509321600;  // 2017-10-30T00:00:00Z
};

TEST_F(Accounts, BadInputIsRefusedFieldByFieldAndNothingIsWritten) {
  UserInput in;
  in.email = "not-an-email";
  in.family_name = "";
  in.family_name_kana = "yamada";
  in.romaji_name = "山田";
  in.preferred_lang = "fr";
  auto r = create_user(*db_, actor_, in, std::string("short"), now_);
  ASSERT_FALSE(r.is_ok());
  const auto& f = r.status().fields();
  EXPECT_EQ(f.at("email").message_id, "validation.email");
  EXPECT_EQ(f.at("family_name").message_id, "validation.required");
  EXPECT_EQ(f.at("family_name_kana").message_id, "validation.kana");
  EXPECT_EQ(f.at("romaji_name").message_id, "validation.romaji");
  EXPECT_EQ(f.at("preferred_lang").message_id, "validation.choice");
  EXPECT_EQ(f.at("password").message_id, "password.too_short");
  EXPECT_EQ(count("users"), 0);
  EXPECT_EQ(count("audit_log"), 0);
}

TEST_F(Accounts, EmailIsUniqueIgnoringCase) {
  add("Taro@Example.org");
  UserInput in;
  in.email = "taro@example.ORG";
  in.family_name = "別人";
  auto r = create_user(*db_, actor_, in, std::nullopt, now_);
  ASSERT_FALSE(r.is_ok());
  EXPECT_EQ(r.status().code(), Code::conflict);
  EXPECT_EQ(r.status().fields().at("email").message_id, "validation.email_taken");
  EXPECT_EQ(count("users"), 1);
}

TEST_F(Accounts, ConcurrentSignUpsWithOneAddressMakeOneUser) {
  std::atomic<int> ok{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 6; ++i) {
    threads.emplace_back([&] {
      UserInput in;
      in.email = "race@example.org";
      in.family_name = "競争";
      try {
        if (create_user(*db_, actor_, in, std::nullopt, now_).is_ok()) ++ok;
      } catch (const db::Error& e) {
        EXPECT_EQ(e.kind(), db::Error::Kind::unique_violation);
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(ok.load(), 1);
  EXPECT_EQ(count("users"), 1);
}

TEST_F(Accounts, ScopedRolesNeedTheirScope) {
  EXPECT_TRUE(parse_role("secretariat").is_ok());
  EXPECT_FALSE(parse_role("instructor").is_ok());
  EXPECT_FALSE(parse_role("secretariat:3").is_ok());
  EXPECT_FALSE(parse_role("wizard").is_ok());
  auto g = parse_role("partner_representative:7");
  ASSERT_TRUE(g.is_ok());
  EXPECT_EQ(g->scope_type, "company");
  EXPECT_EQ(g->scope_id, 7);
}

TEST_F(Accounts, LoginMakesASessionThatAuthenticates) {
  auto id = add("taro@example.org", {{web::Role::secretariat, "", 0}});
  auto r = login(*db_, attempt("TARO@example.org ", kPassword), now_);
  ASSERT_TRUE(r.is_ok()) << r.status().message_id();
  EXPECT_EQ(r->user_id, id);
  FakeClock clock(now_);
  DbAuthenticator auth(*db_, clock);
  auto p = auth.from_session(r->token);
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->user_id, id);
  EXPECT_TRUE(p->has(web::Role::secretariat));
  EXPECT_FALSE(auth.from_session(r->token + "x").has_value());
}

TEST_F(Accounts, TenWrongPasswordsThrottleTheAccountWithATimeToRetry) {
  add("taro@example.org");
  for (int i = 1; i <= 9; ++i) {
    auto r = login(*db_, attempt("taro@example.org", "wrong password " + std::to_string(i)), now_ + i);
    ASSERT_FALSE(r.is_ok());
    EXPECT_EQ(r.status().message_id(), "login.failed") << "attempt " << i;
  }
  auto tenth = login(*db_, attempt("taro@example.org", "wrong again"), now_ + 10);
  ASSERT_FALSE(tenth.is_ok());
  EXPECT_EQ(tenth.status().code(), Code::too_many);
  std::int64_t until = std::stoll(tenth.status().args().at("until"));
  EXPECT_EQ(until, now_ + 10 + kLockSeconds);
  // Even the right password waits, also from another address.
  auto right = login(*db_, attempt("taro@example.org", kPassword, "10.9.9.9"), now_ + 20);
  EXPECT_EQ(right.status().code(), Code::too_many);
  auto later = login(*db_, attempt("taro@example.org", kPassword), until + 1);
  EXPECT_TRUE(later.is_ok());
}

// Fifty guesses at the same instant: each is counted before its password is checked, in the same
// statement that decides, so no more than the account's limit of passwords are ever checked.
TEST_F(Accounts, ConcurrentWrongPasswordsCheckNoMoreThanTheLimit) {
  add("taro@example.org");
  constexpr int kThreads = 50;
  std::latch start(kThreads);
  std::atomic<int> throttled{0}, failed{0};
  auto checks_before = crypto::password_checks();
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&, i] {
      // Each guess from its own address: only the account's limit applies.
      auto a = attempt("taro@example.org", "wrong password " + std::to_string(i), "10.1.0." + std::to_string(i));
      start.arrive_and_wait();
      auto r = login(*db_, a, now_);
      (r.status().code() == Code::too_many ? throttled : failed) += 1;
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_LE(crypto::password_checks() - checks_before, static_cast<unsigned long long>(kAccountFailureLimit));
  EXPECT_GE(throttled.load(), kThreads - kAccountFailureLimit);
  EXPECT_EQ(throttled.load() + failed.load(), kThreads);
  // And the account is locked for the right password too.
  EXPECT_EQ(login(*db_, attempt("taro@example.org", kPassword), now_ + 1).status().code(), Code::too_many);
}

TEST_F(Accounts, ALoginFromAnAddressGivesItsChargeBack) {
  add("taro@example.org");
  // Good logins from one address (an office behind one NAT) do not count towards its limit.
  ASSERT_FALSE(login(*db_, attempt("taro@example.org", "wrong", "192.0.2.7"), now_).is_ok());
  for (int i = 0; i < 3; ++i)
    ASSERT_TRUE(login(*db_, attempt("taro@example.org", kPassword, "192.0.2.7"), now_ + i).is_ok()) << i;
  auto failures = db_->read([&](db::Conn& c) {
    return c.scalar_i64("SELECT failures FROM throttles WHERE key = 'addr:192.0.2.7'");
  });
  EXPECT_EQ(failures, 1);
}

TEST_F(Accounts, UnknownAccountsFailLikeWrongPasswords) {
  add("taro@example.org");
  auto r = login(*db_, attempt("nobody@example.org", kPassword), now_);
  EXPECT_EQ(r.status().message_id(), "login.failed");
}

TEST_F(Accounts, SessionsEndAfterIdleAndAbsoluteLimits) {
  add("taro@example.org");
  FakeClock clock(now_);
  DbAuthenticator auth(*db_, clock);
  auto s = login(*db_, attempt("taro@example.org", kPassword), now_);
  ASSERT_TRUE(s.is_ok());
  // Used every 20 minutes it stays alive...
  for (int i = 0; i < 5; ++i) {
    clock.advance(std::chrono::minutes(20));
    ASSERT_TRUE(auth.from_session(s->token).has_value()) << "after " << (i + 1) * 20 << " minutes";
  }
  // ...until 30 idle minutes pass.
  clock.advance(std::chrono::minutes(31));
  EXPECT_FALSE(auth.from_session(s->token).has_value());

  auto t = login(*db_, attempt("taro@example.org", kPassword), clock.now_unix());
  ASSERT_TRUE(t.is_ok());
  for (int i = 0; i < 12 * 3; ++i) {
    clock.advance(std::chrono::minutes(20));
    if (!auth.from_session(t->token)) {
      EXPECT_GE(i * 20 + 20, 12 * 60) << "ended before 12 hours";
      return;
    }
  }
  FAIL() << "session outlived the 12-hour absolute limit";
}

TEST_F(Accounts, PasswordChangeEndsTheOtherSessionsOnly) {
  auto id = add("taro@example.org");
  FakeClock clock(now_);
  DbAuthenticator auth(*db_, clock);
  auto a = login(*db_, attempt("taro@example.org", kPassword), now_);
  auto b = login(*db_, attempt("taro@example.org", kPassword), now_);
  ASSERT_TRUE(a.is_ok() && b.is_ok());
  auto wrong = change_password(*db_, actor_, id, "not the password", "Another-long-pass-99", a->session_id, now_);
  EXPECT_EQ(wrong.fields().at("password_current").message_id, "password.current_wrong");
  ASSERT_TRUE(change_password(*db_, actor_, id, kPassword, "Another-long-pass-99", a->session_id, now_).is_ok());
  EXPECT_TRUE(auth.from_session(a->token).has_value());
  EXPECT_FALSE(auth.from_session(b->token).has_value());
  EXPECT_FALSE(login(*db_, attempt("taro@example.org", kPassword), now_).is_ok());
  EXPECT_TRUE(login(*db_, attempt("taro@example.org", "Another-long-pass-99"), now_).is_ok());
}

TEST_F(Accounts, NobodyEndsAnotherUsersSession) {
  auto taro = add("taro@example.org");
  auto hana = add("hana@example.org");
  auto s = login(*db_, attempt("taro@example.org", kPassword), now_);
  ASSERT_TRUE(s.is_ok());
  EXPECT_EQ(end_session(*db_, actor_, hana, s->session_id, now_).code(), Code::not_found);
  EXPECT_EQ(list_sessions(*db_, taro, 0, now_).size(), 1u);
  EXPECT_TRUE(list_sessions(*db_, hana, 0, now_).empty());
  EXPECT_TRUE(end_session(*db_, actor_, taro, s->session_id, now_).is_ok());
  EXPECT_TRUE(list_sessions(*db_, taro, 0, now_).empty());
}

TEST_F(Accounts, ApiTokensAreShownOnceStoredHashedAndRevocable) {
  auto taro = add("taro@example.org", {{web::Role::trainee, "", 0}});
  auto hana = add("hana@example.org");
  auto t = create_api_token(*db_, actor_, taro, "script", now_);
  ASSERT_TRUE(t.is_ok());
  EXPECT_EQ(t->rfind("mdsc_", 0), 0u);
  auto stored = db_->read([&](db::Conn& c) { return c.query_one("SELECT token_hash, prefix FROM api_tokens"); });
  EXPECT_NE(stored->str("token_hash"), *t);
  EXPECT_EQ(t->find(stored->str("token_hash")), std::string::npos);
  FakeClock clock(now_);
  DbAuthenticator auth(*db_, clock);
  auto p = auth.from_api_token(*t);
  ASSERT_TRUE(p.has_value());
  EXPECT_TRUE(p->via_api_token);
  EXPECT_TRUE(p->has(web::Role::trainee));
  auto id = list_api_tokens(*db_, taro).front().id;
  EXPECT_EQ(revoke_api_token(*db_, actor_, hana, id, now_).code(), Code::not_found);
  EXPECT_TRUE(auth.from_api_token(*t).has_value());
  EXPECT_TRUE(revoke_api_token(*db_, actor_, taro, id, now_).is_ok());
  EXPECT_FALSE(auth.from_api_token(*t).has_value());
}

TEST_F(Accounts, PasswordResetLinkWorksOnceAndExpires) {
  auto id = add("taro@example.org");
  EXPECT_TRUE(request_password_reset(*db_, "nobody@example.org", "10.0.0.1", "http://x", now_).is_ok());
  EXPECT_EQ(count("mail_outbox"), 0);
  EXPECT_TRUE(request_password_reset(*db_, "taro@example.org", "10.0.0.1", "http://x", now_).is_ok());
  auto mail = db_->read([&](db::Conn& c) { return c.query_one("SELECT to_addr, body FROM mail_outbox"); });
  ASSERT_TRUE(mail.has_value());
  EXPECT_EQ(mail->str("to_addr"), "taro@example.org");
  std::string body = mail->str("body");
  auto p = body.find("http://x/password-reset/");
  ASSERT_NE(p, std::string::npos);
  std::string token = body.substr(p + 24, body.find_first_of("\r\n ", p) - p - 24);
  EXPECT_EQ(reset_link_user(*db_, token, now_), id);
  EXPECT_FALSE(reset_link_user(*db_, token, now_ + kResetTokenSeconds + 1).has_value());
  EXPECT_EQ(reset_password(*db_, token, "short", now_).fields().at("password").message_id, "password.too_short");
  ASSERT_TRUE(reset_password(*db_, token, "Brand-new-password-42", now_).is_ok());
  EXPECT_EQ(reset_password(*db_, token, "Another-password-4242", now_).code(), Code::not_found);
  EXPECT_TRUE(login(*db_, attempt("taro@example.org", "Brand-new-password-42"), now_).is_ok());
}

TEST_F(Accounts, PasswordResetMailsAreLimitedAlikeForKnownAndUnknownAddresses) {
  add("taro@example.org");
  for (const char* target : {"taro@example.org", "nobody@example.org"}) {
    for (int i = 0; i < kResetMailsPerTarget; ++i)
      EXPECT_TRUE(request_password_reset(*db_, target, "10.0.0." + std::to_string(i), "http://x", now_).is_ok());
    // The next one is refused the same way, registered address or not, from any client address.
    auto st = request_password_reset(*db_, target, "10.0.9.9", "http://x", now_ + 1);
    EXPECT_EQ(st.code(), Code::too_many) << target;
    EXPECT_EQ(st.message_id(), "reset.throttled");
    EXPECT_EQ(std::stoll(st.args().at("until")), now_ + kResetMailWindowSeconds);
  }
  EXPECT_EQ(count("mail_outbox"), kResetMailsPerTarget);
  // One client address cannot mail many different people either.
  int refused = 0;
  for (int i = 0; i < kResetMailsPerAddress + 5; ++i)
    refused += request_password_reset(*db_, "someone" + std::to_string(i) + "@example.org", "10.2.2.2", "http://x",
                                      now_).code() == Code::too_many;
  EXPECT_EQ(refused, 5);
  // After the window it works again.
  EXPECT_TRUE(request_password_reset(*db_, "taro@example.org", "10.0.0.1", "http://x",
                                     now_ + kResetMailWindowSeconds + 2).is_ok());
}

TEST_F(Accounts, ChangesAreAuditedFieldByField) {
  auto id = add("taro@example.org");
  UserInput in;
  in.email = "taro@example.org";
  in.family_name = "山田";
  in.given_name = "次郎";
  in.family_name_kana = "ヤマダ";
  in.given_name_kana = "タロウ";
  in.romaji_name = "Taro YAMADA";
  in.roles = {{web::Role::trainee, "", 0}};
  ASSERT_TRUE(update_user(*db_, audit::Actor{7, "user:7", "rq"}, id, in, now_).is_ok());
  auto row = db_->read([&](db::Conn& c) {
    return c.query_one("SELECT actor_user_id, action, entity, entity_id, changes FROM audit_log WHERE action = 'update'");
  });
  ASSERT_TRUE(row.has_value());
  EXPECT_EQ(row->i64("actor_user_id"), 7);
  EXPECT_EQ(row->str("entity"), "user");
  EXPECT_EQ(row->str("entity_id"), std::to_string(id));
  auto changes = nlohmann::json::parse(row->str("changes"));
  EXPECT_EQ(changes["given_name"]["before"], "太郎");
  EXPECT_EQ(changes["given_name"]["after"], "次郎");
  EXPECT_TRUE(changes.contains("roles"));
  EXPECT_FALSE(changes.contains("family_name"));
  // The log is append-only.
  EXPECT_THROW(db_->write([&](db::Conn& c) { c.exec("UPDATE audit_log SET action = 'x'"); }), std::exception);
  EXPECT_THROW(db_->write([&](db::Conn& c) { c.exec("DELETE FROM audit_log"); }), std::exception);
}

TEST_F(Accounts, DeactivatedUsersAreSignedOutAndCannotLogIn) {
  auto id = add("taro@example.org");
  auto s = login(*db_, attempt("taro@example.org", kPassword), now_);
  ASSERT_TRUE(s.is_ok());
  auto u = find_user(*db_, id);
  UserInput in{u->email, u->family_name, u->given_name, u->family_name_kana, u->given_name_kana, u->romaji_name,
               u->preferred_lang, false, {}};
  ASSERT_TRUE(update_user(*db_, actor_, id, in, now_).is_ok());
  FakeClock clock(now_);
  DbAuthenticator auth(*db_, clock);
  EXPECT_FALSE(auth.from_session(s->token).has_value());
  EXPECT_FALSE(login(*db_, attempt("taro@example.org", kPassword), now_).is_ok());
}

}  // namespace
}  // namespace mdsc::identity
