// The checks of a hand move, on a small term built in memory: each hard rule refuses the move with
// a reason naming what is in the way; a room too small and an instructor's wish only warn.
#include "modules/timetable/planning/edits.h"

#include <gtest/gtest.h>

#include "modules/timetable/planning/edit_views.h"

namespace mdsc::timetable {
namespace {

curriculum::Course course(std::int64_t id, std::string code, std::string category, std::string track, std::string band,
                          std::vector<std::int64_t> instructors) {
  curriculum::Course k;
  k.id = id;
  k.fiscal_year = 2017;
  k.code = code;
  k.title_ja = code + "の講義";
  k.category = category;
  k.track = track;
  k.time_band = band;
  k.periods = 4;
  for (auto i : instructors) {
    curriculum::CourseInstructor ci;
    ci.instructor_id = i;
    ci.instructor.id = i;
    ci.instructor.family_name = "講師" + std::to_string(i);
    k.instructors.push_back(ci);
  }
  return k;
}

EditContext small_term() {
  EditContext e;
  auto& t = e.data.term;
  t.id = 1;
  t.fiscal_year = 2017;
  t.starts_on = "2018-01-04";
  t.ends_on = "2018-01-31";
  t.periods = {{"daytime", 1, "09:00", "10:30"}, {"daytime", 2, "10:40", "12:10"}, {"evening", 1, "18:00", "19:30"}};
  t.closed_days = {{"2018-01-12", "入試"}};
  e.data.courses = {course(1, "C1", "common", "", "daytime", {7}), course(2, "C2", "common", "", "daytime", {8}),
                    course(3, "B1", "specialised", "bigdata_medicine", "evening", {7}),
                    course(4, "A1", "specialised", "ai_drug_discovery", "daytime", {9})};
  e.data.courses[3].enrolled = 50;
  e.data.rooms = {{10, "講義室", 80, "", true}, {11, "演習室", 20, "", true}};
  e.data.enrolled = {{2, 100}, {4, 100}, {4, 101}};
  Unavailability u;
  u.instructor_id = 9;
  u.weekday = 3;  // Wednesdays
  u.reason = "教授会";
  e.data.unavailability[9] = {u};
  Unavailability wish;
  wish.instructor_id = 8;
  wish.day = "2018-01-16";
  wish.strength = "avoid";
  e.data.unavailability[8] = {wish};
  CourseRule rule;
  rule.course_id = 2;
  rule.weekdays = "1010100";  // Mon, Wed, Fri
  e.data.rules[2] = rule;
  return e;
}

std::string reasons(const std::vector<Clash>& list) {
  std::string out;
  for (const auto& c : list) out += clash_text("ja", c) + "\n";
  return out;
}

class Move : public ::testing::Test {
 protected:
  EditContext e = small_term();
  // Tuesday 2018-01-09, daytime 1: C1 in 講義室; A1 on Thursday 11th.
  std::vector<Placed> placed{{1, 1, "2018-01-09", "daytime", 1, 10, false}, {2, 4, "2018-01-11", "daytime", 1, 11, false},
                             {3, 2, "2018-01-15", "daytime", 2, 11, false}};
  MoveCheck to(const Placed& p, std::string day, std::string band, int pos, std::int64_t room) {
    return check_move(e, placed, p, {day, band, pos, room});
  }
};

TEST_F(Move, AFreeTeachingPeriodOfTheBandIsAccepted) {
  auto ok = to(placed[1], "2018-01-09", "daytime", 2, 10);
  EXPECT_TRUE(ok.ok()) << reasons(ok.clashes);
}

TEST_F(Move, DaysWithoutTeachingAreRefusedWithWhatTheyAre) {
  EXPECT_NE(reasons(to(placed[0], "2018-01-08", "daytime", 1, 11).clashes).find("成人の日"), std::string::npos);
  EXPECT_NE(reasons(to(placed[0], "2018-01-12", "daytime", 1, 11).clashes).find("入試"), std::string::npos);
  EXPECT_NE(reasons(to(placed[0], "2018-01-13", "daytime", 1, 11).clashes).find("土曜日"), std::string::npos);
  EXPECT_NE(reasons(to(placed[0], "2018-02-01", "daytime", 1, 11).clashes).find("期間"), std::string::npos);
}

TEST_F(Move, TheBandTheWeekdayRuleAndTheInstructorsUnavailabilityAreRules) {
  EXPECT_NE(reasons(to(placed[0], "2018-01-10", "evening", 1, 11).clashes).find("日中の科目"), std::string::npos);
  EXPECT_NE(reasons(to(placed[2], "2018-01-16", "daytime", 2, 11).clashes).find("火曜日には開講しない"), std::string::npos);
  const auto wednesday = to(placed[1], "2018-01-17", "daytime", 2, 10);
  ASSERT_EQ(wednesday.clashes.size(), 1u) << reasons(wednesday.clashes);
  EXPECT_NE(reasons(wednesday.clashes).find("講師9先生は毎週水曜日に都合がつきません（教授会）"), std::string::npos)
      << reasons(wednesday.clashes);
}

TEST_F(Move, WhatIsAlreadyInThePeriodIsNamed) {
  // Into C1's period: the room, the common subjects' curriculum.
  auto into_c1 = to(placed[2], "2018-01-09", "daytime", 1, 10);
  const auto text = reasons(into_c1.clashes);
  EXPECT_NE(text.find("講義室は日中 1に「C1の講義」で使用中です"), std::string::npos) << text;
  EXPECT_NE(text.find("共通科目の「C1の講義」"), std::string::npos) << text;
  // A1 beside C2 on a Monday shares a trainee; B1 in the evening shares C1's instructor only when in C1's period.
  Placed a1 = placed[1];
  auto beside_c2 = to(a1, "2018-01-15", "daytime", 2, 10);
  EXPECT_NE(reasons(beside_c2.clashes).find("研修生が1名"), std::string::npos) << reasons(beside_c2.clashes);
  Placed b1{9, 3, "2018-01-10", "evening", 1, 10, false};
  std::vector<Placed> with_c1_evening = placed;
  with_c1_evening.push_back({10, 1, "2018-01-16", "evening", 1, 11, false});  // (C1 in the evening: an imported oddity)
  auto busy = check_move(e, with_c1_evening, b1, {"2018-01-16", "evening", 1, 10});
  EXPECT_NE(reasons(busy.clashes).find("講師7先生は同じ時限に「C1の講義」を担当"), std::string::npos) << reasons(busy.clashes);
}

TEST_F(Move, WhileTheTermIsUnderWayHeldSessionsStayAndNothingMovesIntoThePast) {
  e.today = "2018-01-10";
  EXPECT_NE(reasons(to(placed[0], "2018-01-16", "daytime", 2, 11).clashes).find("実施済み"), std::string::npos)
      << "C1 was held on the 9th";
  EXPECT_NE(reasons(to(placed[1], "2018-01-09", "daytime", 2, 10).clashes).find("過去の日付"), std::string::npos);
  EXPECT_TRUE(to(placed[1], "2018-01-16", "daytime", 2, 10).ok());
  e.today = "2018-03-10";  // after the term: records may be corrected
  EXPECT_TRUE(to(placed[0], "2018-01-16", "daytime", 2, 11).ok());
}

TEST_F(Move, MoreThanTheWeeklyCapOrTwoPeriodsADayOnlyWarn) {
  CourseRule cap;
  cap.course_id = 1;
  cap.max_per_week = 2;
  e.data.rules[1] = cap;
  placed.push_back({4, 1, "2018-01-10", "daytime", 1, 10, false});   // C1 on Tuesday 9th and Wednesday 10th
  placed.push_back({5, 1, "2018-01-17", "daytime", 1, 10, false});   // and the next Wednesday
  auto third = to(placed[4], "2018-01-11", "daytime", 2, 10);        // the 17th's session into the week of the 9th
  EXPECT_TRUE(third.ok()) << reasons(third.clashes);
  EXPECT_NE(reasons(third.warnings).find("今週3コマ"), std::string::npos) << reasons(third.warnings);
  auto same_week = to(placed[3], "2018-01-11", "daytime", 2, 10);    // within its own week: still 2
  EXPECT_TRUE(same_week.warnings.empty()) << reasons(same_week.warnings);
  placed.push_back({6, 1, "2018-01-09", "daytime", 2, 11, false});
  auto three_a_day = to(placed[4], "2018-01-09", "evening", 1, 10);
  EXPECT_NE(reasons(three_a_day.warnings).find("1日に3コマ"), std::string::npos) << reasons(three_a_day.warnings);
}

TEST_F(Move, ASmallRoomAndAnInstructorsWishOnlyWarn) {
  auto small = to(placed[1], "2018-01-09", "daytime", 2, 11);
  EXPECT_TRUE(small.ok()) << reasons(small.clashes);
  EXPECT_NE(reasons(small.warnings).find("演習室の定員は20名"), std::string::npos);
  auto wish = to(placed[2], "2018-01-17", "daytime", 1, 10);  // C2 on a Wednesday: allowed; 8's wish is the 16th
  EXPECT_TRUE(wish.warnings.empty());
  auto tuesday = to(placed[2], "2018-01-16", "daytime", 1, 10);
  EXPECT_NE(reasons(tuesday.clashes).find("火曜日には開講しない"), std::string::npos);
  EXPECT_NE(reasons(tuesday.warnings).find("講師8先生は2018-01-16をできれば避けたい"), std::string::npos) << reasons(tuesday.warnings);
}

}  // namespace
}  // namespace mdsc::timetable
