#include "modules/admissions/repo.h"

namespace mdsc::admissions::repo {
namespace {

const char* kYearColumns =
    "fiscal_year, opens_at, closes_at, program_starts_on, target_a, target_b, privacy_version, privacy_ja, privacy_en";

ProgramYear year_from(const db::Row& r) {
  ProgramYear y;
  y.fiscal_year = static_cast<int>(r.i64("fiscal_year"));
  y.opens_at = r.i64("opens_at");
  y.closes_at = r.i64("closes_at");
  y.program_starts_on = r.str("program_starts_on");
  y.target_a = static_cast<int>(r.i64("target_a"));
  y.target_b = static_cast<int>(r.i64("target_b"));
  y.privacy_version = r.str("privacy_version");
  y.privacy_ja = r.str("privacy_ja");
  y.privacy_en = r.str("privacy_en");
  return y;
}

const char* kAppSelect =
    "SELECT a.*, s.status AS seat_status, o.name AS company_name FROM applications a "
    "LEFT JOIN seat_requests s ON s.id = a.seat_request_id LEFT JOIN organizations o ON o.id = a.company_id";

std::vector<std::string> split(const std::string& s) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while (pos < s.size()) {
    auto comma = s.find(',', pos);
    if (comma == std::string::npos) comma = s.size();
    if (comma > pos) out.push_back(s.substr(pos, comma - pos));
    pos = comma + 1;
  }
  return out;
}

std::string join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& x : v) out += (out.empty() ? "" : ",") + x;
  return out;
}

Application app_from(const db::Row& r) {
  Application a;
  a.id = r.i64("id");
  a.fiscal_year = static_cast<int>(r.i64("fiscal_year"));
  a.email = r.str("email");
  a.trainee_type = r.str("trainee_type");
  a.a_category = r.str("a_category");
  a.family_name = r.str("family_name");
  a.given_name = r.str("given_name");
  a.family_name_kana = r.str("family_name_kana");
  a.given_name_kana = r.str("given_name_kana");
  a.romaji_name = r.str("romaji_name");
  a.affiliation = r.str("affiliation");
  a.position = r.str("position");
  a.university = r.str("university");
  a.year_of_study = r.str("year_of_study");
  a.supervisor_name = r.str("supervisor_name");
  a.supervisor_email = r.str("supervisor_email");
  a.company_id = r.i64("company_id");
  a.seat_request_id = r.i64("seat_request_id");
  a.seat_status = r.str("seat_status");
  a.company_confirmation = r.str("company_confirmation");
  a.company_answered_by = r.i64("company_answered_by");
  a.company_answered_at = r.i64("company_answered_at");
  a.company_answer_reason = r.str("company_answer_reason");
  a.programming_experience = r.str("programming_experience");
  a.tracks = split(r.str("tracks"));
  a.courses_of_interest = r.str("courses_of_interest");
  a.privacy_version = r.str("privacy_version");
  a.lang = r.str("lang");
  a.submitted_at = r.i64("submitted_at");
  a.late = r.boolean("late");
  a.late_reason = r.str("late_reason");
  a.status = r.str("status");
  a.decision_reason = r.str("decision_reason");
  a.user_id = r.i64("user_id");
  a.company_name = r.str("company_name");
  return a;
}

// "?, ?, ?" for the ids, which are appended to p.
std::string placeholders(const std::vector<std::int64_t>& ids, db::Params& p) {
  std::string out;
  for (auto id : ids) {
    out += out.empty() ? "?" : ", ?";
    p.emplace_back(id);
  }
  return out;
}

std::string where(const Query& q, db::Params& p) {
  std::string w = " WHERE 1=1";
  if (q.fiscal_year) {
    w += " AND a.fiscal_year = ?";
    p.emplace_back(q.fiscal_year);
  }
  if (!q.trainee_type.empty()) {
    w += " AND a.trainee_type = ?";
    p.emplace_back(q.trainee_type);
  }
  if (!q.status.empty()) {
    w += " AND a.status = ?";
    p.emplace_back(q.status);
  }
  if (!q.search.empty()) {
    std::string like = "%" + q.search + "%";
    w += " AND (a.email LIKE ? OR a.family_name LIKE ? OR a.family_name_kana LIKE ? OR LOWER(a.romaji_name) LIKE LOWER(?))";
    for (int i = 0; i < 4; ++i) p.emplace_back(like);
  }
  return w;
}

}  // namespace

std::optional<ProgramYear> program_year(db::Conn& c, int fy) {
  auto r = c.query_one(std::string("SELECT ") + kYearColumns + " FROM program_years WHERE fiscal_year = ?", {fy});
  if (!r) return std::nullopt;
  return year_from(*r);
}

std::vector<ProgramYear> program_years(db::Conn& c) {
  std::vector<ProgramYear> out;
  for (const auto& r : c.query(std::string("SELECT ") + kYearColumns + " FROM program_years ORDER BY fiscal_year"))
    out.push_back(year_from(r));
  return out;
}

void upsert_program_year(db::Conn& c, const ProgramYear& y, const std::string& now) {
  c.exec(
      "INSERT INTO program_years (fiscal_year, opens_at, closes_at, program_starts_on, target_a, target_b, "
      "privacy_version, privacy_ja, privacy_en, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
      "ON CONFLICT (fiscal_year) DO UPDATE SET opens_at = excluded.opens_at, closes_at = excluded.closes_at, "
      "program_starts_on = excluded.program_starts_on, target_a = excluded.target_a, target_b = excluded.target_b, "
      "privacy_version = excluded.privacy_version, privacy_ja = excluded.privacy_ja, privacy_en = excluded.privacy_en, "
      "updated_at = excluded.updated_at",
      {y.fiscal_year, y.opens_at, y.closes_at, y.program_starts_on, y.target_a, y.target_b, y.privacy_version,
       y.privacy_ja, y.privacy_en, now, now});
}

