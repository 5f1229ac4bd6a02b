#include "app/demo_exams.h"

#include <string>
#include <vector>

#include "app/demo.h"
#include "app/demo_attendance.h"
#include "app/demo_support.h"
#include "modules/attendance.h"
#include "modules/curriculum.h"
#include "modules/exams/operations.h"
#include "modules/timetable.h"
#include "platform/work.h"

namespace mdsc::app {

void load_demo_exams(db::Database& db, const DemoCurriculum& curriculum) {
  if (curriculum.trainee_courses.size() < 2) return;
  const std::int64_t demo_day = demo::tokyo(kDemoDay, "00:00:00");
  const std::int64_t secretariat = db.read(
      [](db::Conn& c) { return c.scalar_i64("SELECT id FROM users WHERE email = 'secretariat@mdsc.example'"); });
  const audit::Actor office{secretariat, "user:" + std::to_string(secretariat), ""};
  const auto course = most_held_course(db, curriculum);
  const auto held = held_sessions(db, course);
  if (held.empty()) return;
  const auto& last = held.back();

  exams::Exam mid;
  mid.course_id = course;
  mid.title = "中間試験";
  mid.session_id = last.id;
  mid.retake_allowed = true;
  const auto exam_id = demo::must(write_unit(db, Who{office, last.start_unix() - 7 * 86400, ""},
                                             [&](Work& w) { return exams::create_exam(w, mid); }),
                                  "exam");

  // Those who met the attendance rule on the day sat it; scores from 48 to 96.
  std::vector<exams::ScoreEntry> first;
  std::int64_t failed = 0;
  db.read([&](db::Conn& c) {
    int i = 0;
    for (const auto& t : curriculum::roster(c, course)) {
      if (attendance::standing_in(c, course, t.user_id, last.end_unix()).below()) continue;
      const int score = 48 + (i * 29) % 49;
      if (score < 60 && !failed) failed = t.user_id;
      first.push_back({t.user_id, 1, std::to_string(score)});
      ++i;
    }
  });
  demo::must(write_unit(db, Who{office, last.end_unix() + 3 * 86400, ""},
                        [&](Work& w) { return exams::enter_scores(w, exam_id, first); }),
             "exam scores");
  if (failed)
    demo::must(write_unit(db, Who{office, demo_day - 86400, ""},
                          [&](Work& w) {
                            return exams::enter_scores(w, exam_id, {{failed, 2, "72"}});
                          }),
               "retake");

  exams::Exam final_exam;
  final_exam.course_id =
      course == curriculum.trainee_courses[0] ? curriculum.trainee_courses[1] : curriculum.trainee_courses[0];
  final_exam.title = "期末レポート";
  final_exam.held_on = "2018-02-23";
  demo::must(
      write_unit(db, Who{office, demo_day - 3 * 86400, ""}, [&](Work& w) { return exams::create_exam(w, final_exam); }),
      "exam");
}

}  // namespace mdsc::app
