#include "modules/timetable/planning/run_message.h"

#include <map>

#include "core/i18n.h"
#include "nlohmann/json.hpp"

namespace mdsc::timetable {
namespace {

const char* kind_name(ctt::Blocker::Kind k) {
  switch (k) {
    case ctt::Blocker::Kind::availability: return "availability";
    case ctt::Blocker::Kind::curriculum: return "curriculum";
    case ctt::Blocker::Kind::teacher: return "teacher";
    case ctt::Blocker::Kind::rooms: return "rooms";
    case ctt::Blocker::Kind::unplaced: return "unplaced";
  }
  return "unplaced";
}

nlohmann::json blocker_json(const BuiltInstance& built, const ctt::Blocker& b, const char* stage) {
  nlohmann::json j{{"stage", stage}, {"kind", kind_name(b.kind)}, {"constraint", b.constraint}};
  auto courses = nlohmann::json::array();
  for (int c : b.courses) courses.push_back(built.course_ids.at(static_cast<std::size_t>(c)));
  j["courses"] = courses;
  if (b.period >= 0) {
    const auto& slot = built.slots.at(static_cast<std::size_t>(built.instance.slot_of(b.period)));
    j["day"] = built.days.at(static_cast<std::size_t>(built.instance.day_of(b.period)));
    j["band"] = slot.band;
    j["position"] = slot.position;
  }
  return j;
}

// "common", a track, "instructor-<id>", "shared-…" or "course-<id>" (builder's names) for people.
std::string constraint_label(const std::string& name, const PlanningData& data, const std::string& lang) {
  if (name == "common") return i18n::t(lang, "timetable.group.common");
  if (name.rfind("shared-", 0) == 0) return i18n::t(lang, "timetable.why.shared");
  if (name.rfind("instructor-", 0) == 0) {
    const std::string id = name.substr(11);
    for (const auto& k : data.courses)
      for (const auto& ci : k.instructors)
        if (std::to_string(ci.instructor_id) == id) return i18n::t(lang, "timetable.why.instructor", {{"name", ci.instructor.name(lang)}});
  }
  if (name.rfind("course-", 0) == 0) return i18n::t(lang, "timetable.why.no_instructor");
  return i18n::t(lang, "track." + name);
}

}  // namespace

std::string run_message(const std::string& message_id) { return nlohmann::json{{"id", message_id}}.dump(); }

std::string run_message(const BuiltInstance& built, const ctt::Diagnosis& diagnosis) {
  auto list = nlohmann::json::array();
  for (const auto& b : diagnosis.impossible) list.push_back(blocker_json(built, b, "impossible"));
  for (const auto& b : diagnosis.residual) list.push_back(blocker_json(built, b, "residual"));
  return nlohmann::json{{"blockers", list}}.dump();
}

std::vector<std::string> run_message_lines(const std::string& stored, const PlanningData& data, const std::string& lang) {
  std::vector<std::string> out;
  if (stored.empty()) return out;
  const auto j = nlohmann::json::parse(stored, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return {stored};  // a run from before messages were stored as JSON
  if (j.contains("id") && j["id"].is_string()) return {i18n::t(lang, j["id"].get<std::string>())};
  std::map<std::int64_t, std::string> titles;
  for (const auto& k : data.courses) titles[k.id] = "「" + k.title(lang) + "」";
  for (const auto& b : j.value("blockers", nlohmann::json::array())) {
    std::string courses;
    for (const auto& id : b.value("courses", nlohmann::json::array())) {
      if (!id.is_number_integer()) continue;
      auto it = titles.find(id.get<std::int64_t>());
      courses += (courses.empty() ? "" : "、") + (it != titles.end() ? it->second : "#" + std::to_string(id.get<std::int64_t>()));
    }
    std::string when;
    if (b.contains("day"))
      when = b.value("day", "") + " " + i18n::t(lang, "timetable.band." + b.value("band", "daytime")) + " " +
             std::to_string(b.value("position", 0));
    const std::string id = "timetable.why." + b.value("stage", "residual") + "." + b.value("kind", "unplaced");
    out.push_back(i18n::t(lang, id, {{"courses", courses}, {"when", when},
                                     {"constraint", constraint_label(b.value("constraint", ""), data, lang)}}));
  }
  out.push_back(i18n::t(lang, "timetable.why.hint"));
  return out;
}

}  // namespace mdsc::timetable
