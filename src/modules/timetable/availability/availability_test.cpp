// Instructors' unavailability and courses' schedule rules on both databases: validated and
// audited changes, and what they make of the solver's instance (hard unavailable periods,
// penalties for wishes, weekdays, minimum days and the weekly cap) and of a solved draft.
#include "modules/timetable/availability/availability.h"

#include <gtest/gtest.h>

#include <chrono>
#include <map>

#include "core/background.h"
#include "core/clock.h"
#include "core/config.h"
#include "core/crypto.h"
#include "ctt/cost.h"
#include "ctt/solver.h"
#include "modules/curriculum.h"
#include "modules/timetable/handlers.h"
#include "modules/timetable/module.h"
#include "modules/timetable/planning/planning.h"
#include "modules/timetable/terms/operations.h"
#include "platform/identity/users.h"
#include "platform/units.h"
#include "support/test_db.h"
#include "support/units.h"
#include "web/application.h"
#include "web/registry.h"

namespace mdsc::timetable {
namespace {

constexpr std::int64_t kNow = 1509000000;  // 2017-10-26

unsigned weekday_of(const std::string& iso) {
  std::chrono::year_month_day ymd{};
  EXPECT_TRUE(parse_iso_date(iso, ymd)) << iso;
  return std::chrono::weekday{std::chrono::sys_days{ymd}}.iso_encoding();
}

class Availability : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = testing::fresh_database();
    Term t;
    t.fiscal_year = 2017;
    t.name = "2017年度 試行期間";
    t.starts_on = "2017-12-01";
    t.ends_on = "2018-02-28";
    auto id = unit([&](Work& w) { return save_term(w, t); });
    ASSERT_TRUE(id) << id.status().message_id();
    term_id_ = *id;
    ASSERT_TRUE(unit([&](Work& w) { return save_room(w, {0, "第1講義室", 80, "", true}); }));
    ASSERT_TRUE(unit([&](Work& w) { return save_room(w, {0, "第2講義室", 40, "", true}); }));
    x_ = instructor("田宮", "元");
    y_ = instructor("杉山", "将");
    z_ = instructor("奥野", "恭史");
    a_ = course("T-1", "common", "", 8, "daytime", x_);
    b_ = course("T-2", "common", "", 6, "daytime", y_);
    c_ = course("T-3", "specialised", "ai_drug_discovery", 4, "evening", z_);
  }

  std::int64_t instructor(const char* family, const char* given) {
    curriculum::Instructor i;
    i.family_name = family;
    i.given_name = given;
    auto id = testing::Units(*db_, kNow).write([&](Work& w) { return curriculum::create_instructor(w, i); });
    EXPECT_TRUE(id) << id.status().message_id();
    return id ? *id : 0;
  }

  std::int64_t course(const char* code, const char* category, const char* track, int periods, const char* band,
                      std::int64_t teacher) {
    curriculum::Course k;
    k.fiscal_year = 2017;
    k.code = code;
    k.title_ja = code;
    k.category = category;
    k.track = track;
    k.kind = "lecture";
    k.periods = periods;
    k.time_band = band;
    k.instructors.push_back({teacher, std::nullopt, 0, {}});
    auto id = testing::Units(*db_, kNow).write([&](Work& w) { return curriculum::create_course(w, k); });
    EXPECT_TRUE(id) << code << " " << id.status().message_id();
    return id ? *id : 0;
  }

  std::int64_t add(std::int64_t instructor, int weekday, std::string day, std::string band, int position,
                   std::string strength = "unavailable", std::string reason = "") {
    Unavailability u;
    u.instructor_id = instructor;
    u.weekday = weekday;
    u.day = std::move(day);
    u.band = std::move(band);
    u.position = position;
    u.strength = std::move(strength);
    u.reason = std::move(reason);
    auto id = unit([&](Work& w) { return availability::add_rule(w, u); });
    EXPECT_TRUE(id) << id.status().message_id();
    return id ? *id : 0;
  }

  BuiltInstance built() {
    auto data = db_->read([&](db::Conn& c) { return planning_data(c, term_id_); });
    EXPECT_TRUE(data);
    return build_instance(*data);
  }

