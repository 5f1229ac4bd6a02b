#include "modules/timetable/planning/instance_builder.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <set>

namespace mdsc::timetable {
namespace {

// No more than two periods of one course on a day (a double lecture or practical at most).
constexpr int kMaxPerDay = 2;

// The instance, in named steps: the term's teaching days, the courses and rooms, the curricula
// (groups, instructors, trainees' shared courses), then where each course may and may not go.
class Builder {
 public:
  explicit Builder(const PlanningData& data) : data_(data), in_(out_.instance) {}

  BuiltInstance build() {
    in_.name = data_.term.name;
    add_days();
    add_courses();
    add_rooms();
    add_curricula();
    in_.index_teachers();
    add_availability();
    return std::move(out_);
  }

 private:
  // Weeks run Monday to Sunday, counted from the week of the term's first day.
  void add_days() {
    std::chrono::year_month_day first{};
    parse_iso_date(data_.term.starts_on, first);
    const auto monday_of = [](std::chrono::year_month_day ymd) {
      const std::chrono::sys_days day{ymd};
      return day - std::chrono::days{std::chrono::weekday{day}.iso_encoding() - 1};
    };
    const auto first_monday = monday_of(first);
    for (const auto& d : term_days(data_.term))
      if (d.status == "teaching") {
        out_.days.push_back(d.iso);
        weekday_of_.push_back(d.weekday);
        in_.week_of_day.push_back(static_cast<int>((monday_of(d.date) - first_monday).count() / 7));
      }
    out_.slots = grid_order(data_.term.periods);
    in_.days = static_cast<int>(out_.days.size());
    in_.periods_per_day = static_cast<int>(out_.slots.size());
  }

  void add_courses() {
    std::map<std::int64_t, int> students;
    for (const auto& [course, user] : data_.enrolled) ++students[course];
    for (const auto& c : data_.courses) {
      const int index = static_cast<int>(in_.courses.size());
      ctt::Course k;
      k.name = c.code.empty() ? "course-" + std::to_string(c.id) : c.code;
      // The engine knows one teacher per course: the first instructor; the others are curricula.
      k.teacher = c.instructors.empty() ? "course-" + std::to_string(c.id)
                                        : "instructor-" + std::to_string(c.instructors.front().instructor_id);
      k.lectures = c.periods;
      k.min_working_days = std::max(1, (c.periods + kMaxPerDay - 1) / kMaxPerDay);
      k.students = students.count(c.id) ? students[c.id] : 0;
      k.max_per_day = kMaxPerDay;
      in_.courses.push_back(k);
      out_.course_ids.push_back(c.id);
      for (const auto& i : c.instructors) by_instructor_[i.instructor_id].push_back(index);
      by_group_[c.category == "common" ? std::string("common") : c.track].push_back(index);
    }
  }

  void add_rooms() {
    for (const auto& r : data_.rooms) {
      in_.rooms.push_back({r.name, r.capacity});
      out_.room_ids.push_back(r.id);
    }
  }

  void add_curriculum(std::string name, std::vector<int> courses) {
    std::sort(courses.begin(), courses.end());
    courses.erase(std::unique(courses.begin(), courses.end()), courses.end());
    if (courses.size() > 1) in_.curricula.push_back({std::move(name), std::move(courses)});
  }

  // A group ("common" or a track) and an instructor's courses are curricula; so are two courses
  // that share a trainee (they must never overlap), unless a curriculum already holds the pair.
  void add_curricula() {
    for (const auto& [group, courses] : by_group_) add_curriculum(group, courses);
    for (const auto& [instructor, courses] : by_instructor_)
      add_curriculum("instructor-" + std::to_string(instructor), courses);
    std::map<std::int64_t, std::set<int>> per_user;
    std::map<std::int64_t, int> index_of;
    for (std::size_t i = 0; i < out_.course_ids.size(); ++i) index_of[out_.course_ids[i]] = static_cast<int>(i);
    for (const auto& [course, user] : data_.enrolled)
      if (index_of.count(course)) per_user[user].insert(index_of[course]);
    std::set<std::pair<int, int>> together;
    for (const auto& cur : in_.curricula)
      for (int a : cur.courses)
        for (int b : cur.courses) together.insert({a, b});
    std::set<std::pair<int, int>> pairs;
    for (const auto& [user, courses] : per_user)
      for (int a : courses)
        for (int b : courses)
          if (a < b && !together.count({a, b})) pairs.insert({a, b});
    for (const auto& [a, b] : pairs)
      add_curriculum("shared-" + in_.courses[a].name + "-" + in_.courses[b].name, {a, b});
  }

  // A course is taught only in its own band, on the weekdays its rule allows, and never when one
  // of its instructors is unavailable; an instructor's 'avoid' costs a penalty per period.
  void add_availability() {
    bool any_avoid = false, any_weekly_cap = false;
    for (std::size_t c = 0; c < data_.courses.size(); ++c) {
      const auto& course = data_.courses[c];
      const auto rule = data_.rules.find(course.id);
      const CourseRule* course_rule = rule == data_.rules.end() ? nullptr : &rule->second;
      if (course_rule) apply_rule(*course_rule, in_.courses[c], any_weekly_cap);
      any_avoid |= add_course_availability(c, course, course_rule);
    }
    if (any_avoid) in_.weights.preferences = kPreferenceWeight;
    if (any_weekly_cap) in_.weights.spread = kSpreadWeight;
  }

  static void apply_rule(const CourseRule& rule, ctt::Course& k, bool& any_weekly_cap) {
    if (rule.min_days) k.min_working_days = *rule.min_days;
    if (rule.max_per_week) {
      k.max_per_week = *rule.max_per_week;
      any_weekly_cap = true;
    }
  }

  // The course's unavailable periods and penalties; whether it has any 'avoid' penalty.
  bool add_course_availability(std::size_t c, const curriculum::Course& course, const CourseRule* rule) {
    std::vector<const Unavailability*> limits;
    for (const auto& i : course.instructors)
      if (auto it = data_.unavailability.find(i.instructor_id); it != data_.unavailability.end())
        for (const auto& u : it->second) limits.push_back(&u);
    bool any_avoid = false;
    for (int d = 0; d < in_.days; ++d) {
      const bool weekday_allowed = !rule || rule->allows(weekday_of_[d]);
      for (int s = 0; s < in_.periods_per_day; ++s) {
        const std::size_t cell = c * in_.periods() + d * in_.periods_per_day + s;
        if (out_.slots[s].band != course.time_band || !weekday_allowed) {
          in_.unavailable[cell] = 1;
          continue;
        }
        int penalty = 0;
        for (const auto* u : limits) {
          if (!u->covers(out_.days[d], weekday_of_[d], out_.slots[s].band, out_.slots[s].position)) continue;
          if (u->strength == "avoid") penalty += kAvoidPenalty;
          else
            in_.unavailable[cell] = 1;
        }
        if (penalty) {
          if (in_.period_penalty.empty()) in_.period_penalty.assign(in_.unavailable.size(), 0);
          in_.period_penalty[cell] = penalty;
          any_avoid = true;
        }
      }
    }
    return any_avoid;
  }

  const PlanningData& data_;
  BuiltInstance out_;
  ctt::Instance& in_;
  std::vector<unsigned> weekday_of_;
  std::map<std::int64_t, std::vector<int>> by_instructor_;
  std::map<std::string, std::vector<int>> by_group_;  // "common", or the track
};

}  // namespace

BuiltInstance build_instance(const PlanningData& data) { return Builder(data).build(); }

}  // namespace mdsc::timetable
