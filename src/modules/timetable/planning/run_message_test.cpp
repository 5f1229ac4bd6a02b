// Why a run gave no timetable, stored once and read in each reader's language, naming the courses,
// the date and period, and the curriculum or instructor in platform terms.
#include <gtest/gtest.h>

#include "modules/timetable/planning/run_message.h"

namespace mdsc::timetable {
namespace {

PlanningData data() {
  PlanningData d;
  curriculum::Course a, b;
  a.id = 11;
  a.title_ja = "ゲノム医療";
  a.title_en = "Genomic medicine";
  curriculum::CourseInstructor ci;
  ci.instructor_id = 7;
  ci.instructor.family_name = "田宮";
  ci.instructor.given_name = "元";
  ci.instructor.romaji_name = "Gen TAMIYA";
  a.instructors = {ci};
  b.id = 12;
  b.title_ja = "医療画像AI";
  d.courses = {a, b};
  return d;
}

BuiltInstance built() {
  BuiltInstance b;
  b.instance.days = 1;
  b.instance.periods_per_day = 2;
  b.days = {"2018-01-16"};
  b.slots = {{"evening", 1, "18:00", "19:30"}, {"evening", 2, "19:40", "21:10"}};
  b.course_ids = {11, 12};
  return b;
}

TEST(RunMessage, TheDiagnosisIsPutIntoWordsInTheReadersLanguage) {
  ctt::Diagnosis d;
  d.impossible.push_back({ctt::Blocker::Kind::teacher, {0, 1}, "instructor-7", -1, "teacher ..."});
  d.residual.push_back({ctt::Blocker::Kind::curriculum, {0, 1}, "bigdata_medicine", 1, "courses ... clash"});
  const std::string stored = run_message(built(), d);
  const auto ja = run_message_lines(stored, data(), "ja");
  ASSERT_EQ(ja.size(), 3u);
  EXPECT_EQ(ja[0], "田宮 元先生の担当科目（「ゲノム医療」、「医療画像AI」）を置く時限が足りません。");
  EXPECT_EQ(ja[1], "「ゲノム医療」、「医療画像AI」が2018-01-16 夜間 2に重なっています（ビッグデータ医療コース）。");
  EXPECT_NE(ja[2].find("講師の都合"), std::string::npos);
  const auto en = run_message_lines(stored, data(), "en");
  EXPECT_NE(en[0].find("the courses Gen TAMIYA teaches"), std::string::npos) << en[0];
  EXPECT_NE(en[1].find("Genomic medicine"), std::string::npos) << en[1];
}

TEST(RunMessage, APlainReasonAndAnOldFreeTextMessageAreShownToo) {
  EXPECT_EQ(run_message_lines(run_message("timetable.why.server_stopped"), data(), "ja"),
            std::vector<std::string>{"サーバーが停止したため中断しました。"});
  EXPECT_EQ(run_message_lines("unresolved: courses B1 and B2 clash", data(), "en"),
            std::vector<std::string>{"unresolved: courses B1 and B2 clash"});
  EXPECT_TRUE(run_message_lines("", data(), "ja").empty());
}

}  // namespace
}  // namespace mdsc::timetable
