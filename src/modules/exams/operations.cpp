#include "modules/exams/operations.h"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include "core/i18n.h"
#include "modules/attendance.h"
#include "modules/curriculum.h"
#include "modules/exams/repo.h"
#include "modules/timetable.h"

namespace mdsc::exams {
namespace {

constexpr std::size_t kMaxEntries = 5000;

// A whole number of at most 6 digits, or nullopt.
std::optional<std::int64_t> whole_number(const std::string& text) {
  if (text.empty() || text.size() > 6) return std::nullopt;
  std::int64_t v = 0;
  for (char ch : text) {
    if (ch < '0' || ch > '9') return std::nullopt;
    v = v * 10 + (ch - '0');
  }
  return v;
}

}  // namespace

Result<std::int64_t> create_exam(Work& w, Exam e) {
  auto course = curriculum::find_course(w.conn, e.course_id);
  if (!course) return Status::not_found();
  Status st = entity::validate(e);
  if (e.session_id) {
    auto s = timetable::sessions::get(w.conn, e.session_id);
    if (!s || s->course_id != e.course_id)
      st.field("session_id", "exams.session_of_other_course");
    else
      e.held_on = s->day;
  }
  std::int64_t ignored = 0;
  if (e.held_on.empty())
    st.field("held_on", "exams.day_required");
  else if (!i18n::tokyo_to_unix(e.held_on, "00:00:00", ignored))
    st.field("held_on", "validation.date");
  if (e.pass_mark > e.max_score)
    st.field("pass_mark", "exams.pass_mark_above_max", {{"max", std::to_string(e.max_score)}});
  if (!st) return st;
  e.created_at = e.updated_at = w.now;
  e.id = repo::insert_exam(w.conn, e);
  w.audit("create", "exams", e.id, nlohmann::json::object(), entity::snapshot(e));
  return e.id;
}

Status check_scores(Work& w, const Exam& exam, const std::vector<ScoreEntry>& entries) {
  Status st;
  if (entries.empty()) return Status::invalid("exams.no_scores");
  if (entries.size() > kMaxEntries) return Status::invalid("exams.too_many_scores");
  std::map<std::int64_t, bool> first_passed;  // user -> first attempt passed, stored or in this batch
  for (const auto& r : repo::results_of_exam(w.conn, exam.id))
    if (r.attempt == 1) first_passed[r.user_id] = r.passed;
  for (const auto& e : entries)
    if (e.attempt == 1)
      if (auto v = whole_number(e.score); v && *v <= exam.max_score) first_passed[e.user_id] = exam.passes(*v);
  std::set<std::pair<std::int64_t, std::int64_t>> seen;
  std::map<std::int64_t, attendance::Standing> standings;
  const std::int64_t exam_day_end = exam.day_ends_at();
  const std::int64_t at = exam_day_end ? std::min(exam_day_end, w.now) : w.now;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const auto& e = entries[i];
    const std::string key = "row." + std::to_string(i);
    const auto score = whole_number(e.score);
    if (!score || *score > exam.max_score) {
      st.field(key, "exams.score_range", {{"max", std::to_string(exam.max_score)}});
      continue;
    }
    if (e.attempt != 1 && e.attempt != 2) {
      st.field(key, "exams.attempt_invalid");
      continue;
    }
    if (!seen.insert({e.user_id, e.attempt}).second) {
      st.field(key, "exams.duplicate_row");
      continue;
    }
    if (!curriculum::enrolled_in(w.conn, exam.course_id, e.user_id)) {
      st.field(key, "exams.not_enrolled");
      continue;
    }
    if (e.attempt == 2) {
      if (!exam.retake_allowed) {
        st.field(key, "exams.no_retake");
        continue;
      }
      const auto f = first_passed.find(e.user_id);
      if (f == first_passed.end() || f->second) {
        st.field(key, "exams.retake_needs_failed_first");
        continue;
      }
    }
    if (exam.requires_attendance) {
      auto it = standings.find(e.user_id);
      if (it == standings.end())
        it = standings.emplace(e.user_id, attendance::standing_in(w.conn, exam.course_id, e.user_id, at)).first;
      if (it->second.below())
        st.field(key, "exams.not_eligible",
                 {{"rate", std::to_string(std::max(0, it->second.rate_percent()))},
                  {"threshold", attendance::threshold_text(it->second.rule)}});
    }
  }
  return st;
}

Result<int> enter_scores(Work& w, std::int64_t exam_id, const std::vector<ScoreEntry>& entries) {
  if (!repo::lock_exam(w.conn, exam_id)) return Status::not_found();
  const auto exam = repo::exam(w.conn, exam_id);
  if (!exam) return Status::not_found();
  if (Status st = check_scores(w, *exam, entries); !st) return st;
  int changed = 0;
  for (const auto& e : entries) {
    const auto before = repo::result(w.conn, exam_id, e.user_id, e.attempt);
    ExamResult r = before.value_or(ExamResult{});
    r.exam_id = exam_id;
    r.user_id = e.user_id;
    r.attempt = e.attempt;
    r.score = *whole_number(e.score);
    r.passed = exam->passes(r.score);
    r.entered_by = w.actor.user_id;
    r.updated_at = w.now;
    if (before && before->score == r.score) continue;
    repo::save_result(w.conn, r);
    const auto after = repo::result(w.conn, exam_id, e.user_id, e.attempt);
    w.audit(before ? "update" : "create", "exam_results", after ? after->id : 0,
            before ? entity::snapshot(*before) : nlohmann::json::object(), entity::snapshot(after.value_or(r)));
    ++changed;
  }
  return changed;
}

}  // namespace mdsc::exams
