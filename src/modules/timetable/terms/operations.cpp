#include "modules/timetable/terms/operations.h"

#include <cctype>
#include <set>

#include "core/clock.h"
#include "core/jp_holidays.h"
#include "modules/timetable/terms/repo.h"

namespace mdsc::timetable {
namespace {

constexpr std::size_t kMaxName = 100;
constexpr int kMaxTermDays = 366;

bool valid_time(const std::string& s) {
  return s.size() == 5 && s[2] == ':' && std::isdigit(static_cast<unsigned char>(s[0])) &&
         std::isdigit(static_cast<unsigned char>(s[1])) && std::isdigit(static_cast<unsigned char>(s[3])) &&
         std::isdigit(static_cast<unsigned char>(s[4])) && s.substr(0, 2) < "24" && s.substr(3, 2) < "60";
}

void validate_periods(const std::vector<Period>& periods, Status& st) {
  std::set<std::pair<std::string, int>> seen;
  std::string previous_end;  // periods of a band are in order and do not overlap
  std::string previous_band;
  for (const auto& p : periods) {
    if ((p.band != "daytime" && p.band != "evening") || p.position < 1 || !seen.insert({p.band, p.position}).second ||
        !valid_time(p.starts_at) || !valid_time(p.ends_at) || p.starts_at >= p.ends_at ||
        (p.band == previous_band && p.starts_at < previous_end) || (p.band == "evening" && p.starts_at < "18:00")) {
      st.field("periods", "timetable.periods_invalid");
      return;
    }
    previous_band = p.band;
    previous_end = p.ends_at;
  }
}

// The dates: each a date, in order, within a year's span and inside the term's fiscal year.
void validate_dates(const Term& t, Status& st) {
  using namespace std::chrono;
  year_month_day first{}, last{};
  const bool first_ok = parse_iso_date(t.starts_on, first), last_ok = parse_iso_date(t.ends_on, last);
  if (!first_ok) st.field("starts_on", "validation.date");
  if (!last_ok) st.field("ends_on", "validation.date");
  if (!first_ok || !last_ok) return;
  // The fiscal year runs from April 1st to March 31st; its terms stay inside it.
  const year_month_day fy_first = year{t.fiscal_year} / April / 1d, fy_last = year{t.fiscal_year + 1} / March / 31d;
  if (sys_days{last} < sys_days{first}) st.field("ends_on", "timetable.end_before_start");
  else if ((sys_days{last} - sys_days{first}).count() >= kMaxTermDays) st.field("ends_on", "timetable.term_too_long");
  if (first < fy_first || first > fy_last) st.field("starts_on", "timetable.outside_fiscal_year");
  if (last < fy_first || last > fy_last) st.field("ends_on", "timetable.outside_fiscal_year");
}

std::string audit_id(std::int64_t term_id, const std::string& day) { return std::to_string(term_id) + "/" + day; }

}  // namespace

Status validate(const Term& t) {
  Status st;
  if (t.fiscal_year < jp::kFirstHolidayYear || t.fiscal_year >= jp::kLastHolidayYear)
    st.field("fiscal_year", "validation.fiscal_year");
  if (t.name.empty()) st.field("name", "validation.required");
  else if (t.name.size() > kMaxName) st.field("name", "validation.too_long");
  validate_dates(t, st);
  if (t.teaching_weekdays.size() != 7 || t.teaching_weekdays.find_first_not_of("01") != std::string::npos ||
      t.teaching_weekdays == "0000000")
    st.field("teaching_weekdays", "timetable.weekdays_required");
  validate_periods(t.periods, st);
  return st;
}

Result<std::int64_t> save_term(Work& w, Term t) {
  if (t.periods.empty()) t.periods = default_periods();
  if (Status st = validate(t); !st) return st;
  if (auto other = repo::term_id_by_name(w.conn, t.fiscal_year, t.name); other && *other != t.id)
    return Status(Code::conflict, "error.invalid_input").field("name", "timetable.term_name_taken");
  t.updated_at = to_iso_utc(w.now);
  nlohmann::json before = nlohmann::json::object();
  if (t.id != 0) {
    auto old = repo::term(w.conn, t.id);
    if (!old) return Status::not_found();
    t.closed_days = old->closed_days;
    t.created_at = old->created_at;
    before = term_json(*old);
    repo::update_term(w.conn, t);
  } else {
    t.created_at = t.updated_at;
    t.id = repo::insert_term(w.conn, t);
  }
  repo::replace_periods(w.conn, t.id, t.periods);
  w.audit(before.empty() ? "create" : "update", "term", t.id, before, term_json(t));
  return t.id;
}

Status add_closed_day(Work& w, std::int64_t term_id, const ClosedDay& d) {
  Status st;
  std::chrono::year_month_day date{};
  if (!parse_iso_date(d.day, date)) st.field("day", "validation.date");
  if (d.reason.size() > kMaxName) st.field("reason", "validation.too_long");
  if (!st) return st;
  auto t = repo::term(w.conn, term_id);
  if (!t) return Status::not_found();
  if (d.day < t->starts_on || d.day > t->ends_on)
    return Status(Code::invalid, "error.invalid_input").field("day", "timetable.day_outside_term");
  for (const auto& existing : t->closed_days)
    if (existing.day == d.day) return Status(Code::conflict, "error.invalid_input").field("day", "timetable.day_already_closed");
  ClosedDay added = d;
  added.term_id = term_id;
  repo::add_closed_day(w.conn, added);
  w.audit("create", "term_closed_day", audit_id(term_id, d.day), nlohmann::json::object(), entity::snapshot(added));
  return Status::ok();
}

Status remove_closed_day(Work& w, std::int64_t term_id, const std::string& day) {
  auto t = repo::term(w.conn, term_id);
  if (!t) return Status::not_found();
  ClosedDay removed{day, "", term_id};
  for (const auto& existing : t->closed_days)
    if (existing.day == day) removed.reason = existing.reason;
  if (!repo::remove_closed_day(w.conn, term_id, day)) return Status::not_found();
  w.audit("delete", "term_closed_day", audit_id(term_id, day), entity::snapshot(removed), nlohmann::json::object());
  return Status::ok();
}

Result<std::int64_t> save_room(Work& w, Room r) {
  if (Status st = entity::validate(r); !st) return st;
  if (auto other = repo::room_by_name(w.conn, r.name); other && other->id != r.id)
    return Status(Code::conflict, "error.invalid_input").field("name", "timetable.room_name_taken");
  r.updated_at = to_iso_utc(w.now);
  nlohmann::json before = nlohmann::json::object();
  const bool created = r.id == 0;
  if (!created) {
    auto old = repo::room(w.conn, r.id);
    if (!old) return Status::not_found();
    before = entity::snapshot(*old);
    r.created_at = old->created_at;
    repo::update_room(w.conn, r);
  } else {
    r.created_at = r.updated_at;
    r.id = repo::insert_room(w.conn, r);
  }
  w.audit(created ? "create" : "update", "room", r.id, before, entity::snapshot(r));
  return r.id;
}

}  // namespace mdsc::timetable
