// Accounts on both databases: validation, login throttling, sessions, tokens, resets, audit.
#include <gtest/gtest.h>

#include <atomic>
#include <latch>
#include <thread>

#include "core/crypto.h"
#include "platform/identity/auth.h"
#include "platform/identity/authenticator.h"
#include "platform/identity/repo.h"
#include "platform/identity/users.h"
#include "support/fields.h"
#include "support/test_db.h"
#include "support/units.h"

namespace mdsc::identity {
namespace {

constexpr const char* kPassword = "Kanazawa-seminar-2017-pw";

class Accounts : public ::testing::Test {
 protected:
  void SetUp() override {
    crypto::init();
    db_ = testing::fresh_database();
    units_ = std::make_unique<testing::Units>(*db_, now_);
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
    auto r = create_user_with_password(*db_, who(), in, kPassword);
    EXPECT_TRUE(r.is_ok()) << r.status().message_id();
    return r.is_ok() ? *r : 0;
  }
  std::int64_t count(const char* table) {
    return db_->read([&](db::Conn& c) { return c.scalar_i64(std::string("SELECT COUNT(*) FROM ") + table); });
  }
  LoginAttempt attempt(const std::string& email, const std::string& pw, std::string addr = "10.0.0.1") {
    return LoginAttempt{email, pw, std::move(addr), "test-agent", "req1"};
  }
  // Runs fn(Work&) in a unit of work at `now_`, as a request would.
  template <typename F>
  auto write(F&& fn) {
    units_->set_now(now_);
    return units_->write(std::forward<F>(fn));
  }
  template <typename F>
  auto read(F&& fn) {
    return units_->read(std::forward<F>(fn));
  }
  // A password-reset request from `from`, at `at` (default now_); its refusal, if any.
  Status reset_request(const std::string& email, const std::string& from, std::int64_t at = 0) {
    units_->set_now(at ? at : now_);
    return units_->write([&](Work& w) { return request_password_reset(w, email, from); }).status;
  }
  Who who() {
    units_->set_now(now_);
    return units_->who();
  }
  std::unique_ptr<db::Database> db_;
  std::int64_t now_ = 1509321600;  // 2017-10-30T00:00:00Z
  std::unique_ptr<testing::Units> units_;
};

// Each INSERT names the columns of its entity's table, in the table's order (its hash after them).
std::vector<std::string> insert_columns(std::string sql) {
  sql = sql.substr(sql.find('(') + 1);
  sql = sql.substr(0, sql.find(')'));
  std::vector<std::string> out;
  for (std::size_t pos = 0; pos <= sql.size();) {
    auto comma = std::min(sql.find(',', pos), sql.size());
    out.push_back(web::trim(std::string_view(sql).substr(pos, comma - pos)));
    pos = comma + 1;
  }
  return out;
}

template <typename T>
std::vector<std::string> with(std::vector<std::string> extra) {
  auto cols = entity::stored_columns<T>();
  cols.insert(cols.end(), extra.begin(), extra.end());
  return cols;
}

TEST(IdentityTables, InsertsNameTheTablesColumnsInOrder) {
  EXPECT_EQ(insert_columns(repo::kInsertUser), with<User>({"password_hash"}));
  EXPECT_EQ(insert_columns(repo::kInsertSession), with<SessionInfo>({"token_hash", "ip_hint"}));
  EXPECT_EQ(insert_columns(repo::kInsertToken), with<ApiToken>({"token_hash"}));
  EXPECT_EQ(insert_columns(repo::kInsertReset), with<PasswordReset>({"token_hash"}));
}

TEST_F(Accounts, BadInputIsRefusedFieldByFieldAndNothingIsWritten) {
  UserInput in;
  in.email = "not-an-email";
  in.family_name = "";
  in.family_name_kana = "yamada";
  in.romaji_name = "山田";
  in.preferred_lang = "fr";
  auto r = create_user_with_password(*db_, who(), in, "short");
  ASSERT_FALSE(r.is_ok());
  EXPECT_EQ(testing::field_messages(r.status()), (testing::FieldMessages{{"email", "validation.email"},
                                                                         {"family_name", "validation.required"},
                                                                         {"family_name_kana", "validation.kana"},
                                                                         {"romaji_name", "validation.romaji"},
                                                                         {"preferred_lang", "validation.choice"},
                                                                         {"password", "password.too_short"}}));
  EXPECT_EQ(count("users"), 0);
  EXPECT_EQ(count("audit_log"), 0);
}

TEST_F(Accounts, EmailIsUniqueIgnoringCase) {
  add("Taro@Example.org");
  UserInput in;
  in.email = "taro@example.ORG";
  in.family_name = "別人";
  auto r = write([&](Work& w) { return create_user(w, in); });
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
        if (write([&](Work& w) { return create_user(w, in); }).is_ok()) ++ok;
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
  auto wrong = change_password(*db_, who(), id, "not the password", "Another-long-pass-99", a->session_id);
  EXPECT_EQ(wrong.fields().at("password_current").message_id, "password.current_wrong");
  ASSERT_TRUE(change_password(*db_, who(), id, kPassword, "Another-long-pass-99", a->session_id).is_ok());
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
  auto sessions_of = [&](std::int64_t user) {
    return read([&](Work& w) { return list_sessions(w.conn, user, 0, now_); });
  };
  EXPECT_EQ(write([&](Work& w) { return end_session(w, hana, s->session_id); }).code(), Code::not_found);
  EXPECT_EQ(sessions_of(taro).size(), 1u);
  EXPECT_TRUE(sessions_of(hana).empty());
  EXPECT_TRUE(write([&](Work& w) { return end_session(w, taro, s->session_id); }).is_ok());
  EXPECT_TRUE(sessions_of(taro).empty());
}

TEST_F(Accounts, ApiTokensAreShownOnceStoredHashedAndRevocable) {
  auto taro = add("taro@example.org", {{web::Role::trainee, "", 0}});
  auto hana = add("hana@example.org");
  auto t = write([&](Work& w) { return create_api_token(w, taro, "script"); });
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
  auto id = read([&](Work& w) { return list_api_tokens(w.conn, taro); }).front().id;
  EXPECT_EQ(write([&](Work& w) { return revoke_api_token(w, hana, id); }).code(), Code::not_found);
  EXPECT_TRUE(auth.from_api_token(*t).has_value());
  EXPECT_TRUE(write([&](Work& w) { return revoke_api_token(w, taro, id); }).is_ok());
  EXPECT_FALSE(auth.from_api_token(*t).has_value());
}

TEST_F(Accounts, PasswordResetLinkWorksOnceAndExpires) {
  auto id = add("taro@example.org");
  EXPECT_TRUE(reset_request("nobody@example.org", "10.0.0.1").is_ok());
  EXPECT_EQ(count("mail_outbox"), 0);
  EXPECT_TRUE(reset_request("taro@example.org", "10.0.0.1").is_ok());
  auto mail = db_->read([&](db::Conn& c) { return c.query_one("SELECT to_addr, body FROM mail_outbox"); });
  ASSERT_TRUE(mail.has_value());
  EXPECT_EQ(mail->str("to_addr"), "taro@example.org");
  std::string body = mail->str("body");
  auto p = body.find("http://x/password-reset/");
  ASSERT_NE(p, std::string::npos);
  std::string token = body.substr(p + 24, body.find_first_of("\r\n ", p) - p - 24);
  auto link_user = [&](std::int64_t at) { return read([&](Work& w) { return reset_link_user(w.conn, token, at); }); };
  EXPECT_EQ(link_user(now_), id);
  EXPECT_FALSE(link_user(now_ + kResetTokenSeconds + 1).has_value());
  EXPECT_EQ(reset_password(*db_, token, "short", now_).fields().at("password").message_id, "password.too_short");
  ASSERT_TRUE(reset_password(*db_, token, "Brand-new-password-42", now_).is_ok());
  EXPECT_EQ(reset_password(*db_, token, "Another-password-4242", now_).code(), Code::not_found);
  EXPECT_TRUE(login(*db_, attempt("taro@example.org", "Brand-new-password-42"), now_).is_ok());
}

TEST_F(Accounts, PasswordResetMailsAreLimitedAlikeForKnownAndUnknownAddresses) {
  add("taro@example.org");
  for (const char* target : {"taro@example.org", "nobody@example.org"}) {
    for (int i = 0; i < kResetMailsPerTarget; ++i)
      EXPECT_TRUE(reset_request(target, "10.0.0." + std::to_string(i)).is_ok());
    // The next one is refused the same way, registered address or not, from any client address.
    auto st = reset_request(target, "10.0.9.9", now_ + 1);
    EXPECT_EQ(st.code(), Code::too_many) << target;
    EXPECT_EQ(st.message_id(), "reset.throttled");
    EXPECT_EQ(std::stoll(st.args().at("until")), now_ + kResetMailWindowSeconds);
  }
  EXPECT_EQ(count("mail_outbox"), kResetMailsPerTarget);
  // One client address cannot mail many different people either.
  int refused = 0;
  for (int i = 0; i < kResetMailsPerAddress + 5; ++i)
    refused += reset_request("someone" + std::to_string(i) + "@example.org", "10.2.2.2").code() == Code::too_many;
  EXPECT_EQ(refused, 5);
  // After the window it works again.
  EXPECT_TRUE(reset_request("taro@example.org", "10.0.0.1", now_ + kResetMailWindowSeconds + 2).is_ok());
}

// A refused request is an attempt too: what it charged stays charged (its unit of work commits).
TEST_F(Accounts, ARefusedResetRequestStillCountsAgainstItsAddress) {
  for (int i = 0; i < kResetMailsPerTarget; ++i) ASSERT_TRUE(reset_request("taro@example.org", "10.0.0.1").is_ok());
  EXPECT_EQ(reset_request("taro@example.org", "10.0.9.9").code(), Code::too_many);
  EXPECT_EQ(db_->read([](db::Conn& c) {
              return c.scalar_i64("SELECT failures FROM throttles WHERE key = 'reset-from:10.0.9.9'");
            }),
            1);
}

TEST_F(Accounts, ChangesAreAuditedFieldByField) {
  auto id = add("taro@example.org");
  units_->act_as(audit::Actor{7, "user:7", "rq"});
  ASSERT_TRUE(write([&](Work& w) {
                return update_user(w, id, [](User& u) {
                  u.given_name = "次郎";
                  u.roles = {{web::Role::trainee, "", 0}};
                  return Status::ok();
                });
              }).is_ok());
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
  ASSERT_TRUE(write([&](Work& w) {
                return update_user(w, id, [](User& u) {
                  u.active = false;
                  u.roles.clear();
                  return Status::ok();
                });
              }).is_ok());
  FakeClock clock(now_);
  DbAuthenticator auth(*db_, clock);
  EXPECT_FALSE(auth.from_session(s->token).has_value());
  EXPECT_FALSE(login(*db_, attempt("taro@example.org", kPassword), now_).is_ok());
}

}  // namespace
}  // namespace mdsc::identity
