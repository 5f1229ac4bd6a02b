// A course's attendance rule and the warnings to trainees who fall below it (decision 0021).
#include <algorithm>
#include <map>
#include <set>

#include "core/i18n.h"
#include "modules/attendance/operations.h"
#include "modules/attendance/rates.h"
#include "modules/attendance/repo.h"
#include "modules/curriculum.h"
#include "platform/identity/repo.h"

namespace mdsc::attendance {
namespace {

constexpr std::int64_t kWarnWithinSeconds = 30 * 86400;
// A rate over one or two sessions says little (one missed first session is 0 %); two missed in a
// row is the early warning, the rate's from the third session held on.
constexpr int kRateWarnsFromHeld = 3;

std::string lang_of(const identity::User& u) { return i18n::is_supported(u.preferred_lang) ? u.preferred_lang : "ja"; }

struct Warning {
  const curriculum::Course& course;
  const Standing& standing;
  const char* kind;  // below_threshold, missed_in_row
};

std::map<std::string, std::string> args_for(const Warning& wn, const std::string& lang) {
  const Standing& s = wn.standing;
  const std::string reason =
      i18n::t(lang, std::string("attendance.warning.") + wn.kind,
              {{"threshold", threshold_text(s.rule)}, {"count", std::to_string(s.missed_in_row)}});
  return {
      {"course", wn.course.code + " " + wn.course.title(lang)},
      {"reason", reason},
      {"attended", std::to_string(s.attended)},
      {"held", std::to_string(s.held)},
      {"rate", std::to_string(std::max(0, s.rate_percent()))},
      {"total", std::to_string(s.total)},
      {"needed", std::to_string(s.needed)},
      {"threshold", threshold_text(s.rule)},
      {"outlook", i18n::t(lang, s.reachable() ? "attendance.outlook.reachable" : "attendance.outlook.unreachable")}};
}

void mail_warning(Work& w, const Warning& wn, const identity::User& trainee,
                  const std::vector<identity::User>& secretariat) {
  {
    const std::string lang = lang_of(trainee);
    auto args = args_for(wn, lang);
    args["name"] = trainee.display_name(lang);
    args["link"] = w.base_url + "/attendance";
    mail::Message m;
    m.to = trainee.email;
    m.subject = i18n::t(lang, "mail.attendance_warning.subject", args);
    m.text_body = i18n::t(lang, "mail.attendance_warning.body", args);
    w.mail(m);
  }
  for (const auto& clerk : secretariat) {
    const std::string lang = lang_of(clerk);
    auto args = args_for(wn, lang);
    args["trainee"] = trainee.display_name(lang);
    args["link"] = w.base_url + "/courses/" + std::to_string(wn.course.id) + "/attendance";
    mail::Message m;
    m.to = clerk.email;
    m.subject = i18n::t(lang, "mail.attendance_warning_secretariat.subject", args);
    m.text_body = i18n::t(lang, "mail.attendance_warning_secretariat.body", args);
    w.mail(m);
  }
}

std::vector<identity::User> active_secretariat(db::Conn& c) {
  identity::repo::UserQuery q;
  q.role = "secretariat";
  q.limit = 1000;
  std::vector<identity::User> out;
  for (auto& u : identity::repo::list_users(c, q))
    if (u.active && !u.email.empty()) out.push_back(std::move(u));
  return out;
}

}  // namespace

Status set_rule(Work& w, std::int64_t course_id, const std::string& threshold, bool excused_counts) {
  const auto share = parse_threshold(threshold);
  if (!share) return Status::invalid().field("threshold", "attendance.threshold_invalid");
  if (!curriculum::find_course(w.conn, course_id)) return Status::not_found();
  const Rule before = repo::rule_of(w.conn, course_id);
  Rule after = before;
  after.threshold_num = share->first;
  after.threshold_den = share->second;
  after.excused_counts = excused_counts;
  after.updated_at = w.now;
  repo::save_rule(w.conn, after);
  w.audit("set_rule", "attendance_rules", course_id, entity::snapshot(before), entity::snapshot(after));
  return Status::ok();
}

Status set_live_link(Work& w, std::int64_t course_id, const std::string& url) {
  const bool web_address = url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0;
  if (!url.empty() && (!web_address || url.size() > 500 || url.find_first_of(" \t\r\n<>\"") != std::string::npos))
    return Status::invalid().field("live_url", "attendance.live_url_invalid");
  if (!curriculum::find_course(w.conn, course_id)) return Status::not_found();
  const Rule before = repo::rule_of(w.conn, course_id);
  Rule after = before;
  after.live_url = url;
  after.updated_at = w.now;
  repo::save_rule(w.conn, after);
  w.audit("set_live_link", "attendance_rules", course_id, entity::snapshot(before), entity::snapshot(after));
  return Status::ok();
}

int send_warnings(Work& w) {
  timetable::SessionFilter f;
  f.from = i18n::tokyo_date_iso(w.now - kWarnWithinSeconds);
  f.to = i18n::tokyo_date_iso(w.now);
  std::set<std::int64_t> courses;
  for (const auto& s : timetable::sessions::list(w.conn, f))
    if (s.end_unix() <= w.now) courses.insert(s.course_id);
  std::vector<identity::User> secretariat;
  bool secretariat_read = false;
  int sent = 0;
  for (const auto course_id : courses) {
    const auto course = curriculum::find_course(w.conn, course_id);
    if (!course) continue;
    for (const auto& line : rates_of_course(w.conn, course_id, w.now).lines) {
      const Standing& s = line.standing;
      for (const char* kind : {"below_threshold", "missed_in_row"}) {
        const bool due = std::string_view(kind) == "below_threshold" ? s.below() && s.held >= kRateWarnsFromHeld
                                                                     : s.missed_in_row >= 2;
        if (!due) continue;
        const auto trainee = identity::repo::user_by_id(w.conn, s.user_id);
        if (!trainee || !trainee->active) continue;
        if (!repo::note_warning(w.conn, course_id, s.user_id, kind, w.now)) continue;
        if (!secretariat_read) {
          secretariat = active_secretariat(w.conn);
          secretariat_read = true;
        }
        mail_warning(w, Warning{*course, s, kind}, *trainee, secretariat);
        w.audit("warn", "attendance_warnings", course_id, nlohmann::json::object(),
                {{"user_id", s.user_id}, {"kind", kind}, {"attended", s.attended}, {"held", s.held}});
        ++sent;
      }
    }
  }
  return sent;
}

int send_warnings(db::Database& db, std::int64_t now, const std::string& base_url) {
  return write_unit(db, Who{audit::Actor::system(), now, base_url}, [](Work& w) { return send_warnings(w); });
}

}  // namespace mdsc::attendance
