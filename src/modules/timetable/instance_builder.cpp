#include "modules/timetable/instance_builder.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <set>

namespace mdsc::timetable {
namespace {

// No more than two periods of one course on a day (a double lecture or practical at most).
constexpr int kMaxPerDay = 2;

}  // namespace

BuiltInstance build_instance(const PlanningData& data) {
  BuiltInstance out;
  auto& in = out.instance;
  in.name = data.term.name;
  // Weeks run Monday to Sunday, counted from the week of the term's first day.
  std::vector<unsigned> weekday_of;
  std::chrono::year_month_day first{};
  parse_iso_date(data.term.starts_on, first);
  const auto monday_of = [](std::chrono::year_month_day ymd) {
    const std::chrono::sys_days day{ymd};
    return day - std::chrono::days{std::chrono::weekday{day}.iso_encoding() - 1};
  };
  const auto first_monday = monday_of(first);
  for (const auto& d : term_days(data.term))
    if (d.status == "teaching") {
      out.days.push_back(d.iso);
      weekday_of.push_back(d.weekday);
      in.week_of_day.push_back(static_cast<int>((monday_of(d.date) - first_monday).count() / 7));
    }
  out.slots = grid_order(data.term.periods);
  in.days = static_cast<int>(out.days.size());
  in.periods_per_day = static_cast<int>(out.slots.size());

  std::map<std::int64_t, int> students;
  for (const auto& [course, user] : data.enrolled) ++students[course];
  std::map<std::int64_t, std::vector<int>> by_instructor;
  std::map<std::string, std::vector<int>> by_group;  // "common", or the track
  for (const auto& c : data.courses) {
    const int index = static_cast<int>(in.courses.size());
    ctt::Course k;
    k.name = c.code.empty() ? "course-" + std::to_string(c.id) : c.code;
    // The engine knows one teacher per course: the first instructor; the others are curricula.
    k.teacher = c.instructors.empty() ? "course-" + std::to_string(c.id)
                                      : "instructor-" + std::to_string(c.instructors.front().instructor_id);
    k.lectures = c.periods;
    k.min_working_days = std::max(1, (c.periods + kMaxPerDay - 1) / kMaxPerDay);
    k.students = students.count(c.id) ? students[c.id] : 0;
    k.max_per_day = kMaxPerDay;
    in.courses.push_back(k);
    out.course_ids.push_back(c.id);
    for (const auto& i : c.instructors) by_instructor[i.instructor_id].push_back(index);
    by_group[c.category == "common" ? std::string("common") : c.track].push_back(index);
  }
  for (const auto& r : data.rooms) {
    in.rooms.push_back({r.name, r.capacity});
    out.room_ids.push_back(r.id);
  }

  auto add_curriculum = [&](std::string name, std::vector<int> courses) {
    std::sort(courses.begin(), courses.end());
    courses.erase(std::unique(courses.begin(), courses.end()), courses.end());
    if (courses.size() > 1) in.curricula.push_back({std::move(name), std::move(courses)});
  };
  for (const auto& [group, courses] : by_group) add_curriculum(group, courses);
  for (const auto& [instructor, courses] : by_instructor)
    add_curriculum("instructor-" + std::to_string(instructor), courses);
  // Courses that share a trainee must never overlap; a pair that is already in a group needs no more.
  std::map<std::int64_t, std::set<int>> per_user;
  std::map<std::int64_t, int> index_of;
  for (std::size_t i = 0; i < out.course_ids.size(); ++i) index_of[out.course_ids[i]] = static_cast<int>(i);
  for (const auto& [course, user] : data.enrolled)
    if (index_of.count(course)) per_user[user].insert(index_of[course]);
  std::set<std::pair<int, int>> together;
  for (const auto& cur : in.curricula)
    for (int a : cur.courses)
      for (int b : cur.courses) together.insert({a, b});
  std::set<std::pair<int, int>> pairs;
  for (const auto& [user, courses] : per_user)
    for (int a : courses)
      for (int b : courses)
        if (a < b && !together.count({a, b})) pairs.insert({a, b});
  for (const auto& [a, b] : pairs) add_curriculum("shared-" + in.courses[a].name + "-" + in.courses[b].name, {a, b});

  in.index_teachers();
  // A course is taught only in its own band, on the weekdays its rule allows, and never when one
  // of its instructors is unavailable; an instructor's 'avoid' costs a penalty per period.
  bool any_avoid = false, any_weekly_cap = false;
  for (std::size_t c = 0; c < data.courses.size(); ++c) {
    const auto& course = data.courses[c];
    const auto rule = data.rules.find(course.id);
    if (rule != data.rules.end()) {
      if (rule->second.min_days) in.courses[c].min_working_days = *rule->second.min_days;
      if (rule->second.max_per_week) {
        in.courses[c].max_per_week = *rule->second.max_per_week;
        any_weekly_cap = true;
      }
    }
    std::vector<const Unavailability*> limits;
    for (const auto& i : course.instructors)
      if (auto it = data.unavailability.find(i.instructor_id); it != data.unavailability.end())
        for (const auto& u : it->second) limits.push_back(&u);
    for (int d = 0; d < in.days; ++d) {
      const bool weekday_allowed = rule == data.rules.end() || rule->second.allows(weekday_of[d]);
      for (int s = 0; s < in.periods_per_day; ++s) {
        const std::size_t cell = c * in.periods() + d * in.periods_per_day + s;
        if (out.slots[s].band != course.time_band || !weekday_allowed) {
          in.unavailable[cell] = 1;
          continue;
        }
        int penalty = 0;
        for (const auto* u : limits) {
          if (!u->covers(out.days[d], weekday_of[d], out.slots[s].band, out.slots[s].position)) continue;
          if (u->strength == "avoid") penalty += kAvoidPenalty;
          else in.unavailable[cell] = 1;
        }
        if (penalty) {
          if (in.period_penalty.empty()) in.period_penalty.assign(in.unavailable.size(), 0);
          in.period_penalty[cell] = penalty;
          any_avoid = true;
        }
      }
    }
  }
  if (any_avoid) in.weights.preferences = kPreferenceWeight;
  if (any_weekly_cap) in.weights.spread = kSpreadWeight;
  return out;
}

}  // namespace mdsc::timetable
