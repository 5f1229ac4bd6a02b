// The unit of work on both databases: a refused change leaves nothing behind, and an event's
// subscribers act in the publisher's transaction (one that fails undoes the whole change).
#include "platform/work.h"

#include <gtest/gtest.h>

#include <stdexcept>

#include "support/test_db.h"

namespace mdsc {
namespace {

struct Renamed {
  std::int64_t id;
};

class UnitOfWork : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = testing::fresh_database();
    who_.actor = audit::Actor::system("test");
    who_.now = 1509321600;
    who_.bus = &bus_;
  }
  std::int64_t count(const std::string& sql) {
    return db_->read([&](db::Conn& c) { return c.scalar_i64(sql); });
  }
  // An "operation": writes a setting and its audit entry, then publishes; refuses "bad".
  static Status rename(Work& w, const std::string& value) {
    w.conn.exec("INSERT INTO settings (key, value) VALUES ('name', ?)", {value});
    w.audit("create", "setting", "name", {}, {{"value", value}});
    if (value == "bad") return Status::invalid().field("value", "validation.choice");
    w.publish(Renamed{1});
    return Status::ok();
  }
  std::unique_ptr<db::Database> db_;
  events::Bus bus_;
  Who who_;
};

TEST_F(UnitOfWork, ARefusedChangeLeavesNothingBehindEvenWhatItWroteBeforeRefusing) {
  auto st = write_unit(*db_, who_, [](Work& w) { return rename(w, "bad"); });
  EXPECT_EQ(st.fields().at("value").message_id, "validation.choice");
  EXPECT_EQ(count("SELECT COUNT(*) FROM settings WHERE key = 'name'"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log"), 0);
  EXPECT_TRUE(write_unit(*db_, who_, [](Work& w) { return rename(w, "good"); }).is_ok());
  EXPECT_EQ(count("SELECT COUNT(*) FROM settings WHERE key = 'name'"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log"), 1);
}

TEST_F(UnitOfWork, SubscribersActInThePublishersTransaction) {
  bus_.on<Renamed>([](Work& w, const Renamed& e) {
    w.conn.exec("INSERT INTO settings (key, value) VALUES ('renamed', ?)", {std::to_string(e.id)});
  });
  ASSERT_TRUE(write_unit(*db_, who_, [](Work& w) { return rename(w, "good"); }).is_ok());
  EXPECT_EQ(count("SELECT COUNT(*) FROM settings WHERE key = 'renamed'"), 1);
}

TEST_F(UnitOfWork, ASubscriberThatFailsRollsTheWholeChangeBack) {
  bus_.on<Renamed>([](Work& w, const Renamed&) {
    w.conn.exec("INSERT INTO settings (key, value) VALUES ('first', '1')");
  });
  bus_.on<Renamed>([](Work&, const Renamed&) { throw std::runtime_error("the second subscriber fails"); });
  EXPECT_THROW(write_unit(*db_, who_, [](Work& w) { return rename(w, "good"); }), std::runtime_error);
  EXPECT_EQ(count("SELECT COUNT(*) FROM settings WHERE key IN ('name', 'first')"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log"), 0);
}

TEST_F(UnitOfWork, MailLeavesOnlyWithTheCommit) {
  auto st = write_unit(*db_, who_, [](Work& w) {
    w.mail({"a@example.org", "subject", "body", ""});
    return Status::invalid();
  });
  EXPECT_FALSE(st.is_ok());
  EXPECT_EQ(count("SELECT COUNT(*) FROM mail_outbox"), 0);
  write_unit(*db_, who_, [](Work& w) { w.mail({"a@example.org", "subject", "body", ""}); });
  EXPECT_EQ(count("SELECT COUNT(*) FROM mail_outbox"), 1);
}

}  // namespace
}  // namespace mdsc
