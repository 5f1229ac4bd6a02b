// Attendance rates and warnings on both databases: what counts as attended, the rate over the
// sessions held, whether the rule can still be met, the course's rule (audited, bad input writes
// nothing), and warnings mailed once to the trainee and the secretariat in each one's language.
#include "modules/attendance/rates.h"

#include <gtest/gtest.h>

#include "modules/attendance/operations.h"
#include "modules/attendance/repo.h"
#include "support/admissions_fixture.h"
#include "support/database_with_clerk.h"
#include "support/test_db.h"
#include "support/tokyo.h"
#include "support/units.h"

namespace mdsc::attendance {
namespace {

using testing::tokyo;

TEST(Threshold, TakesAFractionOrAPercentage) {
  EXPECT_EQ(parse_threshold("2/3"), std::make_pair(std::int64_t{2}, std::int64_t{3}));
  EXPECT_EQ(parse_threshold("70%"), std::make_pair(std::int64_t{70}, std::int64_t{100}));
  EXPECT_EQ(parse_threshold("80"), std::make_pair(std::int64_t{80}, std::int64_t{100}));
  EXPECT_EQ(parse_threshold("75％"), std::make_pair(std::int64_t{75}, std::int64_t{100}));
  for (const char* bad : {"", "0", "0/3", "4/3", "101%", "-1", "2/", "/3", "abc", "2/3/4", "66.7%"})
    EXPECT_FALSE(parse_threshold(bad)) << bad;
}

// The course's six Monday sessions from 4 December; the sixth is cancelled, so five count.
constexpr const char* kMondays[] = {"2017-12-04", "2017-12-11", "2017-12-18", "2017-12-25", "2018-01-08", "2018-01-15"};

class Rates : public testing::DatabaseWithClerk {
 protected:
  void seed(db::Conn& c) override {
    c.exec("UPDATE users SET preferred_lang = 'en' WHERE id = ?", {clerk_});
    trainee_ = testing::insert_user(c, "trainee@example.org", "金沢", "太郎", "trainee");
    course_ = testing::insert_course(c, "C1", "医療データ科学概論", 6);
    c.exec("UPDATE courses SET title_en = 'Introduction to medical data science' WHERE id = ?", {course_});
    testing::enroll(c, course_, trainee_);
    const auto term = testing::insert_term(c);
    for (int i = 0; i < 6; ++i)
      sessions_.push_back(
          testing::insert_session(c, term, course_, kMondays[i], "09:00", "10:30", i == 5 ? "cancelled" : "scheduled"));
  }

  // After the n-th session (1-based, one of the five held) has ended.
  static std::int64_t after(int n) { return tokyo(kMondays[n - 1], "10:30:00"); }
  // Operations run by the clerk at `now`.
  testing::Units clerk_units(std::int64_t now) {
    testing::Units units(*db_, now);
    units.act_as_user(clerk_);
    return units;
  }
  void mark_as(int n, Mark m) {
    auto units = clerk_units(after(n));
    ASSERT_TRUE(units.write([&](Work& w) { return mark(w, sessions_[n - 1], trainee_, m, "理由"); }));
  }
  Standing standing(std::int64_t now) {
    return db_->read([&](db::Conn& c) { return rates_of_course(c, course_, now).lines.at(0).standing; });
  }
  int warn(std::int64_t now) {
    testing::Units units(*db_, now);
    return units.write([&](Work& w) { return send_warnings(w); });
  }
  std::int64_t count(const std::string& sql) {
    return db_->read([&](db::Conn& c) { return c.scalar_i64(sql); });
  }

