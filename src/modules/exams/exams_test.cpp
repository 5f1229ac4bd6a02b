// Exams on both databases: an exam's checks, scores entered all or nothing with the reason for
// each bad one (a negative score, someone not enrolled, a retake the exam does not allow or that
// follows a pass, a trainee below the attendance rule), audited; the score sheet read from UTF-8
// and CP932; and the face's outcome that completion will use.
#include "modules/exams.h"

#include <gtest/gtest.h>

#include "modules/exams/operations.h"
#include "modules/exams/repo.h"
#include "modules/exams/score_sheet.h"
#include "support/admissions_fixture.h"
#include "support/database_with_clerk.h"
#include "support/test_db.h"
#include "support/tokyo.h"
#include "support/units.h"

namespace mdsc::exams {
namespace {

using testing::tokyo;

class Exams : public testing::DatabaseWithClerk {
 protected:
  void seed(db::Conn& c) override {
    trainee_ = testing::insert_user(c, "trainee@example.org", "金沢", "太郎", "trainee");
    absent_ = testing::insert_user(c, "absent@example.org", "富山", "次郎", "trainee");
    outsider_ = testing::insert_user(c, "outsider@example.org", "石川", "三郎", "trainee");
    course_ = testing::insert_course(c, "C1", "医療データ科学概論", 2);
    other_course_ = testing::insert_course(c, "C2", "統計学", 2);
    for (auto u : {trainee_, absent_}) testing::enroll(c, course_, u);
    const auto term = testing::insert_term(c);
    session_ = testing::insert_session(c, term, course_, "2017-12-04");
    other_session_ = testing::insert_session(c, term, other_course_, "2017-12-05");
    // The trainee attended the course's one session; the other trainee did not.
    c.exec(
        "INSERT INTO attendance (session_id, user_id, status, method, updated_at) VALUES (?, ?, 'present', "
        "'manual', 0)",
        {session_, trainee_});
  }

  template <typename F>
  auto as_clerk(F&& fn) {
    testing::Units units(*db_, tokyo("2017-12-20", "12:00:00"));
    units.act_as_user(clerk_);
    return units.write(std::forward<F>(fn));
  }
  std::int64_t exam(bool retake, bool requires_attendance) {
    Exam e;
    e.course_id = course_;
    e.title = "期末試験";
    e.held_on = "2017-12-18";
    e.max_score = 100;
    e.pass_mark = 60;
    e.retake_allowed = retake;
    e.requires_attendance = requires_attendance;
    auto id = as_clerk([&](Work& w) { return create_exam(w, e); });
    EXPECT_TRUE(id);
    return id ? *id : 0;
  }
  Result<int> enter(std::int64_t exam_id, std::vector<ScoreEntry> entries) {
    return as_clerk([&](Work& w) { return enter_scores(w, exam_id, entries); });
  }
  std::string reason(const Result<int>& r, std::size_t row) {
    const auto& f = r.status().fields();
    const auto it = f.find("row." + std::to_string(row));
    return it == f.end() ? "" : it->second.message_id;
  }
  std::int64_t count(const std::string& sql) {
    return db_->read([&](db::Conn& c) { return c.scalar_i64(sql); });
  }