  int index_of(const BuiltInstance& b, std::int64_t course_id) {
    for (std::size_t i = 0; i < b.course_ids.size(); ++i)
      if (b.course_ids[i] == course_id) return static_cast<int>(i);
    ADD_FAILURE() << "course " << course_id << " not in the instance";
    return 0;
  }

  int slot_of(const BuiltInstance& b, const std::string& band, int position) {
    for (std::size_t s = 0; s < b.slots.size(); ++s)
      if (b.slots[s].band == band && b.slots[s].position == position) return static_cast<int>(s);
    ADD_FAILURE() << band << " " << position;
    return 0;
  }

  std::int64_t count(const char* sql) {
    return db_->read([&](db::Conn& c) { return c.scalar_i64(sql); });
  }

  ctt::SolveResult solve(const BuiltInstance& b) {
    ctt::SolverOptions o;
    o.seed = 3;
    o.time_limit_seconds = 0;
    o.max_iterations = 300'000;
    return ctt::solve(b.instance, o);
  }

  // Runs an operation in a unit of work of its own, as a request would.
  template <typename F>
  auto unit(F&& fn, std::int64_t now = kNow) -> std::invoke_result_t<F, Work&> {
    testing::Units units(*db_, now);
    units.act_as(actor_);
    return units.write(std::forward<F>(fn));
  }
  std::unique_ptr<db::Database> db_;
  audit::Actor actor_ = audit::Actor::system("test");
  std::int64_t term_id_ = 0, x_ = 0, y_ = 0, z_ = 0, a_ = 0, b_ = 0, c_ = 0;
};

TEST_F(Availability, ARuleCoversItsWeekdayOrDateAndItsBandOrPeriod) {
  Unavailability weekly;
  weekly.weekday = 3;
  EXPECT_TRUE(weekly.covers("2017-12-06", 3, "daytime", 1));
  EXPECT_TRUE(weekly.covers("2017-12-13", 3, "evening", 2));
  EXPECT_FALSE(weekly.covers("2017-12-07", 4, "daytime", 1));
  weekly.band = "evening";
  EXPECT_FALSE(weekly.covers("2017-12-06", 3, "daytime", 1));
  EXPECT_TRUE(weekly.covers("2017-12-06", 3, "evening", 2));
  weekly.position = 1;
  EXPECT_FALSE(weekly.covers("2017-12-06", 3, "evening", 2));
  EXPECT_TRUE(weekly.covers("2017-12-06", 3, "evening", 1));
  Unavailability dated;
  dated.day = "2017-12-05";
  EXPECT_TRUE(dated.covers("2017-12-05", 2, "daytime", 4));
  EXPECT_FALSE(dated.covers("2017-12-12", 2, "daytime", 4));
}

