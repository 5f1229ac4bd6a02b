#include "modules/timetable/terms/operations.h"

#include <cctype>
#include <set>

#include "core/clock.h"
#include "core/ip_address.h"
#include "core/jp_holidays.h"
#include "modules/timetable/terms/repo.h"
#include "nlohmann/json.hpp"

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

std::string now_iso(std::int64_t now) { return to_iso_utc(now); }

}  // namespace

Status validate(const Term& t) {
  Status st;
  if (t.fiscal_year < jp::kFirstHolidayYear || t.fiscal_year >= jp::kLastHolidayYear)
    st.field("fiscal_year", "validation.fiscal_year");
  if (t.name.empty()) st.field("name", "validation.required");
  else if (t.name.size() > kMaxName) st.field("name", "validation.too_long");
  std::chrono::year_month_day first{}, last{};
  const bool first_ok = parse_iso_date(t.starts_on, first), last_ok = parse_iso_date(t.ends_on, last);
  if (!first_ok) st.field("starts_on", "validation.date");
  if (!last_ok) st.field("ends_on", "validation.date");
  if (first_ok && last_ok) {
    using namespace std::chrono;
    // The fiscal year runs from April 1st to March 31st; its terms stay inside it.
    const year_month_day fy_first = year{t.fiscal_year} / April / 1d, fy_last = year{t.fiscal_year + 1} / March / 31d;
    if (sys_days{last} < sys_days{first}) st.field("ends_on", "timetable.end_before_start");
    else if ((sys_days{last} - sys_days{first}).count() >= kMaxTermDays) st.field("ends_on", "timetable.term_too_long");
    if (first < fy_first || first > fy_last) st.field("starts_on", "timetable.outside_fiscal_year");
    if (last < fy_first || last > fy_last) st.field("ends_on", "timetable.outside_fiscal_year");
  }
  if (t.teaching_weekdays.size() != 7 || t.teaching_weekdays.find_first_not_of("01") != std::string::npos ||
      t.teaching_weekdays == "0000000")
    st.field("teaching_weekdays", "timetable.weekdays_required");
  validate_periods(t.periods, st);
  return st;
}

Result<std::int64_t> save_term(Work& w, Term t) {
  if (t.periods.empty()) t.periods = default_periods();
  Status st = validate(t);
  if (!st) return st;
  auto& c = w.conn;
  if (auto other = repo::term_id_by_name(c, t.fiscal_year, t.name); other && *other != t.id)
    return Status(Code::conflict, "error.invalid_input").field("name", "timetable.term_name_taken");
  nlohmann::json before = nlohmann::json::object();
  if (t.id != 0) {
    auto old = repo::term(c, t.id);
    if (!old) return Status::not_found();
    t.closed_days = old->closed_days;
    before = to_json(*old);
    repo::update_term(c, t, now_iso(w.now));
  } else {
    t.id = repo::insert_term(c, t, now_iso(w.now));
  }
  repo::replace_periods(c, t.id, t.periods);
  w.audit(before.empty() ? "create" : "update", "term", t.id, before, to_json(t));
  return t.id;
}

Status add_closed_day(Work& w, std::int64_t term_id, const ClosedDay& d) {
  Status st;
  std::chrono::year_month_day date{};
  if (!parse_iso_date(d.day, date)) st.field("day", "validation.date");
  if (d.reason.size() > kMaxName) st.field("reason", "validation.too_long");
  if (!st) return st;
  auto& c = w.conn;
  auto t = repo::term(c, term_id);
  if (!t) return Status::not_found();
  if (d.day < t->starts_on || d.day > t->ends_on)
    return Status(Code::invalid, "error.invalid_input").field("day", "timetable.day_outside_term");
  for (const auto& existing : t->closed_days)
    if (existing.day == d.day)
      return Status(Code::conflict, "error.invalid_input").field("day", "timetable.day_already_closed");
  repo::add_closed_day(c, term_id, d);
  w.audit("create", "term_closed_day", std::to_string(term_id) + "/" + d.day, nlohmann::json::object(),
          {{"term_id", term_id}, {"day", d.day}, {"reason", d.reason}});
  return Status::ok();
}

Status remove_closed_day(Work& w, std::int64_t term_id, const std::string& day) {
  auto& c = w.conn;
  auto t = repo::term(c, term_id);
  if (!t) return Status::not_found();
  std::string reason;
  for (const auto& existing : t->closed_days)
    if (existing.day == day) reason = existing.reason;
  if (!repo::remove_closed_day(c, term_id, day)) return Status::not_found();
  w.audit("delete", "term_closed_day", std::to_string(term_id) + "/" + day,
          {{"term_id", term_id}, {"day", day}, {"reason", reason}}, nlohmann::json::object());
  return Status::ok();
}

Result<std::int64_t> save_room(Work& w, const Room& r) {
  Status st;
  if (r.name.empty()) st.field("name", "validation.required");
  else if (r.name.size() > kMaxName) st.field("name", "validation.too_long");
  if (r.capacity < 1) st.field("capacity", "validation.positive");
  if (r.location.size() > 200) st.field("location", "validation.too_long");
  if (r.network.size() > 1000 || !net::parse_cidr_list(r.network)) st.field("network", "timetable.network_invalid");
  if (!st) return st;
  auto& c = w.conn;
  if (auto other = repo::room_by_name(c, r.name); other && other->id != r.id)
    return Status(Code::conflict, "error.invalid_input").field("name", "timetable.room_name_taken");
  nlohmann::json before = nlohmann::json::object();
  Room saved = r;
  if (r.id != 0) {
    auto old = repo::room(c, r.id);
    if (!old) return Status::not_found();
    before = to_json(*old);
    repo::update_room(c, r, now_iso(w.now));
  } else {
    saved.id = repo::insert_room(c, r, now_iso(w.now));
  }
  w.audit(r.id ? "update" : "create", "room", saved.id, before, to_json(saved));
  return saved.id;
}

}  // namespace mdsc::timetable