std::vector<Application> applications(db::Conn& c, const Query& q) {
  db::Params p;
  std::string sql = std::string(kAppSelect) + where(q, p) + " ORDER BY a.submitted_at, a.id LIMIT ? OFFSET ?";
  p.emplace_back(q.limit);
  p.emplace_back(q.offset);
  std::vector<Application> out;
  for (const auto& r : c.query(sql, p)) out.push_back(app_from(r));
  return out;
}

long count_applications(db::Conn& c, const Query& q) {
  db::Params p;
  return static_cast<long>(c.scalar_i64("SELECT COUNT(*) FROM applications a" + where(q, p), p));
}

std::optional<Application> application(db::Conn& c, std::int64_t id) {
  auto r = c.query_one(std::string(kAppSelect) + " WHERE a.id = ?", {id});
  if (!r) return std::nullopt;
  return app_from(*r);
}

std::optional<Application> application_by_email(db::Conn& c, int fy, const std::string& email) {
  auto r = c.query_one(std::string(kAppSelect) + " WHERE a.fiscal_year = ? AND a.email = ?", {fy, email});
  if (!r) return std::nullopt;
  return app_from(*r);
}

std::int64_t insert_application(db::Conn& c, const Application& a, const std::string& now) {
  auto opt_text = [](const std::string& s) { return s.empty() ? db::Param(nullptr) : db::Param(s); };
  return c.insert(
      "INSERT INTO applications (fiscal_year, email, trainee_type, a_category, family_name, given_name, "
      "family_name_kana, given_name_kana, romaji_name, affiliation, position, university, year_of_study, "
      "supervisor_name, supervisor_email, company_id, programming_experience, tracks, courses_of_interest, "
      "privacy_version, lang, submitted_at, late, late_reason, status, company_confirmation, created_at, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'submitted', ?, ?, ?)",
      {a.fiscal_year, a.email, a.trainee_type, opt_text(a.a_category), a.family_name, a.given_name, a.family_name_kana,
       a.given_name_kana, a.romaji_name, a.affiliation, a.position, a.university, a.year_of_study, a.supervisor_name,
       a.supervisor_email, a.company_id ? db::Param(a.company_id) : db::Param(nullptr), a.programming_experience,
       join(a.tracks), a.courses_of_interest, a.privacy_version, a.lang, a.submitted_at, a.late,
       a.late_reason, a.trainee_type == "B" ? "pending" : "", now, now});
}

void update_decision(db::Conn& c, const Application& a, std::int64_t decided_by, std::int64_t now, const std::string& now_iso) {
  c.exec("UPDATE applications SET status = ?, decision_reason = ?, decided_by = ?, decided_at = ?, user_id = ?, "
         "updated_at = ? WHERE id = ?",
         {a.status, a.decision_reason, decided_by ? db::Param(decided_by) : db::Param(nullptr), now,
          a.user_id ? db::Param(a.user_id) : db::Param(nullptr), now_iso, a.id});
}

bool lock_application(db::Conn& c, std::int64_t id) {
  return c.exec("UPDATE applications SET updated_at = updated_at WHERE id = ?", {id}) > 0;
}

void set_company_answer(db::Conn& c, const Application& a, const std::string& now_iso) {
  c.exec("UPDATE applications SET company_confirmation = ?, company_answered_by = ?, company_answered_at = ?, "
         "company_answer_reason = ?, updated_at = ? WHERE id = ?",
         {a.company_confirmation, a.company_answered_by ? db::Param(a.company_answered_by) : db::Param(nullptr),
          a.company_answered_at, a.company_answer_reason, now_iso, a.id});
}

std::vector<Application> applications_naming(db::Conn& c, const std::vector<std::int64_t>& company_ids, int fy) {
  std::vector<Application> out;
  if (company_ids.empty()) return out;
  db::Params p{fy};
  std::string sql = std::string(kAppSelect) + " WHERE a.fiscal_year = ? AND a.company_id IN (" +
                    placeholders(company_ids, p) +
                    ") ORDER BY CASE WHEN a.company_confirmation = 'pending' THEN 0 ELSE 1 END, a.submitted_at, a.id";
  for (const auto& r : c.query(sql, p)) out.push_back(app_from(r));
  return out;
}

long count_waiting_for_companies(db::Conn& c, const std::vector<std::int64_t>& company_ids) {
  if (company_ids.empty()) return 0;
  db::Params p;
  std::string sql = "SELECT COUNT(*) FROM applications WHERE company_confirmation = 'pending' AND status = 'submitted' "
                    "AND company_id IN (" + placeholders(company_ids, p) + ")";
  return static_cast<long>(c.scalar_i64(sql, p));
}

std::vector<Representative> representatives_of(db::Conn& c, std::int64_t company_id) {
  std::vector<Representative> out;
  for (const auto& r : c.query(
           "SELECT u.email, u.preferred_lang, u.family_name, u.given_name FROM roles g JOIN users u ON u.id = g.user_id "
           "WHERE g.role = 'partner_representative' AND g.scope_type = 'company' AND g.scope_id = ? AND u.active = 1 "
           "ORDER BY u.id",
           {company_id}))
    out.push_back({r.str("email"), r.str("preferred_lang"), r.str("family_name") + " " + r.str("given_name")});
  return out;
}

void set_seat_request(db::Conn& c, std::int64_t id, std::int64_t seat_request_id) {
  c.exec("UPDATE applications SET seat_request_id = ? WHERE id = ?", {seat_request_id, id});
}

}  // namespace mdsc::admissions::repo
