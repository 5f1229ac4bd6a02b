#include "modules/timetable/sessions/notify.h"

#include <map>
#include <set>

#include "core/i18n.h"
#include "core/mail.h"
#include "modules/curriculum.h"
#include "modules/timetable/terms/term.h"

namespace mdsc::timetable {

std::string describe(const SessionState& s, const std::string& lang) {
  std::string out = day_label(s.day, lang) + " " + s.starts_at + "–" + s.ends_at;
  if (!s.room.empty()) out += " · " + s.room;
  return out;
}

int notify_changes(Work& w, const std::vector<SessionChange>& changes) {
  if (changes.empty()) return 0;
  auto& c = w.conn;
  const std::string& base_url = w.base_url;
  struct Recipient {
    std::string lang = "ja";
    std::vector<const SessionChange*> changes;
  };
  std::map<std::string, Recipient> by_email;
  std::map<std::int64_t, std::pair<std::string, std::string>> titles;  // course -> (ja, en)
  for (const auto& ch : changes) {
    if (!titles.count(ch.course_id)) {
      auto k = curriculum::find_course(c, ch.course_id);
      titles[ch.course_id] = k ? std::make_pair(k->title_ja, k->title_en) : std::make_pair(std::string(), std::string());
    }
    // Trainees enrolled, instructors with an account (in their language), instructors without one
    // at the address the secretariat keeps for them.
    auto rows = c.query(
        "SELECT u.email, u.preferred_lang FROM enrollments e JOIN users u ON u.id = e.user_id "
        "WHERE e.course_id = ? AND e.status = 'enrolled' AND u.active = 1 "
        "UNION SELECT COALESCE(u.email, i.email) AS email, COALESCE(u.preferred_lang, 'ja') AS preferred_lang "
        "FROM course_instructors ci JOIN instructors i ON i.id = ci.instructor_id "
        "LEFT JOIN users u ON u.id = i.user_id WHERE ci.course_id = ?",
        {ch.course_id, ch.course_id});
    for (const auto& r : rows) {
      const std::string email = r.str("email");
      if (email.empty()) continue;
      auto& rec = by_email[email];
      rec.lang = i18n::is_supported(r.str("preferred_lang")) ? r.str("preferred_lang") : "ja";
      rec.changes.push_back(&ch);
    }
  }
  int queued = 0;
  for (const auto& [email, rec] : by_email) {
    std::string lines;
    for (const auto* ch : rec.changes) {
      const auto& [ja, en] = titles[ch->course_id];
      const std::string course = rec.lang == "en" && !en.empty() ? en : ja;
      std::string line;
      if (ch->before && ch->after)
        line = i18n::t(rec.lang, "timetable.change.moved",
                       {{"course", course}, {"before", describe(*ch->before, rec.lang)}, {"after", describe(*ch->after, rec.lang)}});
      else if (ch->before)
        line = i18n::t(rec.lang, "timetable.change.cancelled", {{"course", course}, {"before", describe(*ch->before, rec.lang)}});
      else if (ch->after)
        line = i18n::t(rec.lang, "timetable.change.added", {{"course", course}, {"after", describe(*ch->after, rec.lang)}});
      lines += "- " + line + "\n  " + base_url + "/sessions/" + std::to_string(ch->session_id) + "\n";
    }
    mail::Message m;
    m.to = email;
    m.subject = i18n::t(rec.lang, "mail.timetable_change.subject", {{"count", std::to_string(rec.changes.size())}});
    m.text_body = i18n::t(rec.lang, "mail.timetable_change.body", {{"changes", lines}, {"link", base_url + "/calendar"}});
    w.mail(m);
    ++queued;
  }
  return queued;
}

}  // namespace mdsc::timetable
