// The audit log on both databases: filters by day are Asia/Tokyo days, as the log shows its times.
#include <gtest/gtest.h>

#include <set>

#include "core/clock.h"
#include "platform/audit.h"
#include "support/test_db.h"
#include "support/tokyo.h"

namespace mdsc::audit {
namespace {

using testing::utc;

TEST(AuditLog, ADayFilterMeansTheDayInTokyo) {
  auto db = testing::fresh_database();
  const Actor actor = Actor::system("test");
  db->write([&](db::Conn& c) {
    // 2017-12-01 08:30 in Tokyo is still 2017-11-30 in UTC; 2017-12-02 08:59:59 in Tokyo is 2017-12-01 in UTC.
    record(c, actor, "create", "thing", "early", {}, {{"n", 1}}, utc("2017-11-30T23:30:00Z"));
    record(c, actor, "create", "thing", "dawn", {}, {{"n", 2}}, utc("2017-11-30T15:00:00Z"));
    record(c, actor, "create", "thing", "night", {}, {{"n", 3}}, utc("2017-12-01T14:59:59Z"));
    record(c, actor, "create", "thing", "next-day", {}, {{"n", 4}}, utc("2017-12-01T15:00:00Z"));
    record(c, actor, "create", "thing", "day-before", {}, {{"n", 5}}, utc("2017-11-30T14:59:59Z"));
  });
  auto ids = [&](const std::string& from, const std::string& to) {
    Filter f;
    f.from_date = from;
    f.to_date = to;
    std::set<std::string> out;
    db->read([&](db::Conn& c) {
      for (const auto& e : list(c, f)) out.insert(e.entity_id);
      EXPECT_EQ(count(c, f), static_cast<long>(out.size()));
    });
    return out;
  };
  EXPECT_EQ(ids("2017-12-01", "2017-12-01"), (std::set<std::string>{"early", "dawn", "night"}));
  EXPECT_EQ(ids("2017-12-02", ""), (std::set<std::string>{"next-day"}));
  EXPECT_EQ(ids("", "2017-11-30"), (std::set<std::string>{"day-before"}));
}

}  // namespace
}  // namespace mdsc::audit