  std::int64_t trainee_ = 0, course_ = 0;
  std::vector<std::int64_t> sessions_;
};

TEST_F(Rates, PresentAndLateCountExcusedOnlyIfTheRuleSaysSo) {
  mark_as(1, Mark::present);
  mark_as(2, Mark::late);
  mark_as(3, Mark::excused);
  Standing s = standing(after(3));
  EXPECT_EQ(s.total, 5) << "a cancelled session does not count";
  EXPECT_EQ(s.held, 3);
  EXPECT_EQ(s.attended, 2);
  EXPECT_EQ(s.excused, 1);
  EXPECT_EQ(s.missed, 0);
  EXPECT_EQ(s.needed, 4) << "⌈5 × 2/3⌉";
  EXPECT_EQ(s.rate_percent(), 66);
  EXPECT_FALSE(s.below()) << "2 of 3 is exactly two thirds";
  EXPECT_TRUE(s.reachable());

  auto units = clerk_units(after(3));
  ASSERT_TRUE(units.write([&](Work& w) { return set_rule(w, course_, "70%", true); }));
  s = standing(after(3));
  EXPECT_EQ(s.attended, 3) << "the course counts excused absences now";
  EXPECT_EQ(s.needed, 4) << "⌈5 × 70%⌉";
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'set_rule'"), 1);
}

TEST_F(Rates, ASessionWithoutARecordIsMissedOnceItHasEnded) {
  mark_as(1, Mark::present);
  Standing during = standing(after(2) - 60);
  EXPECT_EQ(during.held, 1) << "the second session has not ended";
  Standing s = standing(after(3));
  EXPECT_EQ(s.held, 3);
  EXPECT_EQ(s.missed, 2);
  EXPECT_EQ(s.missed_in_row, 2);
  EXPECT_TRUE(s.below());
  EXPECT_FALSE(s.reachable()) << "1 attended and 2 to come: 3 of the 4 needed";
}

TEST_F(Rates, TheRuleCannotBeMetOnceTooManyAreMissed) {
  mark_as(1, Mark::absent);
  mark_as(2, Mark::absent);
  Standing s = standing(after(2));
  EXPECT_EQ(s.attended + (s.total - s.held), 3);
  EXPECT_FALSE(s.reachable()) << "3 sessions left, 4 needed";
}

TEST_F(Rates, AnExcusedAbsenceBreaksARunOfMisses) {
  mark_as(1, Mark::absent);
  mark_as(2, Mark::excused);
  mark_as(3, Mark::absent);
  EXPECT_EQ(standing(after(3)).missed_in_row, 1);
}

TEST_F(Rates, ABadRuleIsRefusedAndNothingIsWritten) {
  auto units = clerk_units(after(1));
  Status st = units.write([&](Work& w) { return set_rule(w, course_, "3/2", false); });
  ASSERT_FALSE(st);
  EXPECT_EQ(st.fields().at("threshold").message_id, "attendance.threshold_invalid");
  EXPECT_EQ(count("SELECT COUNT(*) FROM attendance_rules"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'set_rule'"), 0);
  EXPECT_EQ(units.write([&](Work& w) { return set_rule(w, 999999, "2/3", false); }).code(), Code::not_found);
}

TEST_F(Rates, TwoMissesInARowWarnTheTraineeAndTheSecretariatOnceEachInTheirLanguage) {
  mark_as(1, Mark::present);
  EXPECT_EQ(warn(after(1) + 3600), 0) << "one session attended: nothing to say";
  // Sessions 2 and 3 pass without the trainee: below two thirds (1 of 3) and two in a row.
  EXPECT_EQ(warn(after(3) + 3600), 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM attendance_warnings"), 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM mail_outbox WHERE to_addr = 'trainee@example.org' "
                  "AND subject LIKE '%出席%' AND body LIKE '%2 回続けて欠席%'"),
            1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM mail_outbox WHERE to_addr = 'clerk@example.org' "
                  "AND subject LIKE '%Attendance warning%' AND body LIKE '%Introduction to medical data science%'"),
            2);
  EXPECT_EQ(warn(after(3) + 7200), 0) << "the same warnings are not sent again";
  EXPECT_EQ(warn(after(4) + 3600), 0) << "still below, still missing: already told";
  EXPECT_EQ(count("SELECT COUNT(*) FROM mail_outbox"), 4);
}

TEST_F(Rates, TheRateWarnsFromTheThirdSessionHeldTwoMissesInARowBefore) {
  EXPECT_EQ(warn(after(1) + 3600), 0) << "a missed first session is 0 %, but no warning yet";
  EXPECT_EQ(warn(after(2) + 3600), 1) << "two missed in a row";
  EXPECT_EQ(count("SELECT COUNT(*) FROM attendance_warnings WHERE kind = 'missed_in_row'"), 1);
  EXPECT_EQ(warn(after(3) + 3600), 1) << "below two thirds over three sessions";
  EXPECT_EQ(count("SELECT COUNT(*) FROM attendance_warnings WHERE kind = 'below_threshold'"), 1);
}

TEST_F(Rates, AWarningCountsOnlyCoursesWithARecentSession) {
  EXPECT_EQ(warn(after(5) + 40 * 86400), 0) << "a course that ended more than 30 days ago";
  EXPECT_EQ(warn(after(5) + 86400), 2);
}

}  // namespace
}  // namespace mdsc::attendance
