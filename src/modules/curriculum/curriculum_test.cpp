// Courses, instructors and enrollment on both databases.
#include "modules/curriculum.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <thread>

#include "core/crypto.h"
#include "core/i18n.h"
#include "modules/curriculum/operations.h"
#include "modules/curriculum/repo.h"
#include "modules/members.h"
#include "platform/identity/users.h"
#include "support/admissions_fixture.h"
#include "support/test_db.h"
#include "support/tokyo.h"
#include "support/units.h"

namespace mdsc::curriculum {
namespace {

using testing::tokyo;

class Curriculum : public ::testing::Test {
 protected:
  void SetUp() override {
    crypto::init();
    db_ = testing::fresh_database(true, 24);
  }
  // An operation in its own unit of work, as a request would run it.
  template <typename F>
  auto unit(F&& fn, std::optional<std::int64_t> now = std::nullopt, std::optional<audit::Actor> actor = std::nullopt) {
    testing::Units units(*db_, now.value_or(now_));
    units.act_as(actor.value_or(actor_));
    return units.write(std::forward<F>(fn));
  }
  std::int64_t user(const std::string& email, std::vector<web::RoleGrant> roles) {
    identity::UserInput in;
    in.email = email;
    in.family_name = "受講";
    in.given_name = email.substr(0, email.find('@'));
    in.roles = std::move(roles);
    auto r = write_unit(*db_, Who{actor_, now_}, [&](Work& w) { return identity::create_user(w, in); });
    EXPECT_TRUE(r.is_ok()) << (r.is_ok() ? "" : r.status().message_id());
    return r.is_ok() ? *r : 0;
  }
  // A trainee accepted for FY2017, as admissions makes them.
  std::int64_t trainee(const std::string& name) {
    auto id = user(name + "@example.org", {{web::Role::trainee, "", 0}});
    db_->write([&](db::Conn& c) { testing::accept_as_trainee(c, id, 2017); });
    return id;
  }
  static Course course(const std::string& code, std::optional<int> capacity = std::nullopt) {
    Course c;
    c.fiscal_year = 2017;
    c.code = code;
    c.title_ja = "システム医学概論";
    c.title_en = "Introduction to Systems Medicine";
    c.category = "common";
    c.kind = "lecture";
    c.periods = 4;
    c.time_band = "daytime";
    c.status = CourseStatus::confirmed;
    c.capacity = capacity;
    return c;
  }
  std::int64_t add_course(const Course& c) {
    auto r = unit([&](Work& w) { return create_course(w, c); });
    EXPECT_TRUE(r.is_ok()) << (r.is_ok() ? "" : r.status().message_id());
    return r.is_ok() ? *r : 0;
  }
  std::int64_t institution(const std::string& name, const std::string& kind = "university") {
    members::Organization o;
    o.kind = kind;
    if (kind == "company") o.company_type = "pharma";
    o.name = name;
    return *unit([&](Work& w) { return members::create_organization(w, o); });
  }
  std::int64_t count(const std::string& sql, const db::Params& p = {}) {
    return db_->read([&](db::Conn& c) { return c.scalar_i64(sql, p); });
  }
  std::vector<Enrollment> roster(std::int64_t course_id) {
    return db_->read([&](db::Conn& c) {
      repo::EnrollmentQuery q;
      q.course_id = course_id;
      return repo::enrollments(c, q);
    });
  }
  std::unique_ptr<db::Database> db_;
  audit::Actor actor_ = audit::Actor::system("test");
  std::int64_t now_ = tokyo("2017-12-01", "10:00:00");
};

TEST_F(Curriculum, TenTraineesAtOnceOnThreePlacesMakeThreeEnrolledAndSevenWaitingInOrder) {
  auto id = add_course(course("C-L1", 3));
  std::vector<std::int64_t> users;
  for (int i = 0; i < 10; ++i) users.push_back(trainee("t" + std::to_string(i)));
  std::vector<std::thread> threads;
  std::atomic<int> ok{0};
  for (auto u : users)
    threads.emplace_back([&, u] {
      if (unit([&](Work& w) { return enroll(w, id, u, On::self); }, std::nullopt, audit::Actor{u, "user", ""}).is_ok()) ++ok;
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(ok.load(), 10);
  auto list = roster(id);
  int enrolled = 0;
  std::vector<std::pair<int, std::int64_t>> waiting;  // position, id
  for (const auto& e : list) {
    if (e.status == EnrollmentStatus::enrolled) ++enrolled;
    if (e.status == EnrollmentStatus::waitlisted) waiting.emplace_back(*e.waitlist_position, e.id);
  }
  EXPECT_EQ(enrolled, 3);
  ASSERT_EQ(waiting.size(), 7u);
  for (std::size_t i = 0; i < waiting.size(); ++i) {
    EXPECT_EQ(waiting[i].first, static_cast<int>(i + 1)) << "positions 1..7 without gaps";
    if (i) {
      EXPECT_GT(waiting[i].second, waiting[i - 1].second) << "first come, first in line";
    }
  }
  auto c = db_->read([&](db::Conn& x) { return repo::course(x, id); });
  EXPECT_EQ(c->enrolled, 3);
  EXPECT_EQ(c->waitlisted, 7);
}

// Drops and new enrollments at the same time: the freed places go to those already in line, the
// course stays full, and the line stays numbered 1, 2, ... without gaps or repeats.
TEST_F(Curriculum, DropsAndEnrollmentsAtOnceKeepTheCourseFullAndTheLineInOrder) {
  auto id = add_course(course("C-L1", 2));
  std::vector<Enrollment> first;
  for (int i = 0; i < 5; ++i) {
    auto t = trainee("early" + std::to_string(i));
    auto r = unit([&](Work& w) { return enroll(w, id, t, On::self); });
    ASSERT_TRUE(r.is_ok());
    first.push_back(*r);
  }
  ASSERT_EQ(first[0].status, EnrollmentStatus::enrolled);
  ASSERT_EQ(first[1].status, EnrollmentStatus::enrolled);
  std::vector<std::int64_t> late;
  for (int i = 0; i < 4; ++i) late.push_back(trainee("late" + std::to_string(i)));
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int i = 0; i < 2; ++i)
    threads.emplace_back([&, i] {
      if (!unit([&](Work& w) { return drop(w, first[static_cast<std::size_t>(i)].id, On::self); }).is_ok()) ++failures;
    });
  for (auto u : late)
    threads.emplace_back([&, u] {
      if (!unit([&](Work& w) { return enroll(w, id, u, On::self); }).is_ok()) ++failures;
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(failures.load(), 0);
  int enrolled = 0;
  std::vector<int> positions;
  for (const auto& e : roster(id)) {
    if (e.status == EnrollmentStatus::enrolled) ++enrolled;
    if (e.status == EnrollmentStatus::waitlisted) positions.push_back(*e.waitlist_position);
  }
  EXPECT_EQ(enrolled, 2) << "the two freed places are taken again";
  std::sort(positions.begin(), positions.end());
  std::vector<int> expected(positions.size());
  for (std::size_t i = 0; i < expected.size(); ++i) expected[i] = static_cast<int>(i + 1);
  EXPECT_EQ(positions, expected) << "positions 1..n without gaps or repeats";
  EXPECT_EQ(positions.size(), 5u) << "9 trainees, 2 dropped, 2 enrolled";
  auto third = db_->read([&](db::Conn& c) { return repo::enrollment(c, first[2].id); });
  EXPECT_EQ(third->status, EnrollmentStatus::enrolled) << "the first in line before the drops moves up";
}

TEST_F(Curriculum, ADropMovesTheFirstInLineUpAndTellsThem) {
  auto id = add_course(course("C-L1", 1));
  auto a = trainee("a"), b = trainee("b"), c = trainee("c");
  auto ea = unit([&](Work& w) { return enroll(w, id, a, On::self); });
  auto eb = unit([&](Work& w) { return enroll(w, id, b, On::self); });
  auto ec = unit([&](Work& w) { return enroll(w, id, c, On::self); });
  ASSERT_TRUE(ea.is_ok() && eb.is_ok() && ec.is_ok());
  EXPECT_EQ(ea->status, EnrollmentStatus::enrolled);
  EXPECT_EQ(eb->status, EnrollmentStatus::waitlisted);
  EXPECT_EQ(*eb->waitlist_position, 1);
  EXPECT_EQ(*ec->waitlist_position, 2);
  auto mails = count("SELECT COUNT(*) FROM mail_outbox");
  auto dropped = unit([&](Work& w) { return drop(w, ea->id, On::self); }, now_ + 60, audit::Actor{a, "user", ""});
  ASSERT_TRUE(dropped.is_ok()) << dropped.status().message_id();
  EXPECT_EQ(dropped->status, EnrollmentStatus::dropped);
  auto after = db_->read([&](db::Conn& x) {
    return std::make_pair(repo::enrollment(x, eb->id), repo::enrollment(x, ec->id));
  });
  EXPECT_EQ(after.first->status, EnrollmentStatus::enrolled);
  EXPECT_FALSE(after.first->waitlist_position.has_value());
  EXPECT_EQ(after.second->status, EnrollmentStatus::waitlisted);
  EXPECT_EQ(*after.second->waitlist_position, 1) << "the rest of the line moves up too";
  EXPECT_EQ(count("SELECT COUNT(*) FROM mail_outbox"), mails + 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM mail_outbox WHERE to_addr = 'b@example.org'"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity = 'enrollment' AND action = 'move_up' AND entity_id = ?",
                  {std::to_string(eb->id)}),
            1);
  // Leaving the waitlist closes the gap behind.
  auto d = trainee("d");
  auto ed = unit([&](Work& w) { return enroll(w, id, d, On::self); });
  EXPECT_EQ(*ed->waitlist_position, 2);
  ASSERT_TRUE(unit([&](Work& w) { return drop(w, ec->id, On::self); }).is_ok());
  EXPECT_EQ(*db_->read([&](db::Conn& x) { return repo::enrollment(x, ed->id); })->waitlist_position, 1);
}

TEST_F(Curriculum, AfterTheDropDeadlineOnlyTheSecretariatCanDrop) {
  CurriculumYear y;
  y.fiscal_year = 2017;
  y.drop_deadline = "2017-12-15";
  ASSERT_TRUE(unit([&](Work& w) { return save_curriculum_year(w, y); }).is_ok());
  auto id = add_course(course("C-L1"));
  auto t = trainee("t");
  auto e = unit([&](Work& w) { return enroll(w, id, t, On::self); });
  ASSERT_TRUE(e.is_ok());
  // The last second of the deadline day in Tokyo still counts; the next one does not.
  auto late = unit([&](Work& w) { return drop(w, e->id, On::self); }, tokyo("2017-12-16", "00:00:00"));
  ASSERT_FALSE(late.is_ok());
  EXPECT_EQ(late.status().fields().at("enrollment").message_id, "curriculum.drop_deadline_passed");
  EXPECT_EQ(late.status().fields().at("enrollment").args.at("date"), "2017-12-15");
  EXPECT_EQ(roster(id).at(0).status, EnrollmentStatus::enrolled) << "nothing changed";
  EXPECT_TRUE(unit([&](Work& w) { return drop(w, e->id, On::self); }, tokyo("2017-12-15", "23:59:59")).is_ok());
  auto again = unit([&](Work& w) { return enroll(w, id, t, On::self); });
  ASSERT_TRUE(again.is_ok()) << "a dropped course can be chosen again";
  EXPECT_TRUE(unit([&](Work& w) { return drop(w, again->id, On::office); }, tokyo("2018-01-20", "12:00:00")).is_ok());
}

TEST_F(Curriculum, EnrollingTwiceIsRefusedWithAClearMessage) {
  auto id = add_course(course("C-L1", 1));
  auto a = trainee("a"), b = trainee("b");
  ASSERT_TRUE(unit([&](Work& w) { return enroll(w, id, a, On::self); }).is_ok());
  auto twice = unit([&](Work& w) { return enroll(w, id, a, On::self); });
  ASSERT_FALSE(twice.is_ok());
  EXPECT_EQ(twice.status().code(), Code::conflict);
  EXPECT_EQ(twice.status().fields().at("course_id").message_id, "curriculum.already_enrolled");
  ASSERT_TRUE(unit([&](Work& w) { return enroll(w, id, b, On::self); }).is_ok());
  auto waiting_twice = unit([&](Work& w) { return enroll(w, id, b, On::office); });
  EXPECT_EQ(waiting_twice.status().fields().at("course_id").message_id, "curriculum.already_waitlisted");
  EXPECT_EQ(count("SELECT COUNT(*) FROM enrollments"), 2);
}

TEST_F(Curriculum, ACourseWithZeroPeriodsIsRefusedAndNothingIsWritten) {
  auto audit_before = count("SELECT COUNT(*) FROM audit_log");
  Course c = course("C-L1");
  c.periods = 0;
  auto r = unit([&](Work& w) { return create_course(w, c); });
  ASSERT_FALSE(r.is_ok());
  EXPECT_EQ(r.status().fields().at("periods").message_id, "curriculum.periods_positive");
  Course bad = course("");
  bad.category = "common";
  bad.track = "bigdata_medicine";
  bad.kind = "seminar";
  bad.capacity = 0;
  auto many = unit([&](Work& w) { return create_course(w, bad); });
  for (const char* f : {"code", "track", "kind", "capacity"}) EXPECT_TRUE(many.status().fields().count(f)) << f;
  Course specialised = course("BD-1");
  specialised.category = "specialised";
  EXPECT_EQ(unit([&](Work& w) { return create_course(w, specialised); }).status().fields().at("track").message_id,
            "curriculum.track_required");
  EXPECT_EQ(count("SELECT COUNT(*) FROM courses"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log"), audit_before);
  add_course(course("C-L1"));
  auto dup = unit([&](Work& w) { return create_course(w, course("C-L1")); });
  EXPECT_EQ(dup.status().code(), Code::conflict);
  EXPECT_EQ(dup.status().fields().at("code").message_id, "curriculum.code_taken");
}

TEST_F(Curriculum, InstructorSharesMustFitTheCoursesPeriods) {
  Instructor a;
  a.family_name = "田中";
  a.given_name = "博";
  a.organization_id = institution("東京医科歯科大学");
  auto ia = *unit([&](Work& w) { return create_instructor(w, a); });
  Instructor b = a;
  b.family_name = "長谷";
  b.given_name = "武志";
  auto ib = *unit([&](Work& w) { return create_instructor(w, b); });
  Course c = course("C-L1");
  c.instructors = {{ia, 3, 0, {}}, {ib, 2, 0, {}}};
  auto r = unit([&](Work& w) { return create_course(w, c); });
  ASSERT_FALSE(r.is_ok());
  EXPECT_EQ(r.status().fields().at("instructors").message_id, "curriculum.shares_exceed");
  c.instructors = {{ia, 2, 0, {}}, {ib, std::nullopt, 0, {}}};
  auto id = add_course(c);
  auto saved = db_->read([&](db::Conn& x) { return repo::course(x, id); });
  ASSERT_EQ(saved->instructors.size(), 2u);
  EXPECT_EQ(saved->instructors[0].instructor.name_ja(), "田中 博");
  EXPECT_EQ(saved->instructors[0].instructor.organization_name, "東京医科歯科大学");
  EXPECT_FALSE(saved->instructors[1].periods.has_value());
  // Fewer periods than the shares given: the periods field says why.
  Course fewer = *saved;
  fewer.periods = 1;
  auto st = unit([&](Work& w) { return update_course(w, id, fewer, std::nullopt); });
  EXPECT_EQ(st.fields().at("periods").message_id, "curriculum.shares_exceed");
  EXPECT_EQ(unit([&](Work& w) { return set_course_instructors(w, id, {{ia, 1, 0, {}}, {ia, 1, 0, {}}}); })
                .fields()
                .at("instructors.1.instructor_id")
                .message_id,
            "curriculum.instructor_twice");
}

TEST_F(Curriculum, AnInstructorBelongsToAnInstitutionAndAnAccountToOneInstructor) {
  auto account = user("sensei@example.org", {});
  Instructor i;
  i.family_name = "杉山";
  i.given_name = "将";
  i.organization_id = institution("架空製薬", "company");
  i.user_id = account;
  i.family_name_kana = "sugiyama";
  auto r = unit([&](Work& w) { return create_instructor(w, i); });
  ASSERT_FALSE(r.is_ok());
  EXPECT_EQ(r.status().fields().at("family_name_kana").message_id, "validation.kana");
  i.family_name_kana = "スギヤマ";
  r = unit([&](Work& w) { return create_instructor(w, i); });
  EXPECT_EQ(r.status().fields().at("organization_id").message_id, "curriculum.organization_not_institution");
  i.organization_id = institution("理化学研究所 革新知能統合研究センター", "research_institute");
  ASSERT_TRUE(unit([&](Work& w) { return create_instructor(w, i); }).is_ok());
  Instructor other;
  other.family_name = "辻井";
  other.user_id = account;
  EXPECT_EQ(unit([&](Work& w) { return create_instructor(w, other); }).status().fields().at("user_id").message_id,
            "curriculum.account_linked");
}

TEST_F(Curriculum, AnInstructorSeesOnlyTheirOwnCoursesRosters) {
  auto a = add_course(course("C-L1")), b = add_course(course("C-L2"));
  auto linked = user("linked@example.org", {});
  auto scoped = user("scoped@example.org", {{web::Role::instructor, "course", b}});
  Instructor i;
  i.family_name = "田中";
  i.user_id = linked;
  auto iid = *unit([&](Work& w) { return create_instructor(w, i); });
  ASSERT_TRUE(unit([&](Work& w) { return set_course_instructors(w, a, {{iid, std::nullopt, 0, {}}}); }).is_ok());
  web::Principal by_link{linked, "linked@example.org", "", "ja", {}};
  web::Principal by_role{scoped, "scoped@example.org", "", "ja", {{web::Role::instructor, "course", b}}};
  web::Principal office{1, "office@example.org", "", "ja", {{web::Role::promotion_office, "", 0}}};
  db_->read([&](db::Conn& c) {
    EXPECT_TRUE(can_see_roster(c, by_link, a));
    EXPECT_FALSE(can_see_roster(c, by_link, b));
    EXPECT_TRUE(can_see_roster(c, by_role, b));
    EXPECT_FALSE(can_see_roster(c, by_role, a));
    EXPECT_TRUE(can_see_roster(c, office, a));
    EXPECT_FALSE(can_see_roster(c, std::nullopt, a));
    EXPECT_EQ(taught_courses(c, by_link), std::vector<std::int64_t>{a});
    EXPECT_EQ(taught_courses(c, by_role), std::vector<std::int64_t>{b});
  });
}

TEST_F(Curriculum, TheYearsRuleAndTheCoursesStatusBindTraineesNotTheSecretariat) {
  Course planned = course("C-P3");
  planned.status = CourseStatus::planned;
  auto p = add_course(planned);
  auto t = trainee("t");
  EXPECT_EQ(unit([&](Work& w) { return enroll(w, p, t, On::self); }).status().fields().at("course_id").message_id,
            "curriculum.course_not_confirmed");
  EXPECT_TRUE(unit([&](Work& w) { return enroll(w, p, t, On::office); }).is_ok());
  auto not_trainee = user("office@example.org", {{web::Role::secretariat, "", 0}});
  auto c = add_course(course("C-L1"));
  EXPECT_EQ(unit([&](Work& w) { return enroll(w, c, not_trainee, On::office); }).status().fields().at("user_id").message_id,
            "curriculum.not_a_trainee");
  CurriculumYear y;
  y.fiscal_year = 2017;
  y.choice_rule = "required_per_track";
  ASSERT_TRUE(unit([&](Work& w) { return save_curriculum_year(w, y); }).is_ok());
  EXPECT_EQ(unit([&](Work& w) { return enroll(w, c, t, On::self); }).status().fields().at("course_id").message_id,
            "curriculum.assigned_by_office");
  EXPECT_TRUE(unit([&](Work& w) { return enroll(w, c, t, On::office); }).is_ok());
  EXPECT_EQ(unit([&](Work& w) { return enroll(w, 999999, t, On::office); }).status().fields().at("course_id").message_id,
            "curriculum.course_unknown");
  // The trainee role alone is not enough: only someone accepted for the course's year enrolls.
  auto last_year = user("2016@example.org", {{web::Role::trainee, "", 0}});
  db_->write([&](db::Conn& conn) { testing::accept_as_trainee(conn, last_year, 2016); });
  for (auto on : {On::self, On::office})
    EXPECT_EQ(unit([&](Work& w) { return enroll(w, c, last_year, on); }).status().fields().at("user_id").message_id,
              "curriculum.not_accepted_for_year");
  y.drop_deadline = "2017-02-30";
  EXPECT_EQ(unit([&](Work& w) { return save_curriculum_year(w, y); }).fields().at("drop_deadline").message_id, "validation.date");
}

TEST_F(Curriculum, ALargerCapacityMovesTheWaitlistUp) {
  auto id = add_course(course("C-L1", 1));
  std::vector<std::int64_t> e;
  for (const char* n : {"a", "b", "c", "d"}) {
    auto t = trainee(n);
    e.push_back(unit([&](Work& w) { return enroll(w, id, t, On::self); })->id);
  }
  auto c = *db_->read([&](db::Conn& x) { return repo::course(x, id); });
  c.capacity = 3;
  ASSERT_TRUE(unit([&](Work& w) { return update_course(w, id, c, std::nullopt); }).is_ok());
  auto after = db_->read([&](db::Conn& x) { return repo::course(x, id); });
  EXPECT_EQ(after->enrolled, 3);
  EXPECT_EQ(after->waitlisted, 1);
  EXPECT_EQ(*db_->read([&](db::Conn& x) { return repo::enrollment(x, e[3]); })->waitlist_position, 1);
  c.fiscal_year = 2018;
  EXPECT_EQ(unit([&](Work& w) { return update_course(w, id, c, std::nullopt); }).fields().at("fiscal_year").message_id,
            "curriculum.year_fixed");
}

// The column list of an INSERT, for the check that the repository binds entity::params in the
// order the entity tables give.
std::vector<std::string> insert_columns(std::string_view sql) {
  auto from = sql.find('(') + 1;
  std::vector<std::string> out(1);
  for (char ch : sql.substr(from, sql.find(')') - from)) {
    if (ch == ',') out.emplace_back();
    else if (ch != ' ') out.back() += ch;
  }
  return out;
}

std::vector<std::string> around(std::vector<std::string> before, std::vector<std::string> columns,
                                std::vector<std::string> after) {
  columns.insert(columns.begin(), before.begin(), before.end());
  columns.insert(columns.end(), after.begin(), after.end());
  return columns;
}

TEST(CurriculumRepo, TheInsertsNameTheEntityTablesColumnsInTheirOrder) {
  EXPECT_EQ(insert_columns(repo::sql::insert_instructor),
            around({}, entity::stored_columns<Instructor>(), {"created_at", "updated_at"}));
  EXPECT_EQ(insert_columns(repo::sql::insert_course),
            around({}, entity::stored_columns<Course>(), {"created_at", "updated_at"}));
  EXPECT_EQ(insert_columns(repo::sql::insert_course_instructor), entity::stored_columns<CourseInstructor>());
  EXPECT_EQ(insert_columns(repo::sql::save_year),
            around({"fiscal_year"}, entity::stored_columns<CurriculumYear>(), {"created_at", "updated_at"}));
  EXPECT_EQ(insert_columns(repo::sql::insert_enrollment), around({}, entity::stored_columns<Enrollment>(), {"updated_at"}));
}

}  // namespace
}  // namespace mdsc::curriculum