  std::int64_t trainee_ = 0, absent_ = 0, outsider_ = 0, course_ = 0, other_course_ = 0, session_ = 0,
               other_session_ = 0;
};

TEST_F(Exams, AnExamNeedsADayAPassMarkWithinTheMaximumAndASessionOfItsCourse) {
  Exam e;
  e.course_id = course_;
  e.title = "小テスト";
  e.max_score = 50;
  e.pass_mark = 60;
  auto r = as_clerk([&](Work& w) { return create_exam(w, e); });
  ASSERT_FALSE(r);
  EXPECT_EQ(r.status().fields().at("pass_mark").message_id, "exams.pass_mark_above_max");
  EXPECT_EQ(r.status().fields().at("held_on").message_id, "exams.day_required");
  e.pass_mark = 30;
  e.session_id = other_session_;
  r = as_clerk([&](Work& w) { return create_exam(w, e); });
  ASSERT_FALSE(r);
  EXPECT_EQ(r.status().fields().at("session_id").message_id, "exams.session_of_other_course");
  EXPECT_EQ(count("SELECT COUNT(*) FROM exams"), 0);
  e.session_id = session_;
  r = as_clerk([&](Work& w) { return create_exam(w, e); });
  ASSERT_TRUE(r);
  EXPECT_EQ(db_->read([&](db::Conn& c) { return repo::exam(c, *r)->held_on; }), "2017-12-04")
      << "held on the session's day";
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity = 'exams' AND action = 'create'"), 1);
}

TEST_F(Exams, OneBadScoreRefusesTheWholeBatchWithTheReasonOfEach) {
  const auto id = exam(false, false);
  auto r = enter(id, {{trainee_, 1, "78"},
                      {absent_, 1, "-5"},
                      {outsider_, 1, "50"},
                      {trainee_, 1, "80"},
                      {absent_, 2, "40"},
                      {absent_, 1, "101"},
                      {absent_, 1, "abc"}});
  ASSERT_FALSE(r);
  EXPECT_EQ(reason(r, 0), "");
  EXPECT_EQ(reason(r, 1), "exams.score_range") << "a negative score";
  EXPECT_EQ(reason(r, 2), "exams.not_enrolled");
  EXPECT_EQ(reason(r, 3), "exams.duplicate_row");
  EXPECT_EQ(reason(r, 4), "exams.no_retake");
  EXPECT_EQ(reason(r, 5), "exams.score_range") << "above the maximum";
  EXPECT_EQ(reason(r, 6), "exams.score_range");
  EXPECT_EQ(count("SELECT COUNT(*) FROM exam_results"), 0) << "nothing is written";
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity = 'exam_results'"), 0);

  auto ok = enter(id, {{trainee_, 1, "78"}, {absent_, 1, "40"}});
  ASSERT_TRUE(ok) << ok.status().message_id();
  EXPECT_EQ(*ok, 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM exam_results WHERE passed = 1"), 1);
  auto again = enter(id, {{trainee_, 1, "78"}, {absent_, 1, "45"}});
  EXPECT_EQ(*again, 1) << "an unchanged score is not written again";
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity = 'exam_results' AND action = 'update' "
                  "AND changes LIKE '%45%'"),
            1);
}

TEST_F(Exams, ARetakeFollowsAFailedFirstAttemptOnly) {
  const auto id = exam(true, false);
  auto early = enter(id, {{absent_, 2, "70"}});
  EXPECT_EQ(reason(early, 0), "exams.retake_needs_failed_first") << "no first attempt yet";
  ASSERT_TRUE(enter(id, {{trainee_, 1, "78"}, {absent_, 1, "40"}}));
  EXPECT_EQ(reason(enter(id, {{trainee_, 2, "90"}}), 0), "exams.retake_needs_failed_first") << "passed already";
  ASSERT_TRUE(enter(id, {{absent_, 2, "70"}}));
  const auto o = db_->read([&](db::Conn& c) { return outcome(c, course_, absent_); });
  EXPECT_EQ(o.exams, 1);
  EXPECT_TRUE(o.all_passed()) << "the retake passed";
}

TEST_F(Exams, ATraineeBelowTheAttendanceRuleMayNotSitAnExamThatRequiresIt) {
  const auto id = exam(false, true);
  auto r = enter(id, {{trainee_, 1, "78"}, {absent_, 1, "90"}});
  ASSERT_FALSE(r);
  EXPECT_EQ(reason(r, 0), "");
  EXPECT_EQ(reason(r, 1), "exams.not_eligible");
  EXPECT_EQ(r.status().fields().at("row.1").args.at("rate"), "0");
  EXPECT_EQ(r.status().fields().at("row.1").args.at("threshold"), "2/3");
  ASSERT_TRUE(enter(id, {{trainee_, 1, "78"}}));
  EXPECT_FALSE(db_->read([&](db::Conn& c) { return outcome(c, course_, absent_); }).all_passed());
  EXPECT_TRUE(db_->read([&](db::Conn& c) { return outcome(c, course_, trainee_); }).all_passed());
  EXPECT_TRUE(db_->read([&](db::Conn& c) { return outcome(c, other_course_, trainee_); }).all_passed())
      << "a course without exams has nothing to fail";
}

TEST(ScoreSheet, ReadsUtf8AndCp932ByTheirHeadersAndListsEveryRowItCannotTake) {
  const std::vector<curriculum::RosterEntry> roster{{1, "金沢 太郎", "カナザワ タロウ", "taro@example.org"},
                                                    {2, "富山 次郎", "トヤマ ジロウ", "jiro@example.org"}};
  auto utf8 = read_score_sheet(
      "\xEF\xBB\xBF氏名,メールアドレス,受験回,点数\r\n金沢 太郎,Taro@Example.org,1,78\r\n富山 "
      "次郎,jiro@example.org,,\r\n"
      "誰か,nobody@example.org,1,50\r\n",
      roster);
  ASSERT_TRUE(utf8);
  ASSERT_EQ(utf8->entries.size(), 1u) << "a blank score is skipped";
  EXPECT_EQ(utf8->entries[0].user_id, 1);
  EXPECT_EQ(utf8->entries[0].score, "78");
  EXPECT_EQ(utf8->entries[0].line, 2u);
  ASSERT_EQ(utf8->row_errors.size(), 1u);
  EXPECT_EQ(utf8->row_errors.at(4).message_id, "exams.unknown_trainee");

  // Excel's "CSV (カンマ区切り)": 氏名,メールアドレス,点数 in CP932.
  auto cp932 = read_score_sheet(
      "\x8e\x81\x96\xbc,\x83\x81\x81[\x83\x8b\x83\x41\x83h\x83\x8c\x83X,\x93_\x90\x94\r\n"
      "\x8b\xe0\x91\xf2 \x91\xbe\x98Y,taro@example.org,65\r\n",
      roster);
  ASSERT_TRUE(cp932) << cp932.status().message_id();
  ASSERT_EQ(cp932->entries.size(), 1u);
  EXPECT_EQ(cp932->entries[0].score, "65");
  EXPECT_EQ(cp932->names[0], "金沢 太郎");

  auto no_score = read_score_sheet("email,name\r\ntaro@example.org,x\r\n", roster);
  ASSERT_FALSE(no_score);
  EXPECT_EQ(no_score.status().message_id(), "exams.csv_missing_score");
}

}  // namespace
}  // namespace mdsc::exams
