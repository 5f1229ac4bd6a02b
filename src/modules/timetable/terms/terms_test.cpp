// Terms on both databases: which days can hold sessions (holidays, the year-end break, closed
// days, weekdays), the period grid, and rooms; bad input changes nothing.
#include <gtest/gtest.h>

#include "modules/timetable/terms/operations.h"
#include "modules/timetable/terms/repo.h"
#include "support/test_db.h"
#include "support/units.h"

namespace mdsc::timetable {
namespace {

constexpr std::int64_t kNow = 1509000000;  // 2017-10-26

Term fy2017_trial() {
  Term t;
  t.fiscal_year = 2017;
  t.name = "2017年度 試行期間";
  t.starts_on = "2017-12-01";
  t.ends_on = "2018-02-28";
  return t;
}

class Terms : public ::testing::Test {
 protected:
  void SetUp() override { db_ = testing::fresh_database(); }
  std::int64_t audit_count() {
    return db_->read([](db::Conn& c) { return c.scalar_i64("SELECT COUNT(*) FROM audit_log"); });
  }
  // Runs an operation in a unit of work of its own, as a request would.
  template <typename F>
  auto unit(F&& fn, std::int64_t now = kNow) {
    testing::Units units(*db_, now);
    units.act_as(actor_);
    return units.write(std::forward<F>(fn));
  }
  std::unique_ptr<db::Database> db_;
  audit::Actor actor_ = audit::Actor::system("test");
};

std::string status_of(const Term& t, const std::string& iso) {
  for (const auto& d : term_days(t))
    if (d.iso == iso) return d.status;
  return "outside";
}

TEST_F(Terms, TheFy2017TrialHasNoTeachingOnHolidaysTheBreakOrWeekends) {
  auto id = unit([&](Work& w) { return save_term(w, fy2017_trial()); });
  ASSERT_TRUE(id) << id.status().message_id();
  auto t = db_->read([&](db::Conn& c) { return repo::term(c, *id); });
  ASSERT_TRUE(t);
  EXPECT_EQ(t->periods.size(), 7u) << "the default grid";
  EXPECT_EQ(status_of(*t, "2017-12-01"), "teaching");   // a Friday
  EXPECT_EQ(status_of(*t, "2017-12-02"), "no_teaching");  // Saturday
  EXPECT_EQ(status_of(*t, "2017-12-23"), "holiday");     // the Emperor's Birthday, on a Saturday
  EXPECT_EQ(status_of(*t, "2017-12-28"), "teaching");
  for (const char* d : {"2017-12-29", "2018-01-02", "2018-01-03"}) EXPECT_EQ(status_of(*t, d), "year_end") << d;
  EXPECT_EQ(status_of(*t, "2018-01-01"), "holiday");     // New Year's Day shows as the holiday it is
  EXPECT_EQ(status_of(*t, "2018-01-04"), "teaching");
  EXPECT_EQ(status_of(*t, "2018-01-08"), "holiday");     // Coming of Age Day
  EXPECT_EQ(status_of(*t, "2018-02-12"), "holiday");     // substitute for National Foundation Day
  EXPECT_EQ(status_of(*t, "2018-03-01"), "outside");
  // Weekdays Dec 1 – Feb 28: 64, minus Dec 29, Jan 1–3 (break/holiday), Jan 8 and Feb 12.
  EXPECT_EQ(teaching_day_count(*t), 58);
}

TEST_F(Terms, AClosedDayIsNoTeachingDayAndIsAudited) {
  auto id = unit([&](Work& w) { return save_term(w, fy2017_trial()); });
  ASSERT_TRUE(id);
  const auto before = audit_count();
  ASSERT_TRUE(unit([&](Work& w) {
                return add_closed_day(w, *id, {"2018-01-19", "大学入試センター試験準備"});
              }).is_ok());
  EXPECT_EQ(audit_count(), before + 1);
  auto t = db_->read([&](db::Conn& c) { return repo::term(c, *id); });
  EXPECT_EQ(status_of(*t, "2018-01-19"), "closed");
  EXPECT_EQ(teaching_day_count(*t), 57);

  auto twice = unit([&](Work& w) { return add_closed_day(w, *id, {"2018-01-19", ""}); });
  EXPECT_EQ(twice.fields().count("day"), 1u);
  auto outside = unit([&](Work& w) { return add_closed_day(w, *id, {"2018-03-05", ""}); });
  EXPECT_EQ(outside.fields().count("day"), 1u);
  auto bad = unit([&](Work& w) { return add_closed_day(w, *id, {"2018-02-30", ""}); });
  EXPECT_EQ(bad.fields().count("day"), 1u);
  EXPECT_EQ(audit_count(), before + 1);

  ASSERT_TRUE(unit([&](Work& w) { return remove_closed_day(w, *id, "2018-01-19"); }).is_ok());
  EXPECT_EQ(audit_count(), before + 2);
  EXPECT_EQ(unit([&](Work& w) { return remove_closed_day(w, *id, "2018-01-19"); }).code(), Code::not_found);
}

TEST_F(Terms, BadTermsNameTheFieldAndWriteNothing) {
  auto expect_field = [&](Term t, const char* field) {
    const auto before = audit_count();
    auto r = unit([&](Work& w) { return save_term(w, t); });
    ASSERT_FALSE(r) << field;
    EXPECT_EQ(r.status().fields().count(field), 1u) << field;
    EXPECT_EQ(audit_count(), before);
    EXPECT_EQ(db_->read([](db::Conn& c) { return c.scalar_i64("SELECT COUNT(*) FROM terms"); }), 0);
  };
  Term t = fy2017_trial();
  t.ends_on = "2017-11-30";
  expect_field(t, "ends_on");
  t = fy2017_trial();
  t.ends_on = "2018-04-02";  // FY2018
  expect_field(t, "ends_on");
  t = fy2017_trial();
  t.starts_on = "2017/12/01";
  expect_field(t, "starts_on");
  t = fy2017_trial();
  t.name = "";
  expect_field(t, "name");
  t = fy2017_trial();
  t.teaching_weekdays = "0000000";
  expect_field(t, "teaching_weekdays");
  t = fy2017_trial();
  t.periods = {{"evening", 1, "17:00", "18:30"}};  // evening starts at 18:00
  expect_field(t, "periods");
  t = fy2017_trial();
  t.periods = {{"daytime", 1, "09:00", "10:30"}, {"daytime", 2, "10:00", "11:30"}};  // overlapping
  expect_field(t, "periods");
}

TEST_F(Terms, ATermNameIsUniqueWithinItsYearAndAnUpdateKeepsClosedDays) {
  auto id = unit([&](Work& w) { return save_term(w, fy2017_trial()); });
  ASSERT_TRUE(id);
  ASSERT_TRUE(unit([&](Work& w) { return add_closed_day(w, *id, {"2018-01-19", ""}); }).is_ok());
  auto dup = unit([&](Work& w) { return save_term(w, fy2017_trial()); });
  ASSERT_FALSE(dup);
  EXPECT_EQ(dup.status().fields().count("name"), 1u);

  Term t = fy2017_trial();
  t.id = *id;
  t.ends_on = "2018-03-09";
  t.teaching_weekdays = "1111110";  // Saturdays too
  t.periods = {{"daytime", 1, "09:30", "11:00"}, {"evening", 1, "18:30", "20:00"}};
  ASSERT_TRUE(unit([&](Work& w) { return save_term(w, t); }));
  auto stored = db_->read([&](db::Conn& c) { return repo::term(c, *id); });
  EXPECT_EQ(stored->ends_on, "2018-03-09");
  EXPECT_EQ(stored->periods.size(), 2u);
  EXPECT_EQ(stored->closed_days.size(), 1u);
  EXPECT_EQ(status_of(*stored, "2017-12-02"), "teaching");
}

TEST_F(Terms, RoomsHaveUniqueNamesAndAPositiveCapacity) {
  Room r{0, "第1セミナー室", 40, "医学部 教育研究棟 2階", true};
  auto id = unit([&](Work& w) { return save_room(w, r); });
  ASSERT_TRUE(id);
  auto dup = unit([&](Work& w) { return save_room(w, r); });
  ASSERT_FALSE(dup);
  EXPECT_EQ(dup.status().fields().count("name"), 1u);
  Room empty{0, "第2セミナー室", 0, "", true};
  auto zero = unit([&](Work& w) { return save_room(w, empty); });
  ASSERT_FALSE(zero);
  EXPECT_EQ(zero.status().fields().count("capacity"), 1u);
  r.id = *id;
  r.capacity = 60;
  ASSERT_TRUE(unit([&](Work& w) { return save_room(w, r); }));
  auto rooms = db_->read([](db::Conn& c) { return repo::rooms(c); });
  ASSERT_EQ(rooms.size(), 1u);
  EXPECT_EQ(rooms[0].capacity, 60);
}

}  // namespace
}  // namespace mdsc::timetable