TEST_F(Availability, UnavailableTimesAreForbiddenAndTheSolvedDraftNeverUsesThem) {
  add(x_, 3, "", "", 0, "unavailable", "教授会");          // T-1: no Wednesday at all
  add(y_, 1, "", "daytime", 1);                            // T-2: not in Monday's first period
  add(z_, 0, "2017-12-05", "evening", 0, "unavailable", "学会出張");  // T-3: not on that Tuesday evening
  const auto b = built();
  const auto& in = b.instance;
  const int a = index_of(b, a_), k = index_of(b, b_), c = index_of(b, c_);
  const int first = slot_of(b, "daytime", 1), second = slot_of(b, "daytime", 2), evening = slot_of(b, "evening", 1);
  int wednesdays = 0, mondays = 0;
  bool saw_dec_5 = false, saw_dec_12 = false;
  for (int d = 0; d < in.days; ++d) {
    const unsigned wd = weekday_of(b.days[d]);
    const auto period = [&](int s) { return d * in.periods_per_day + s; };
    if (wd == 3) {
      ++wednesdays;
      for (int s = 0; s < in.periods_per_day; ++s) EXPECT_FALSE(in.is_available(a, period(s))) << b.days[d];
    } else {
      EXPECT_TRUE(in.is_available(a, period(first))) << b.days[d];
    }
    if (wd == 1) {
      ++mondays;
      EXPECT_FALSE(in.is_available(k, period(first))) << b.days[d];
      EXPECT_TRUE(in.is_available(k, period(second))) << b.days[d];
    }
    if (b.days[d] == "2017-12-05") {
      saw_dec_5 = true;
      EXPECT_FALSE(in.is_available(c, period(evening)));
    }
    if (b.days[d] == "2017-12-12") {
      saw_dec_12 = true;
      EXPECT_TRUE(in.is_available(c, period(evening)));
    }
  }
  EXPECT_GT(wednesdays, 10);
  EXPECT_GT(mondays, 8);
  EXPECT_TRUE(saw_dec_5 && saw_dec_12);
  EXPECT_TRUE(in.period_penalty.empty()) << "no wish, no penalties";
  EXPECT_EQ(in.weights.preferences, 0);

  const auto result = solve(b);
  ASSERT_TRUE(result.feasible) << result.diagnosis.to_string();
  int placed = 0;
  for (const auto& p : result.solution.lectures) {
    ASSERT_TRUE(p.placed());
    const std::string day = b.days.at(in.day_of(p.period));
    const auto& slot = b.slots.at(in.slot_of(p.period));
    if (p.course == a) { EXPECT_NE(weekday_of(day), 3u) << "T-1 on a Wednesday: " << day; }
    if (p.course == k) { EXPECT_FALSE(weekday_of(day) == 1 && slot.band == "daytime" && slot.position == 1) << day; }
    if (p.course == c) { EXPECT_NE(day, "2017-12-05"); }
    ++placed;
  }
  EXPECT_EQ(placed, 8 + 6 + 4);
}

TEST_F(Availability, AnAvoidRuleIsAPenaltyNotAProhibition) {
  add(x_, 5, "", "", 0, "avoid", "外来診療");  // T-1: rather not on Fridays
  const auto b = built();
  const auto& in = b.instance;
  const int a = index_of(b, a_), k = index_of(b, b_);
  ASSERT_FALSE(in.period_penalty.empty());
  EXPECT_EQ(in.weights.preferences, kPreferenceWeight);
  int fridays = 0;
  for (int d = 0; d < in.days; ++d)
    for (int s = 0; s < in.periods_per_day; ++s) {
      const int p = d * in.periods_per_day + s;
      const bool friday_daytime = weekday_of(b.days[d]) == 5 && b.slots[s].band == "daytime";
      EXPECT_EQ(in.penalty(a, p), friday_daytime ? kAvoidPenalty : 0) << b.days[d] << " " << s;
      EXPECT_EQ(in.penalty(k, p), 0);
      if (friday_daytime) {
        EXPECT_TRUE(in.is_available(a, p));
        ++fridays;
      }
    }
  EXPECT_GT(fridays, 0);
  const auto result = solve(b);
  ASSERT_TRUE(result.feasible);
  EXPECT_EQ(result.cost.preferences, 0) << "there is room enough to keep T-1 off Fridays";
}

