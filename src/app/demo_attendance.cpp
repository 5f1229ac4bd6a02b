#include "app/demo_attendance.h"

#include <set>
#include <string>
#include <vector>

#include "app/demo.h"
#include "app/demo_support.h"
#include "modules/attendance/codes.h"
#include "modules/attendance/operations.h"
#include "modules/attendance/repo.h"
#include "modules/curriculum.h"
#include "modules/curriculum/operations.h"
#include "modules/timetable.h"
#include "platform/work.h"

namespace mdsc::app {
namespace {

constexpr int kMoreTrainees = 11;

audit::Actor as(std::int64_t user_id) { return {user_id, "user:" + std::to_string(user_id), ""}; }

// The accepted trainees other than the demo trainee, by account id.
std::vector<std::int64_t> other_trainees(db::Database& db, std::int64_t demo_trainee) {
  return db.read([&](db::Conn& c) {
    std::vector<std::int64_t> out;
    for (const auto& r : c.query("SELECT u.id FROM users u JOIN roles r ON r.user_id = u.id AND r.role = 'trainee' "
                                 "WHERE u.id <> ? ORDER BY u.id",
                                 {demo_trainee}))
      if (out.size() < kMoreTrainees) out.push_back(r.i64("id"));
    return out;
  });
}

std::string device_of(std::int64_t user_id) { return "demo-device-of-trainee-" + std::to_string(user_id); }

void check_in(db::Database& db, const std::string& key, std::int64_t user_id, const timetable::Session& s,
              std::int64_t at, const std::string& device) {
  const std::string code = attendance::code_for(key, s.id, attendance::code_step(at));
  demo::must(write_unit(db, Who{as(user_id), at, ""},
                        [&](Work& w) {
                          return attendance::check_in(w, {s.id, code, device}, {});
                        }),
             "check-in");
}

}  // namespace

std::vector<timetable::Session> held_sessions(db::Database& db, std::int64_t course_id) {
  const std::int64_t demo_day = demo::tokyo(kDemoDay, "00:00:00");
  timetable::SessionFilter f;
  f.course_id = course_id;
  auto all = db.read([&](db::Conn& c) { return timetable::sessions::list(c, f); });
  std::vector<timetable::Session> held;
  for (auto& s : all)
    if (s.end_unix() < demo_day) held.push_back(std::move(s));
  return held;
}

std::int64_t most_held_course(db::Database& db, const DemoCurriculum& curriculum) {
  std::int64_t best = 0;
  std::size_t most = 0;
  for (auto course : curriculum.trainee_courses)
    if (const auto n = held_sessions(db, course).size(); n > most) {
      most = n;
      best = course;
    }
  return best;
}

void load_demo_attendance(db::Database& db, const DemoCurriculum& curriculum, std::int64_t trainee_user_id) {
  if (!trainee_user_id) return;
  std::vector<std::int64_t> all{trainee_user_id};
  for (auto id : other_trainees(db, trainee_user_id)) all.push_back(id);
  const auto chose = demo::tokyo("2017-11-27", "12:00:00");
  for (auto course : curriculum.trainee_courses)
    for (std::size_t i = 1; i < all.size(); ++i)
      demo::must(
          demo::step(db, chose, [&](Work& w) { return curriculum::enroll(w, course, all[i], curriculum::On::office); }),
          "enrollment");

  const std::int64_t demo_day = demo::tokyo(kDemoDay, "00:00:00");
  const std::string key = db.read([](db::Conn& c) { return attendance::repo::code_key(c); });
  const std::int64_t secretariat = db.read(
      [](db::Conn& c) { return c.scalar_i64("SELECT id FROM users WHERE email = 'secretariat@mdsc.example'"); });
  const std::int64_t away_course = most_held_course(db, curriculum);
  int n = 0;
  for (auto course : curriculum.trainee_courses) {
    const auto sessions = held_sessions(db, course);
    int left = static_cast<int>(sessions.size());  // sessions of the course still to go, this one included
    // Those the course took (a full course waitlists the rest).
    std::vector<std::int64_t> trainees;
    db.read([&](db::Conn& c) {
      for (auto id : all)
        if (curriculum::enrolled_in(c, course, id)) trainees.push_back(id);
    });
    for (const auto& s : sessions) {
      ++n;
      --left;
      for (std::size_t i = 0; i < trainees.size(); ++i) {
        const auto who = trainees[i];
        const std::size_t k = i + static_cast<std::size_t>(n);
        if (i > 0 && k % 9 == 0) continue;  // absent: no check-in
        // The last trainee of the course held most missed its last two sessions: warned.
        const bool away = course == away_course && i + 1 == trainees.size() && i > 0;
        if (away && left < 2) continue;
        // Most a few minutes early; some late (from 12 minutes after the start).
        const std::int64_t at = k % 7 == 3 ? s.start_unix() + 12 * 60 + static_cast<std::int64_t>(i) * 40
                                           : s.start_unix() - 8 * 60 + static_cast<std::int64_t>(i) * 25;
        check_in(db, key, who, s, at, device_of(who));
      }
      // The third and the sixth sessions: trainee 2 checked in a friend who was absent, from
      // trainee 2's phone (both flagged); the secretariat rejected the first, the second waits.
      if ((n == 3 || n == 6) && trainees.size() > 8) {
        const auto absent = trainees[static_cast<std::size_t>((9 - n % 9) % 9)];
        check_in(db, key, absent, s, s.start_unix() - 60, device_of(trainees[2]));
        const auto rec = db.read([&](db::Conn& c) { return attendance::repo::record(c, s.id, absent); });
        const auto owner = db.read([&](db::Conn& c) { return attendance::repo::record(c, s.id, trainees[2]); });
        if (n == 3 && rec && owner) {
          const Who office{as(secretariat), s.end_unix() + 3600, ""};
          demo::must(write_unit(db, office,
                                [&](Work& w) { return attendance::review(w, rec->id, false, "本人は欠席(代理出席)"); }),
                     "review");
          demo::must(
              write_unit(db, office,
                         [&](Work& w) { return attendance::review(w, owner->id, true, "本人の出席を講師が確認"); }),
              "review");
        }
      }
      // One excused absence: a conference talk, marked by the secretariat.
      if (n == 4 && trainees.size() > 4)
        demo::must(write_unit(db, Who{as(secretariat), s.end_unix(), ""},
                              [&](Work& w) {
                                return attendance::mark(w, s.id, trainees[4], attendance::Mark::excused,
                                                        "学会発表のため(事前届出あり)");
                              }),
                   "excused");
    }
  }
  // The second course counts excused absences; the warnings of the days before the demo's day
  // went out (the daily job sends them).
  if (curriculum.trainee_courses.size() > 1)
    demo::must(write_unit(db, Who{as(secretariat), demo_day - 7 * 86400, ""},
                          [&](Work& w) { return attendance::set_rule(w, curriculum.trainee_courses[1], "2/3", true); }),
               "attendance rule");
  // The daily job ran each evening of the term: replayed over the days that had sessions.
  std::set<std::string> days;
  for (auto course : curriculum.trainee_courses)
    for (const auto& s : held_sessions(db, course)) days.insert(s.day);
  for (const auto& day : days) attendance::send_warnings(db, demo::tokyo(day.c_str(), "23:00:00"), kDemoSite);
}

}  // namespace mdsc::app
