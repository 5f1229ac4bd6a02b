// The .ctt and solution formats: what is read, and the line named when input is wrong.
#include "ctt/ctt_format.h"

#include <gtest/gtest.h>

#include "ctt/test_util.h"

namespace mdsc::ctt {
namespace {

using testing::load;
using testing::read_data;

TEST(CttFormat, ReadsTheToyInstance) {
  Instance in = load("toy.ctt");
  EXPECT_EQ(in.name, "ToyExample");
  ASSERT_EQ(in.courses.size(), 4u);
  ASSERT_EQ(in.rooms.size(), 2u);
  EXPECT_EQ(in.days, 5);
  EXPECT_EQ(in.periods_per_day, 4);
  EXPECT_EQ(in.periods(), 20);
  ASSERT_EQ(in.curricula.size(), 2u);

  EXPECT_EQ(in.courses[2].name, "TecCos");
  EXPECT_EQ(in.courses[2].teacher, "Rosa");
  EXPECT_EQ(in.courses[2].lectures, 5);
  EXPECT_EQ(in.courses[2].min_working_days, 4);
  EXPECT_EQ(in.courses[2].students, 40);
  EXPECT_EQ(in.rooms[1].name, "B");
  EXPECT_EQ(in.rooms[1].capacity, 50);
  EXPECT_EQ(in.curricula[1].name, "Cur2");
  EXPECT_EQ(in.curricula[1].courses, (std::vector<int>{2, 3}));
  EXPECT_EQ(in.teachers.size(), 4u);
  EXPECT_EQ(in.total_lectures(), 16);

  int unavailable = 0;
  for (auto u : in.unavailable) unavailable += u;
  EXPECT_EQ(unavailable, 8);
  EXPECT_FALSE(in.is_available(2, 2 * 4 + 0));  // TecCos 2 0
  EXPECT_FALSE(in.is_available(1, 4 * 4 + 3));  // ArcTec 4 3
  EXPECT_TRUE(in.is_available(0, 0));
}

TEST(CttFormat, ReadsTheCompetitionInstances) {
  const int courses[] = {30, 82, 72, 79, 54, 108, 131};
  for (int i = 1; i <= 7; ++i) {
    Instance in = load("comp0" + std::to_string(i) + ".ctt");
    EXPECT_EQ(static_cast<int>(in.courses.size()), courses[i - 1]) << i;
  }
}

TEST(CttFormat, SharedTeacherIsOneTeacher) {
  Instance in = testing::parse_or_fail(
      "Name: T\nCourses: 2\nRooms: 1\nDays: 1\nPeriods_per_day: 2\nCurricula: 0\nConstraints: 0\n"
      "COURSES:\na X 1 1 1\nb X 1 1 1\nROOMS:\nr 5\nCURRICULA:\nUNAVAILABILITY_CONSTRAINTS:\nEND.\n");
  EXPECT_EQ(in.teachers.size(), 1u);
  EXPECT_EQ(in.courses[0].teacher_index, in.courses[1].teacher_index);
}

struct BadCase {
  const char* what;
  std::string text;
  int line;
  const char* message_part;
};

std::string replace(std::string text, const std::string& from, const std::string& to) {
  auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  return text.replace(at, from.size(), to);
}

TEST(CttFormat, MalformedInputNamesTheLine) {
  const std::string toy = read_data("toy.ctt");
  const BadCase cases[] = {
      {"not a number", replace(toy, "TecCos Rosa 5 4 40", "TecCos Rosa five 4 40"), 12, "whole number"},
      {"negative", replace(toy, "B 50", "B -50"), 17, "at least 0"},
      {"unknown course in a curriculum", replace(toy, "Cur2 2 TecCos Geotec", "Cur2 2 TecCos Geotech"), 21,
       "unknown course 'Geotech'"},
      {"day out of range", replace(toy, "ArcTec   4  1", "ArcTec   5  1"), 29, "day 5 is out of range"},
      {"period out of range", replace(toy, "TecCos 3 3", "TecCos 3 4"), 27, "period 4 is out of range"},
      {"duplicate course", replace(toy, "Geotec Scarlatti", "ArcTec Scarlatti"), 13, "listed twice"},
      {"missing section", replace(toy, "ROOMS:", "ROOMZ:"), 15, "expected 'ROOMS:'"},
      {"truncated", toy.substr(0, toy.find("END.")), 0, "the file ends"},
      {"trailing text", toy + "\nextra\n", 35, "after END."},
      {"wrong header", replace(toy, "Days: 5", "Dayz: 5"), 4, "expected 'Days:'"},
      {"zero days", replace(toy, "Days: 5", "Days: 0"), 4, "at least 1"},
  };
  for (const auto& c : cases) {
    auto parsed = parse_ctt(c.text);
    ASSERT_FALSE(parsed) << c.what;
    EXPECT_NE(parsed.error.message.find(c.message_part), std::string::npos) << c.what << ": " << parsed.error.message;
    if (c.line > 0) {
      EXPECT_EQ(parsed.error.line, c.line) << c.what << ": " << parsed.error.to_string();
      EXPECT_EQ(parsed.error.to_string().rfind("line " + std::to_string(c.line) + ": ", 0), 0u)
          << parsed.error.to_string();
    }
  }
}

TEST(CttFormat, SolutionsReadAndWriteTheOfficialFormat) {
  Instance in = load("toy.ctt");
  auto parsed = parse_solution(in, "SceCosC B 0 1\nTecCos A 4 3\n\n");
  ASSERT_TRUE(parsed) << parsed.error.to_string();
  ASSERT_EQ(parsed.solution->lectures.size(), 2u);
  EXPECT_EQ(parsed.solution->lectures[1].course, 2);
  EXPECT_EQ(parsed.solution->lectures[1].room, 0);
  EXPECT_EQ(parsed.solution->lectures[1].period, 19);
  EXPECT_EQ(format_solution(in, *parsed.solution), "SceCosC B 0 1\nTecCos A 4 3\n");

  Instance comp = load("comp03.ctt");
  std::string text = read_data("comp03.sol");
  auto sol = parse_solution(comp, text);
  ASSERT_TRUE(sol);
  EXPECT_TRUE(sol.warnings.empty());
  auto again = parse_solution(comp, format_solution(comp, *sol.solution));
  ASSERT_TRUE(again);
  EXPECT_EQ(format_solution(comp, *again.solution), format_solution(comp, *sol.solution));
}

TEST(CttFormat, SolutionEntriesTheValidatorSkipsAreWarnings) {
  Instance in = load("toy.ctt");
  auto parsed = parse_solution(in,
                               "SceCosC B 0 1\n"
                               "Nope B 0 1\n"
                               "SceCosC Z 0 2\n"
                               "SceCosC A 9 2\n"
                               "SceCosC A 0 7\n"
                               "SceCosC A 0 1\n");
  ASSERT_TRUE(parsed);
  EXPECT_EQ(parsed.solution->lectures.size(), 1u);
  ASSERT_EQ(parsed.warnings.size(), 5u);
  EXPECT_EQ(parsed.warnings[0], "line 2: unknown course Nope (entry skipped)");
  EXPECT_NE(parsed.warnings[1].find("unknown room Z"), std::string::npos);
  EXPECT_NE(parsed.warnings[4].find("line 6: a second lecture of SceCosC"), std::string::npos);
}

TEST(CttFormat, MalformedSolutionNamesTheLine) {
  Instance in = load("toy.ctt");
  auto three = parse_solution(in, "SceCosC B 0 1\nSceCosC B 0\n");
  ASSERT_FALSE(three);
  EXPECT_EQ(three.error.to_string(), "line 2: expected 'course room day period', found 3 fields");
  auto word = parse_solution(in, "SceCosC B 0 one\n");
  ASSERT_FALSE(word);
  EXPECT_EQ(word.error.line, 1);
}

}  // namespace
}  // namespace mdsc::ctt
