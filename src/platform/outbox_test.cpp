// Mail leaves only after the change that caused it commits, exactly once across instances.
#include "platform/outbox.h"

#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <set>
#include <thread>

#include "support/test_db.h"

namespace mdsc::mail {
namespace {

class RecordingMailer : public Mailer {
 public:
  bool send(const Message& m) override {
    std::lock_guard lock(mu);
    if (fail_next) {
      fail_next = false;
      return false;
    }
    sent.push_back(m);
    return true;
  }
  std::mutex mu;
  std::vector<Message> sent;
  bool fail_next = false;
};

Message msg(const std::string& to) { return Message{to, "件名", "本文", ""}; }

TEST(Outbox, NothingIsSentForARolledBackChange) {
  auto db = testing::fresh_database();
  EXPECT_THROW(db->write([&](db::Conn& c) {
    enqueue(c, msg("a@example.org"), 100);
    throw std::runtime_error("the change failed after queuing its mail");
  }),
               std::runtime_error);
  RecordingMailer mailer;
  EXPECT_EQ(deliver_pending(*db, mailer, 200), 0);
  EXPECT_TRUE(mailer.sent.empty());
}

TEST(Outbox, CommittedMailIsDeliveredOnceAndRetriedAfterAFailure) {
  auto db = testing::fresh_database();
  db->write([&](db::Conn& c) { enqueue(c, msg("a@example.org"), 100); });
  RecordingMailer mailer;
  mailer.fail_next = true;
  EXPECT_EQ(deliver_pending(*db, mailer, 100), 0);
  EXPECT_EQ(deliver_pending(*db, mailer, 101), 0) << "retried before its backoff";
  EXPECT_EQ(deliver_pending(*db, mailer, 100 + 3600), 1);
  EXPECT_EQ(deliver_pending(*db, mailer, 100 + 7200), 0);
  ASSERT_EQ(mailer.sent.size(), 1u);
  EXPECT_EQ(mailer.sent[0].to, "a@example.org");
  EXPECT_EQ(mailer.sent[0].subject, "件名");
}

TEST(Outbox, TwoInstancesNeverSendOneMessageTwice) {
  auto db = testing::fresh_database();
  db->write([&](db::Conn& c) {
    for (int i = 0; i < 40; ++i) enqueue(c, msg("u" + std::to_string(i) + "@example.org"), 100);
  });
  RecordingMailer a, b;
  std::thread ta([&] { deliver_pending(*db, a, 100); });
  std::thread tb([&] { deliver_pending(*db, b, 100); });
  ta.join();
  tb.join();
  std::set<std::string> seen;
  for (const auto& m : a.sent) EXPECT_TRUE(seen.insert(m.to).second) << m.to;
  for (const auto& m : b.sent) EXPECT_TRUE(seen.insert(m.to).second) << m.to << " sent twice";
  EXPECT_EQ(seen.size(), 40u);
}

}  // namespace
}  // namespace mdsc::mail