TEST_F(Availability, ACourseRuleLimitsWeekdaysAndSetsMinimumDaysAndTheWeeklyCap) {
  CourseRule rule;
  rule.course_id = a_;
  rule.weekdays = "1010100";  // Monday, Wednesday, Friday
  rule.max_per_week = 2;
  rule.min_days = 4;
  ASSERT_TRUE(unit([&](Work& w) { return availability::save_course_rule(w, rule); }).is_ok());
  const auto b = built();
  const auto& in = b.instance;
  const int a = index_of(b, a_), k = index_of(b, b_);
  EXPECT_EQ(in.courses[a].min_working_days, 4);
  EXPECT_EQ(in.courses[a].max_per_week, 2);
  EXPECT_EQ(in.courses[k].max_per_week, 0);
  EXPECT_EQ(in.weights.spread, kSpreadWeight);
  // Weeks from Monday, counted from the term's first week (Friday 2017-12-01 is in week 0).
  ASSERT_EQ(in.week_of_day.size(), b.days.size());
  EXPECT_EQ(b.days[0], "2017-12-01");
  EXPECT_EQ(in.week_of_day[0], 0);
  for (int d = 0; d < in.days; ++d) {
    if (b.days[d] == "2017-12-04") { EXPECT_EQ(in.week_of_day[d], 1); }
    if (b.days[d] == "2017-12-08") { EXPECT_EQ(in.week_of_day[d], 1); }
    if (b.days[d] == "2018-01-04") { EXPECT_EQ(in.week_of_day[d], 5); }  // the week of the year-end break
    if (d > 0) { EXPECT_GE(in.week_of_day[d], in.week_of_day[d - 1]); }
    const unsigned wd = weekday_of(b.days[d]);
    const bool allowed = wd == 1 || wd == 3 || wd == 5;
    for (int s = 0; s < in.periods_per_day; ++s)
      if (b.slots[s].band == "daytime") {
        EXPECT_EQ(in.is_available(a, d * in.periods_per_day + s), allowed) << b.days[d];
        EXPECT_TRUE(in.is_available(k, d * in.periods_per_day + s)) << b.days[d];
      }
  }
  const auto result = solve(b);
  ASSERT_TRUE(result.feasible) << result.diagnosis.to_string();
  std::map<int, int> per_week;
  for (const auto& p : result.solution.lectures)
    if (p.course == a) {
      const int d = in.day_of(p.period);
      const unsigned wd = weekday_of(b.days[d]);
      EXPECT_TRUE(wd == 1 || wd == 3 || wd == 5) << b.days[d];
      ++per_week[in.week_of_day[d]];
    }
  for (const auto& [week, n] : per_week) EXPECT_LE(n, 2) << "week " << week;
  EXPECT_EQ(result.cost.spread, 0);
}

