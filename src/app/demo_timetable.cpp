#include "app/demo_timetable.h"

#include <stdexcept>

#include "app/demo_support.h"
#include "core/background.h"
#include "core/clock.h"
#include "core/i18n.h"
#include "modules/timetable/availability/availability.h"
#include "modules/timetable/planning/generation.h"
#include "modules/timetable/sessions/publish.h"
#include "modules/timetable/terms/operations.h"
#include "platform/audit.h"
#include "platform/work.h"

namespace mdsc::app {
namespace {

// One unit of work as the demo's system actor, at `now`.
template <typename F>
auto demo_unit(db::Database& db, const audit::Actor& actor, std::int64_t now, F&& fn) {
  return write_unit(db, Who{actor, now, ""}, std::forward<F>(fn));
}

std::int64_t demo_instructor(db::Database& db, const char* family, const char* given) {
  auto row = db.read([&](db::Conn& c) {
    return c.query_one("SELECT id FROM instructors WHERE family_name = ? AND given_name = ?", {family, given});
  });
  if (!row) throw std::runtime_error(std::string("demo timetable: no instructor ") + family);
  return row->i64("id");
}

// When the instructors cannot teach or would rather not, and where the courses go: the
// prospectus's common subjects in the daytime about three days a week (Monday, Wednesday,
// Friday), the tracks' specialised courses in the evening one or two days a week (Tuesday,
// Thursday).
void rule(db::Database& db, const audit::Actor& actor, const char* family, const char* given, int weekday,
          const char* day, const char* band, const char* strength, const char* reason, std::int64_t now) {
  timetable::Unavailability u;
  u.instructor_id = demo_instructor(db, family, given);
  u.weekday = weekday;
  u.day = day;
  u.band = band;
  u.position = 0;
  u.strength = strength;
  u.reason = reason;
  if (auto id = demo_unit(db, actor, now, [&](Work& w) { return timetable::availability::add_rule(w, u); }); !id)
    throw std::runtime_error(std::string("demo unavailability of ") + family + ": " + id.status().message_id());
}

void load_demo_rules(db::Database& db, const audit::Actor& actor, std::int64_t now) {
  rule(db, actor, "奥野", "恭史", 3, "", "", "unavailable", "教授会", now);                 // AI-1: never on a Wednesday
  rule(db, actor, "杉山", "将", 1, "", "daytime", "avoid", "研究センターの定例会議", now);  // C-L2: rather not on Mondays

  auto courses = db.read([](db::Conn& c) {
    return c.query("SELECT id, category, periods FROM courses WHERE fiscal_year = 2017 ORDER BY code");
  });
  for (const auto& k : courses) {
    timetable::CourseRule r;
    r.course_id = k.i64("id");
    const bool common = k.str("category") == "common";
    r.weekdays = common ? "1010100" : "0101000";
    r.max_per_week = common ? 4 : 2;
    if (auto st = demo_unit(db, actor, now, [&](Work& w) { return timetable::availability::save_course_rule(w, r); });
        !st)
      throw std::runtime_error("demo course rule: " + st.message_id());
  }
}

// A draft as the secretariat makes one (the generation page's run, on a thread of its own), at `at`.
std::int64_t generate_draft(db::Database& db, const audit::Actor& actor, std::int64_t term, std::int64_t seed,
                            std::int64_t at) {
  FakeClock clock(at);  // declared before the tasks: they use it until they are joined
  BackgroundTasks tasks;
  // Two seconds find a feasible timetable with room to spare (demo_timetable_test prints how fast).
  auto id = timetable::start_generation(db, tasks, Who{actor, at, ""}, {term, seed, 2}, clock);
  if (!id) throw std::runtime_error("demo timetable: " + id.status().message_id());
  tasks.wait_idle();
  auto run = db.read([&](db::Conn& c) { return timetable::run(c, *id); });
  if (!run || run->status != timetable::RunStatus::done)
    throw std::runtime_error("demo timetable: the generation ended " +
                             (run ? std::string(name_of(run->status)) + " " + run->message : "?"));
  return *id;
}

}  // namespace

void load_demo_timetable(db::Database& db, std::int64_t now) {
  const audit::Actor actor = audit::Actor::system("demo");
  timetable::Term term;
  term.fiscal_year = 2017;
  term.name = "2017年度 試行期間(12月〜2月)";
  term.starts_on = "2017-12-01";
  term.ends_on = "2018-02-28";
  auto id = demo_unit(db, actor, now, [&](Work& w) { return timetable::save_term(w, term); });
  if (!id) throw std::runtime_error("demo term: " + id.status().message_id());
  // The day before the national centre test, when the universities prepare their halls.
  auto closed = demo_unit(db, actor, now, [&](Work& w) {
    return timetable::add_closed_day(w, *id, {"2018-01-12", "大学入試センター試験の準備"});
  });
  if (!closed) throw std::runtime_error("demo closed day: " + closed.message_id());

  const timetable::Room rooms[] = {
      {0, "第1講義室", 80, "代表機関 教育棟 1階", true},
      {0, "第2講義室", 40, "代表機関 教育棟 2階", true},
      {0, "演習室(端末40台)", 40, "代表機関 情報センター 3階", true},
      {0, "遠隔セキュリティルーム", 12, "代表機関 研究棟 5階(臨床データを扱う講義用)", true},
  };
  for (const auto& r : rooms)
    if (auto saved = demo_unit(db, actor, now, [&](Work& w) { return timetable::save_room(w, r); }); !saved)
      throw std::runtime_error("demo room: " + saved.status().message_id());
  load_demo_rules(db, actor, now);
}

void load_demo_timetable_history(db::Database& db) {
  const audit::Actor actor = audit::Actor::system("demo");
  const auto term = db.read([](db::Conn& c) { return c.scalar_i64("SELECT id FROM terms WHERE fiscal_year = 2017"); });
  // Published a week before the term began.
  const auto first = generate_draft(db, actor, term, 1, demo::tokyo("2017-11-24", "10:00:00"));
  auto published = demo_unit(db, actor, demo::tokyo("2017-11-24", "15:00:00"),
                             [&](Work& w) { return timetable::publish_run(w, first); });
  if (!published) throw std::runtime_error("demo timetable publication: " + published.status().message_id());
  // Then, in January, C-L3's instructor had to go to a conference on a teaching day ahead: the
  // secretariat made a new draft that keeps every session already held, and has yet to publish it.
  rule(db, actor, "田宮", "元", 0, "2018-01-24", "", "unavailable", "学会出張", demo::tokyo("2018-01-10", "11:00:00"));
  generate_draft(db, actor, term, 2, demo::tokyo("2018-01-11", "10:00:00"));
}

}  // namespace mdsc::app
