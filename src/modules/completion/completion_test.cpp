// Completion: the rule with its reasons. Pure cases of the judgement (a common course missed,
// attendance short, an exam failed, no track complete, the nearest track's gaps), then the year's
// list on both databases from real enrollments, attendance and exams, and the rule's change
// audited.
#include <gtest/gtest.h>

#include "modules/completion/operations.h"
#include "modules/completion/repo.h"
#include "modules/completion/verdicts.h"
#include "support/admissions_fixture.h"
#include "support/database_with_clerk.h"
#include "support/test_db.h"
#include "support/tokyo.h"
#include "support/units.h"

namespace mdsc::completion {
namespace {

CourseInfo course(std::int64_t id, const char* code, const char* category, const char* track = "") {
  return {id, code, code, code, category, track};
}

// Passed: enrolled, 3 of 3 sessions attended (needed 2), 1 of 1 exam passed.
CourseState passed() {
  CourseState s;
  s.enrolled = true;
  s.standing.total = s.standing.held = s.standing.attended = 3;
  s.standing.needed = 2;
  s.exams = {1, 1};
  return s;
}

std::vector<std::string> ids(const Verdict& v) {
  std::vector<std::string> out;
  for (const auto& r : v.reasons) out.push_back(r.course_code + ":" + r.message_id);
  return out;
}

const std::vector<CourseInfo> kYear{
    course(1, "C-L1", "common"), course(2, "C-P2", "common"), course(3, "BD-1", "specialised", "bigdata_medicine"),
    course(4, "BD-2", "specialised", "bigdata_medicine"), course(5, "AI-1", "specialised", "ai_drug_discovery")};

TEST(Judge, EveryCommonCourseAndOneTrackPassedCompletes) {
  const Verdict v = judge(Rule{}, kYear, [](const CourseInfo& c) {
    return c.code == "AI-1" ? CourseState{} : passed();  // not in the AI track at all
  });
  EXPECT_TRUE(v.completes) << ::testing::PrintToString(ids(v));
  EXPECT_EQ(v.tracks, std::vector<std::string>{"bigdata_medicine"});
}

TEST(Judge, EachMissingRequirementIsAReasonNamingItsCourse) {
  const Verdict v = judge(Rule{}, kYear, [](const CourseInfo& c) {
    CourseState s = passed();
    if (c.code == "C-L1") s.standing.attended = 1;  // 1 of 2 needed
    if (c.code == "C-P2") s.enrolled = false;
    if (c.code == "BD-2") s.exams = {1, 0};
    if (c.code == "AI-1") s.enrolled = false;
    return s;
  });
  EXPECT_FALSE(v.completes);
  EXPECT_EQ(ids(v),
            (std::vector<std::string>{"C-L1:completion.reason.attendance", "C-P2:completion.reason.not_enrolled",
                                      ":completion.reason.tracks", "BD-2:completion.reason.exams"}))
      << "the nearest track (big data: one course passed) says what it lacks";
  EXPECT_EQ(v.reasons[0].args.at("needed"), "2");
}

TEST(Judge, TheRuleDecidesWhatCounts) {
  Rule lenient;
  lenient.attendance_required = false;
  lenient.exams_required = false;
  lenient.tracks_required = 0;
  const Verdict v = judge(lenient, kYear, [](const CourseInfo& c) {
    CourseState s = passed();
    s.standing.attended = 0;
    s.exams = {1, 0};
    s.enrolled = c.category == "common";
    return s;
  });
  EXPECT_TRUE(v.completes) << ::testing::PrintToString(ids(v));
}

class Completion : public testing::DatabaseWithClerk {
 protected:
  void seed(db::Conn& c) override {
    taro_ = testing::insert_user(c, "taro@example.org", "金沢", "太郎", "trainee");
    jiro_ = testing::insert_user(c, "jiro@example.org", "富山", "次郎", "trainee");
    common_ = testing::insert_course(c, "C-L1", "システム医学概論", 1);
    track_ = testing::insert_course(c, "BD-1", "ゲノムコホート概論", 1);
    c.exec("UPDATE courses SET category = 'specialised', track = 'bigdata_medicine' WHERE id = ?", {track_});
    const auto term = testing::insert_term(c);
    for (auto course : {common_, track_}) {
      const auto s = testing::insert_session(c, term, course, course == common_ ? "2017-12-04" : "2017-12-05");
      for (auto u : {taro_, jiro_}) {
        testing::enroll(c, course, u);
        // Taro attended both; Jiro missed the common course's one session.
        if (u == taro_ || course == track_)
          c.exec(
              "INSERT INTO attendance (session_id, user_id, status, method, updated_at) "
              "VALUES (?, ?, 'present', 'manual', 0)",
              {s, u});
      }
    }
  }
  YearVerdicts verdicts() {
    return db_->read([&](db::Conn& c) { return verdicts_of_year(c, 2017, testing::tokyo("2018-03-01", "12:00:00")); });
  }
  // Operations run by the clerk at the time the year is judged.
  testing::Units clerk_units() {
    testing::Units units(*db_, testing::tokyo("2018-03-01", "12:00:00"));
    units.act_as_user(clerk_);
    return units;
  }
  std::int64_t taro_ = 0, jiro_ = 0, common_ = 0, track_ = 0;
};

TEST_F(Completion, TheYearListsWhoCompletesAndWhyTheOthersDoNot) {
  const auto yv = verdicts();
  ASSERT_EQ(yv.trainees.size(), 2u);
  const auto& jiro = yv.trainees[0].user_id == jiro_ ? yv.trainees[0] : yv.trainees[1];
  const auto& taro = yv.trainees[0].user_id == taro_ ? yv.trainees[0] : yv.trainees[1];
  EXPECT_TRUE(taro.verdict.completes) << "no exams: nothing to fail";
  ASSERT_FALSE(jiro.verdict.completes);
  ASSERT_EQ(jiro.verdict.reasons.size(), 1u);
  EXPECT_EQ(jiro.verdict.reasons[0].course_code, "C-L1");
  EXPECT_EQ(jiro.verdict.reasons[0].message_id, "completion.reason.attendance");
  EXPECT_EQ(jiro.verdict.reasons[0].args.at("attended"), "0");

  auto units = clerk_units();
  Rule r;
  r.fiscal_year = 2017;
  r.attendance_required = false;
  r.exams_required = true;
  r.tracks_required = 11;
  Status bad = units.write([&](Work& w) { return set_rule(w, r); });
  EXPECT_FALSE(bad) << "at most 10 tracks";
  r.tracks_required = 1;
  ASSERT_TRUE(units.write([&](Work& w) { return set_rule(w, r); }));
  EXPECT_TRUE(verdicts().trainees[0].verdict.completes && verdicts().trainees[1].verdict.completes)
      << "attendance no longer required";
  EXPECT_EQ(db_->read([](db::Conn& c) {
    return c.scalar_i64("SELECT COUNT(*) FROM audit_log WHERE entity = 'completion_rules'");
  }),
            1);
}

TEST_F(Completion, TheSecretariatConfirmsWhoCompletesOnceThenRecordsTheSocietysSignOff) {
  auto units = clerk_units();
  auto refused = units.write([&](Work& w) { return confirm(w, 2017, jiro_); });
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.status().message_id(), "completion.does_not_complete") << "Jiro lacks the common course";
  EXPECT_EQ(units.write([&](Work& w) { return confirm(w, 2017, clerk_); }).status().code(), Code::not_found)
      << "no trainee of the year";
  auto id = units.write([&](Work& w) { return confirm(w, 2017, taro_); });
  ASSERT_TRUE(id);
  EXPECT_EQ(units.write([&](Work& w) { return confirm(w, 2017, taro_); }).status().message_id(),
            "completion.already_confirmed");

  Status no_signer = units.write([&](Work& w) { return sign_off(w, *id, ""); });
  EXPECT_EQ(no_signer.fields().at("signer").message_id, "completion.signer_required");
  ASSERT_TRUE(units.write([&](Work& w) { return sign_off(w, *id, "日本医療情報学会 理事長"); }));
  Status twice = units.write([&](Work& w) { return sign_off(w, *id, "別の人"); });
  EXPECT_EQ(twice.message_id(), "completion.already_signed_off");
  const auto k = db_->read([&](db::Conn& c) { return repo::confirmation(c, *id); });
  EXPECT_EQ(k->society_signer, "日本医療情報学会 理事長");
  EXPECT_TRUE(k->signed_off());
  EXPECT_TRUE(verdicts().trainees[0].confirmation || verdicts().trainees[1].confirmation);
  EXPECT_EQ(db_->read([](db::Conn& c) {
    return c.scalar_i64("SELECT COUNT(*) FROM audit_log WHERE entity = 'completions'");
  }),
            2)
      << "the confirmation and the sign-off";
}

}  // namespace
}  // namespace mdsc::completion