TEST_F(Availability, BadRulesNameTheFieldAndWriteNothing) {
  const auto audits = count("SELECT COUNT(*) FROM audit_log");
  auto expect_field = [&](Unavailability u, const char* field) {
    u.instructor_id = u.instructor_id ? u.instructor_id : x_;
    auto r = unit([&](Work& w) { return availability::add_rule(w, u); });
    ASSERT_FALSE(r) << field;
    EXPECT_EQ(r.status().fields().count(field), 1u) << field << " " << r.status().message_id();
  };
  Unavailability u;
  expect_field(u, "weekday");  // neither weekday nor date
  u.weekday = 8;
  expect_field(u, "weekday");
  u = {};
  u.weekday = 2;
  u.day = "2017-12-05";
  expect_field(u, "weekday");  // both
  u = {};
  u.day = "2017-12-32";
  expect_field(u, "day");
  u = {};
  u.weekday = 1;
  u.band = "night";
  expect_field(u, "band");
  u.band = "evening";
  u.position = 3;  // the grid has two evening periods
  expect_field(u, "position");
  u.band = "daytime";
  u.position = 0;
  u.strength = "never";
  expect_field(u, "strength");
  u.strength = "avoid";
  u.reason = std::string(101, 'x');
  expect_field(u, "reason");
  EXPECT_EQ(count("SELECT COUNT(*) FROM instructor_unavailability"), 0);

  CourseRule r;
  r.course_id = a_;
  auto expect_rule_field = [&](const CourseRule& rule, const char* field) {
    Status st = unit([&](Work& w) { return availability::save_course_rule(w, rule); });
    ASSERT_FALSE(st) << field;
    EXPECT_EQ(st.fields().count(field), 1u) << field;
  };
  r.weekdays = "0000000";
  expect_rule_field(r, "weekdays");
  r.weekdays = "10101";
  expect_rule_field(r, "weekdays");
  r.weekdays = "1x10100";
  expect_rule_field(r, "weekdays");
  r.weekdays = "1010100";
  r.max_per_week = 0;
  expect_rule_field(r, "max_per_week");
  r.max_per_week = 3;
  r.min_days = 9;  // T-1 has 8 periods
  expect_rule_field(r, "min_days");
  r.min_days = -1;
  expect_rule_field(r, "min_days");
  EXPECT_EQ(count("SELECT COUNT(*) FROM course_schedule_rules"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log"), audits);

  r.min_days = 8;
  r.course_id = 999999;
  EXPECT_EQ(unit([&](Work& w) { return availability::save_course_rule(w, r); }).code(), Code::not_found);
  Unavailability nobody;
  nobody.instructor_id = 999999;
  nobody.weekday = 1;
  EXPECT_EQ(unit([&](Work& w) { return availability::add_rule(w, nobody); }).status().code(), Code::not_found);
}

TEST_F(Availability, ChangesAreAuditedWithBeforeAndAfter) {
  const auto audits = count("SELECT COUNT(*) FROM audit_log");
  const auto id = add(x_, 3, "", "evening", 2, "unavailable", "教授会");
  ASSERT_GT(id, 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity = 'instructor_unavailability' AND action = 'create'"), 1);
  // The same rule twice is refused.
  Unavailability again;
  again.instructor_id = x_;
  again.weekday = 3;
  again.band = "evening";
  again.position = 2;
  auto dup = unit([&](Work& w) { return availability::add_rule(w, again); });
  ASSERT_FALSE(dup);
  EXPECT_EQ(dup.status().code(), Code::conflict);

  auto rules = db_->read([&](db::Conn& c) { return availability::of_instructor(c, x_); });
  ASSERT_EQ(rules.size(), 1u);
  EXPECT_EQ(rules[0].weekday, 3);
  EXPECT_EQ(rules[0].band, "evening");
  EXPECT_EQ(rules[0].position, 2);
  EXPECT_EQ(rules[0].reason, "教授会");
  auto year = db_->read([&](db::Conn& c) { return availability::of_year(c, 2017); });
  EXPECT_EQ(year.count(x_), 1u);
  EXPECT_EQ(year.count(y_), 0u);
  EXPECT_TRUE(db_->read([&](db::Conn& c) { return availability::of_year(c, 2018); }).empty());

  // Someone else's rule is not found; the instructor's own is removed, with the rule as "before".
  EXPECT_EQ(unit([&](Work& w) { return availability::remove_rule(w, y_, id); }).code(), Code::not_found);
  ASSERT_TRUE(unit([&](Work& w) { return availability::remove_rule(w, x_, id); }).is_ok());
  EXPECT_EQ(count("SELECT COUNT(*) FROM instructor_unavailability"), 0);
  auto removal = db_->read([](db::Conn& c) {
    return c.query_one("SELECT changes FROM audit_log WHERE entity = 'instructor_unavailability' AND action = 'delete'");
  });
  ASSERT_TRUE(removal);
  EXPECT_NE(removal->str("changes").find("教授会"), std::string::npos) << removal->str("changes");

  CourseRule r;
  r.course_id = a_;
  r.weekdays = "1010100";
  r.max_per_week = 4;
  ASSERT_TRUE(unit([&](Work& w) { return availability::save_course_rule(w, r); }).is_ok());
  r.max_per_week.reset();
  r.min_days = 3;
  ASSERT_TRUE(unit([&](Work& w) { return availability::save_course_rule(w, r); }).is_ok());
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity = 'course_schedule_rule' AND action = 'create'"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity = 'course_schedule_rule' AND action = 'update'"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log"), audits + 4);
  auto stored = db_->read([&](db::Conn& c) { return availability::course_rule(c, a_); });
  EXPECT_TRUE(stored.stored);
  EXPECT_EQ(stored.weekdays, "1010100");
  EXPECT_FALSE(stored.max_per_week);
  EXPECT_EQ(stored.min_days.value_or(0), 3);
  auto none = db_->read([&](db::Conn& c) { return availability::course_rule(c, b_); });
  EXPECT_FALSE(none.stored);
  EXPECT_EQ(none.weekdays, "1111111");
  auto of_year = db_->read([&](db::Conn& c) { return availability::course_rules(c, 2017); });
  EXPECT_EQ(of_year.size(), 1u);
  EXPECT_EQ(of_year.count(a_), 1u);
}

// The pages and API routes sit beside the curriculum's /api/v1/courses/{id} and /api/v1/instructors
// without taking their paths, nor they ours.
TEST(AvailabilityRoutes, DoNotCollideWithTheCurriculumOrTheTimetable) {
  web::Registry reg;
  curriculum::register_module(reg);
  register_module(reg);
  // Router::add throws on a route of the same method and shape: registering is the collision check.
  // (Once the module registers them itself, it has been done already.)
  if (!reg.router().match("GET", "/timetable/courses").route) {
    ASSERT_NO_THROW(register_availability_routes(reg));
  }
  auto pattern = [&](const char* method, const char* path) {
    auto m = reg.router().match(method, path);
    return m.route ? m.route->pattern : std::string("none");
  };
  EXPECT_EQ(pattern("GET", "/api/v1/courses/5/schedule-rule"), "/api/v1/courses/{id}/schedule-rule");
  EXPECT_EQ(pattern("PUT", "/api/v1/courses/5/schedule-rule"), "/api/v1/courses/{id}/schedule-rule");
  EXPECT_EQ(pattern("GET", "/api/v1/courses/5"), "/api/v1/courses/{id}");
  EXPECT_EQ(pattern("PATCH", "/api/v1/courses/5"), "/api/v1/courses/{id}");
  EXPECT_EQ(pattern("GET", "/api/v1/instructors"), "/api/v1/instructors");
  EXPECT_EQ(pattern("POST", "/api/v1/instructors/3/unavailability"), "/api/v1/instructors/{id}/unavailability");
  EXPECT_EQ(pattern("DELETE", "/api/v1/instructors/3/unavailability/9"), "/api/v1/instructors/{id}/unavailability/{rid}");
  EXPECT_EQ(pattern("GET", "/timetable/instructors/3/availability"), "/timetable/instructors/{id}/availability");
  EXPECT_EQ(pattern("POST", "/timetable/instructors/3/availability/9/remove"),
            "/timetable/instructors/{id}/availability/{rid}/remove");
  EXPECT_EQ(pattern("GET", "/timetable/courses"), "/timetable/courses");
  EXPECT_EQ(pattern("POST", "/timetable/courses/5/rule"), "/timetable/courses/{id}/rule");
  EXPECT_EQ(pattern("GET", "/courses/5"), "/courses/{id}");
  EXPECT_EQ(pattern("GET", "/instructors/3/edit"), "/instructors/{id}/edit");
}

// The pages and the API in process (web::Application over the real routes), as each kind of person.
class FakeAuth final : public web::Authenticator {
 public:
  std::optional<web::Principal> who;
  std::optional<web::Principal> from_session(std::string_view) override { return who; }
  std::optional<web::Principal> from_api_token(std::string_view) override { return who; }
};

class AvailabilityHttp : public Availability {
 protected:
  void SetUp() override {
    Availability::SetUp();
    crypto::init();
    curriculum::register_module(registry_);
    register_module(registry_);
    units_ = std::make_unique<platform::Units>(*db_, "", bus_, [] {});
    services_ = std::make_unique<web::Services>(
        web::Services{*db_, clock_, config_, auth_, registry_, "test-secret", [] {}, background_, units_.get()});
    app_ = std::make_unique<web::Application>(*services_);
  }

  void as(web::Role role, std::int64_t user_id = 0) {
    web::Principal p;
    p.user_id = user_id ? user_id : 1;
    p.email = "someone@mdsc.example";
    p.preferred_lang = "en";
    p.roles = {{role, "", 0}};
    p.session_id = 1;
    p.session_token_hash = "hash";
    auth_.who = p;
  }

  http::Response send(const std::string& method, const std::string& target, const std::string& body = "",
                      bool api = false) {
    http::Request r;
    r.method = method;
    r.target = target;
    const auto q = target.find('?');
    r.path = target.substr(0, q);
    r.query = q == std::string::npos ? "" : target.substr(q + 1);
    r.remote_addr = "127.0.0.1";
    r.request_id = "test";
    if (auth_.who) auth_.who->via_api_token = api;
    if (api) {
      r.headers = {{"authorization", "Bearer token"}, {"content-type", "application/json"}};
    } else {
      r.headers = {{"cookie", web::session_cookie_name(config_) + "=token"},
                   {"content-type", "application/x-www-form-urlencoded"}};
    }
    r.body = body;
    if (!api && method == "POST")
      r.body = "_csrf=" + web::csrf_token_for("test-secret", "session", "hash") + (body.empty() ? "" : "&" + body);
    return app_->handle(r);
  }

  FakeClock clock_{kNow};
  Config config_;
  FakeAuth auth_;
  web::Registry registry_;
  BackgroundTasks background_;
  events::Bus bus_;
  std::unique_ptr<platform::Units> units_;  // the request pipeline's unit of work, as the app wires it
  std::unique_ptr<web::Services> services_;
  std::unique_ptr<web::Application> app_;
};

bool has(const http::Response& r, const std::string& text) { return r.body.find(text) != std::string::npos; }

TEST_F(AvailabilityHttp, TheSecretariatAddsAndRemovesRulesAndBadInputIsShownAgain) {
  as(web::Role::secretariat);
  const std::string page = "/timetable/instructors/" + std::to_string(x_) + "/availability";
  auto r = send("GET", page);
  ASSERT_EQ(r.status, 200) << r.body.substr(0, 500);
  EXPECT_TRUE(has(r, "田宮"));
  EXPECT_TRUE(has(r, "Add a rule"));

  r = send("POST", page, "weekday=3&day=2017-12-06&band=&position=&strength=unavailable&reason=abc");
  EXPECT_EQ(r.status, 422);
  EXPECT_TRUE(has(r, "Choose either a weekday")) << r.body;
  EXPECT_TRUE(has(r, "value=\"2017-12-06\""));
  r = send("POST", page, "weekday=&day=&band=evening&position=9&strength=unavailable");
  EXPECT_EQ(r.status, 422);
  EXPECT_TRUE(has(r, "The band has no such period."));
  EXPECT_EQ(count("SELECT COUNT(*) FROM instructor_unavailability"), 0);

  r = send("POST", page, "weekday=3&day=&band=&position=&strength=unavailable&reason=%E6%95%99%E6%8E%88%E4%BC%9A");
  EXPECT_EQ(r.status, 303);
  r = send("GET", page);
  EXPECT_TRUE(has(r, "教授会"));
  EXPECT_TRUE(has(r, "Every Wed"));
  const auto rid = db_->read([](db::Conn& c) { return c.scalar_i64("SELECT id FROM instructor_unavailability"); });

  r = send("GET", "/api/v1/instructors/" + std::to_string(x_) + "/unavailability", "", true);
  ASSERT_EQ(r.status, 200);
  auto j = nlohmann::json::parse(r.body);
  ASSERT_EQ(j["items"].size(), 1u);
  EXPECT_EQ(j["items"][0]["weekday"], 3);
  EXPECT_TRUE(j["items"][0]["day"].is_null());
  r = send("POST", "/api/v1/instructors/" + std::to_string(x_) + "/unavailability",
           R"({"day": "2018-01-24", "band": "daytime", "position": 2, "strength": "avoid", "reason": "学会"})", true);
  ASSERT_EQ(r.status, 201) << r.body;
  const auto added = nlohmann::json::parse(r.body)["id"].get<std::int64_t>();
  r = send("POST", "/api/v1/instructors/" + std::to_string(x_) + "/unavailability", R"({"weekday": 9})", true);
  EXPECT_EQ(r.status, 422);
  EXPECT_TRUE(nlohmann::json::parse(r.body)["error"]["fields"].contains("weekday")) << r.body;
  r = send("DELETE", "/api/v1/instructors/" + std::to_string(x_) + "/unavailability/" + std::to_string(added), "", true);
  EXPECT_EQ(r.status, 200);
  r = send("DELETE", "/api/v1/instructors/" + std::to_string(y_) + "/unavailability/" + std::to_string(rid), "", true);
  EXPECT_EQ(r.status, 404) << "another instructor's rule";

  r = send("POST", page + "/" + std::to_string(rid) + "/remove");
  EXPECT_EQ(r.status, 303);
  EXPECT_EQ(count("SELECT COUNT(*) FROM instructor_unavailability"), 0);
}

TEST_F(AvailabilityHttp, TheSteeringCommitteeViewsTheInstructorEditsTheirOwnAndOthersSeeNothing) {
  add(x_, 3, "", "", 0, "unavailable", "教授会");
  const std::string page = "/timetable/instructors/" + std::to_string(x_) + "/availability";
  as(web::Role::steering_committee);
  auto r = send("GET", page);
  EXPECT_EQ(r.status, 200);
  EXPECT_TRUE(has(r, "教授会"));
  EXPECT_FALSE(has(r, "Add a rule"));
  EXPECT_EQ(send("POST", page, "weekday=1").status, 403);

  identity::UserInput in;
  in.email = "tamiya@mdsc.example";
  in.family_name = "田宮";
  in.given_name = "元";
  auto user = write_unit(*db_, Who{actor_, kNow}, [&](Work& w) { return identity::create_user(w, in); });
  ASSERT_TRUE(user) << user.status().message_id();
  db_->write([&](db::Conn& c) { c.exec("UPDATE instructors SET user_id = ? WHERE id = ?", {*user, x_}); });
  as(web::Role::trainee, *user);  // no instructor role: the link to the instructors row is enough
  r = send("GET", page);
  EXPECT_EQ(r.status, 200);
  EXPECT_TRUE(has(r, "Add a rule"));
  EXPECT_EQ(send("POST", page, "weekday=1&strength=avoid").status, 303);
  EXPECT_EQ(count("SELECT COUNT(*) FROM instructor_unavailability"), 2);
  EXPECT_EQ(send("GET", "/timetable/instructors/" + std::to_string(y_) + "/availability").status, 404);
  EXPECT_EQ(send("GET", "/api/v1/instructors/" + std::to_string(y_) + "/unavailability", "", true).status, 404);

  as(web::Role::trainee, *user + 1000);
  EXPECT_EQ(send("GET", page).status, 404);
}

TEST_F(AvailabilityHttp, TheSecretariatSetsACoursesRuleOnTheCoursesPageAndThroughTheApi) {
  as(web::Role::secretariat);
  auto r = send("GET", "/timetable/courses?fy=2017");
  ASSERT_EQ(r.status, 200) << r.body.substr(0, 500);
  EXPECT_TRUE(has(r, "T-1"));
  EXPECT_TRUE(has(r, "/timetable/instructors/" + std::to_string(x_) + "/availability"));
  const std::string action = "/timetable/courses/" + std::to_string(a_) + "/rule";
  r = send("POST", action, "wd1=1&wd3=1&max_per_week=0&min_days=");
  EXPECT_EQ(r.status, 422);
  EXPECT_TRUE(has(r, "Enter a number greater than zero."));
  r = send("POST", action, "max_per_week=2");
  EXPECT_EQ(r.status, 422) << "no weekday";
  r = send("POST", action, "wd1=1&wd3=1&wd5=1&max_per_week=4&min_days=3");
  EXPECT_EQ(r.status, 303);
  auto rule = db_->read([&](db::Conn& c) { return availability::course_rule(c, a_); });
  EXPECT_EQ(rule.weekdays, "1010100");
  EXPECT_EQ(rule.max_per_week.value_or(0), 4);

  const std::string api = "/api/v1/courses/" + std::to_string(b_) + "/schedule-rule";
  r = send("GET", api, "", true);
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(nlohmann::json::parse(r.body)["stored"], false);
  r = send("PUT", api, R"({"weekdays": "0101000", "max_per_week": 2, "min_days": null})", true);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(nlohmann::json::parse(r.body)["weekdays"], "0101000");
  r = send("PUT", api, R"({"weekdays": "0101000", "min_days": 7})", true);
  EXPECT_EQ(r.status, 422) << "T-2 has 6 periods";
  EXPECT_EQ(send("GET", "/api/v1/courses/999999/schedule-rule", "", true).status, 404);

  as(web::Role::steering_committee);
  r = send("GET", "/timetable/courses?fy=2017");
  EXPECT_EQ(r.status, 200);
  EXPECT_FALSE(has(r, action));
  EXPECT_EQ(send("POST", action, "wd1=1").status, 403);
  EXPECT_EQ(send("PUT", api, R"({"weekdays": "1111100"})", true).status, 403);
}

}  // namespace
}  // namespace mdsc::timetable
