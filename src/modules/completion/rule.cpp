#include "modules/completion/rule.h"

#include <algorithm>

namespace mdsc::completion {
namespace {

// Why this course is not passed (empty: passed).
std::vector<Reason> failures(const Rule& rule, const CourseInfo& c, const CourseState& s) {
  std::vector<Reason> out;
  auto reason = [&](std::string id, std::map<std::string, std::string> args) {
    out.push_back({c.code, c.title_ja, c.title_en, std::move(id), std::move(args)});
  };
  if (!s.enrolled) {
    reason("completion.reason.not_enrolled", {});
    return out;
  }
  if (rule.attendance_required && !s.standing.met())
    reason("completion.reason.attendance", {{"attended", std::to_string(s.standing.attended)},
                                            {"needed", std::to_string(s.standing.needed)},
                                            {"threshold", attendance::threshold_text(s.standing.rule)}});
  if (rule.exams_required && !s.exams.all_passed())
    reason("completion.reason.exams",
           {{"passed", std::to_string(s.exams.passed)}, {"exams", std::to_string(s.exams.exams)}});
  return out;
}

}  // namespace

Verdict judge(const Rule& rule, const std::vector<CourseInfo>& courses,
              const std::function<CourseState(const CourseInfo&)>& state_of) {
  Verdict v;
  struct Track {
    std::string name;
    int passed = 0;
    std::vector<Reason> lacking;
  };
  std::map<std::string, Track> tracks;
  for (const auto& c : courses) {
    auto f = failures(rule, c, state_of(c));
    if (c.category == "common") {
      v.reasons.insert(v.reasons.end(), f.begin(), f.end());
      continue;
    }
    if (c.track.empty()) continue;
    auto& t = tracks[c.track];
    t.name = c.track;
    if (f.empty()) ++t.passed;
    t.lacking.insert(t.lacking.end(), f.begin(), f.end());
  }
  const Track* nearest = nullptr;
  for (const auto& [name, t] : tracks) {
    if (t.lacking.empty())
      v.tracks.push_back(name);
    else if (!nearest || t.passed > nearest->passed)
      nearest = &t;
  }
  if (static_cast<std::int64_t>(v.tracks.size()) < rule.tracks_required) {
    v.reasons.push_back(
        {"",
         "",
         "",
         "completion.reason.tracks",
         {{"required", std::to_string(rule.tracks_required)}, {"passed", std::to_string(v.tracks.size())}}});
    if (nearest) v.reasons.insert(v.reasons.end(), nearest->lacking.begin(), nearest->lacking.end());
  }
  v.completes = v.reasons.empty();
  return v;
}

using entity::Table, entity::field, entity::columns;

const entity::Table<Rule>& Rule::table() {
  using R = Rule;
  static const Table<R> t{"completion_rules",
                          {field<&R::fiscal_year>(),
                           field<&R::tracks_required>().label("completion.tracks_required", "number").range(0, 10),
                           field<&R::attendance_required>().label("completion.attendance_required", "checkbox"),
                           field<&R::exams_required>().label("completion.exams_required", "checkbox"),
                           field<&R::updated_at>().instant().not_audited()}};
  return t;
}

const entity::Table<Confirmation>& Confirmation::table() {
  using C = Confirmation;
  static const Table<C> t{
      "completions",
      {field<&C::id>().key(), columns<&C::fiscal_year, &C::user_id>(), field<&C::confirmed_by>().nullable(),
       field<&C::confirmed_at>().instant(), field<&C::society_signer>(), field<&C::signed_off_by>().nullable(),
       field<&C::signed_off_at>().nullable().instant()}};
  return t;
}

}  // namespace mdsc::completion
