// The core schema (migrations/0001_core.sql) behaves the same on both backends.
#include <gtest/gtest.h>

#include "db/database.h"
#include "support/test_db.h"

namespace {

using mdsc::db::Conn;
using mdsc::db::Error;

class CoreSchema : public ::testing::Test {
 protected:
  void SetUp() override { db_ = mdsc::testing::fresh_database(); }

  std::int64_t add_user(Conn& c, const std::string& email) {
    return c.insert(
        "INSERT INTO users (email, password_hash, family_name, given_name, created_at, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        {email, "$argon2id$...", "山田", "花子", "2017-10-30T00:00:00Z", "2017-10-30T00:00:00Z"});
  }

  Error::Kind error_of(const std::function<void(Conn&)>& fn) {
    try {
      db_->write(fn);
    } catch (const Error& e) {
      return e.kind();
    }
    ADD_FAILURE() << "no error";
    return Error::Kind::other;
  }

  std::unique_ptr<mdsc::db::Database> db_;
};

TEST_F(CoreSchema, UsersAndConstraints) {
  std::int64_t id = db_->write([&](Conn& c) { return add_user(c, "hanako@example.jp"); });
  EXPECT_GT(id, 0);
  auto u = db_->read([&](Conn& c) { return *c.query_one("SELECT * FROM users WHERE id = ?", {id}); });
  EXPECT_EQ(u.str("family_name"), "山田");
  EXPECT_EQ(u.str("preferred_lang"), "ja");
  EXPECT_EQ(u.i64("active"), 1);
  EXPECT_EQ(error_of([&](Conn& c) { add_user(c, "hanako@example.jp"); }), Error::Kind::unique_violation);
  EXPECT_EQ(error_of([&](Conn& c) { c.exec("UPDATE users SET active = 2 WHERE id = ?", {id}); }),
            Error::Kind::check_violation);
  EXPECT_EQ(error_of([&](Conn& c) {
              c.exec("INSERT INTO sessions (token_hash, user_id, created_at, last_seen, expires_at)"
                     " VALUES ('h', 999999, 0, 0, 0)");
            }),
            Error::Kind::foreign_key_violation);
}

TEST_F(CoreSchema, DeletingAUserDeletesTheirSessionsAndRoles) {
  db_->write([&](Conn& c) {
    auto id = add_user(c, "a@example.jp");
    c.exec("INSERT INTO sessions (token_hash, user_id, created_at, last_seen, expires_at) VALUES (?, ?, 1, 1, 2)",
           {"tok", id});
    c.exec("INSERT INTO roles (user_id, role) VALUES (?, 'secretariat')", {id});
    c.exec("DELETE FROM users WHERE id = ?", {id});
    EXPECT_EQ(c.scalar_i64("SELECT count(*) FROM sessions"), 0);
    EXPECT_EQ(c.scalar_i64("SELECT count(*) FROM roles"), 0);
  });
}

TEST_F(CoreSchema, ARoleIsGrantedOnceEvenWithoutScope) {
  auto id = db_->write([&](Conn& c) {
    auto uid = add_user(c, "b@example.jp");
    c.exec("INSERT INTO roles (user_id, role) VALUES (?, 'admin')", {uid});
    c.exec("INSERT INTO roles (user_id, role, scope_type, scope_id) VALUES (?, 'instructor', 'course', 1)", {uid});
    c.exec("INSERT INTO roles (user_id, role, scope_type, scope_id) VALUES (?, 'instructor', 'course', 2)", {uid});
    return uid;
  });
  EXPECT_EQ(error_of([&](Conn& c) { c.exec("INSERT INTO roles (user_id, role) VALUES (?, 'admin')", {id}); }),
            Error::Kind::unique_violation);
  EXPECT_EQ(error_of([&](Conn& c) {
              c.exec("INSERT INTO roles (user_id, role, scope_type, scope_id) VALUES (?, 'instructor', 'course', 1)",
                     {id});
            }),
            Error::Kind::unique_violation);
}

TEST_F(CoreSchema, AuditLogIsAppendOnly) {
  auto id = db_->write([](Conn& c) {
    return c.insert(
        "INSERT INTO audit_log (at, actor_user_id, actor_label, action, entity, entity_id, changes, request_id)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        {"2017-11-01T09:00:00Z", nullptr, "cli", "create", "member", "17", R"({"name":[null,"x"]})", "r1"});
  });
  EXPECT_THROW(db_->write([&](Conn& c) { c.exec("UPDATE audit_log SET action = 'x' WHERE id = ?", {id}); }), Error);
  EXPECT_THROW(db_->write([&](Conn& c) { c.exec("DELETE FROM audit_log WHERE id = ?", {id}); }), Error);
  EXPECT_THROW(db_->write([](Conn& c) { c.exec("DELETE FROM audit_log"); }), Error);
  if (db_->dialect() == mdsc::db::Dialect::postgresql) {
    EXPECT_THROW(db_->write([](Conn& c) { c.exec("TRUNCATE audit_log"); }), Error);
  }
  auto row = db_->read([&](Conn& c) { return *c.query_one("SELECT * FROM audit_log WHERE id = ?", {id}); });
  EXPECT_EQ(row.str("action"), "create");
  EXPECT_TRUE(row.is_null("actor_user_id"));
}

TEST_F(CoreSchema, OutboxAndJobsAndSettings) {
  db_->write([](Conn& c) {
    c.exec("INSERT INTO settings (key, value) VALUES ('site_name', 'mdsc')");
    c.exec("INSERT INTO mail_outbox (message_id, to_addr, subject, body, created_at) VALUES ('<m1>', 'x@example.jp', 's', 'b', 1)");
    c.exec("INSERT INTO jobs (name) VALUES ('daily-digest')");
    // Once a day across instances: only the first conditional update wins.
    EXPECT_EQ(c.exec("UPDATE jobs SET last_run_date = ? WHERE name = ? AND (last_run_date IS NULL OR last_run_date < ?)",
                     {"2017-12-01", "daily-digest", "2017-12-01"}),
              1);
    EXPECT_EQ(c.exec("UPDATE jobs SET last_run_date = ? WHERE name = ? AND (last_run_date IS NULL OR last_run_date < ?)",
                     {"2017-12-01", "daily-digest", "2017-12-01"}),
              0);
  });
  auto mail = db_->read([](Conn& c) { return *c.query_one("SELECT * FROM mail_outbox"); });
  EXPECT_EQ(mail.str("status"), "pending");
  EXPECT_EQ(mail.i64("attempts"), 0);
  EXPECT_TRUE(mail.is_null("sent_at"));
  EXPECT_EQ(error_of([](Conn& c) { c.exec("UPDATE mail_outbox SET status = 'lost'"); }), Error::Kind::check_violation);
}

}  // namespace
