#include "modules/admissions/repo.h"

#include "db/where.h"

namespace mdsc::admissions::repo {
namespace {

// The seat's status and the company's name come with each application.
const char* kAppSelect =
    "SELECT a.*, s.status AS seat_status, o.name AS company_name FROM applications a "
    "LEFT JOIN seat_requests s ON s.id = a.seat_request_id LEFT JOIN organizations o ON o.id = a.company_id";

std::string where(const Query& q, db::Params& p) {
  db::Where w(p);
  if (q.fiscal_year) w.add("a.fiscal_year = ?", {q.fiscal_year});
  if (!q.trainee_type.empty()) w.add("a.trainee_type = ?", {q.trainee_type});
  if (!q.status.empty()) w.add("a.status = ?", {q.status});
  if (!q.search.empty()) {
    std::string like = "%" + q.search + "%";
    w.add("(a.email LIKE ? OR a.family_name LIKE ? OR a.family_name_kana LIKE ? OR LOWER(a.romaji_name) LIKE LOWER(?))",
          {like, like, like, like});
  }
  return w.sql();
}

std::optional<Application> one(db::Conn& c, const std::string& where, const db::Params& p) {
  return entity::select_first<Application>(c, std::string(kAppSelect) + where, p);
}

}  // namespace

std::optional<ProgramYear> program_year(db::Conn& c, int fy) {
  return entity::select_first<ProgramYear>(c, "SELECT * FROM program_years WHERE fiscal_year = ?", {fy});
}

std::vector<ProgramYear> program_years(db::Conn& c) {
  return entity::from_rows<ProgramYear>(c.query("SELECT * FROM program_years ORDER BY fiscal_year"));
}

void upsert_program_year(db::Conn& c, const ProgramYear& y, const std::string& now) {
  auto p = entity::params(y);
  p.emplace_back(now);
  p.emplace_back(now);
  c.exec(
      "INSERT INTO program_years (fiscal_year, opens_at, closes_at, program_starts_on, target_a, target_b, "
      "privacy_version, privacy_ja, privacy_en, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
      "ON CONFLICT (fiscal_year) DO UPDATE SET opens_at = excluded.opens_at, closes_at = excluded.closes_at, "
      "program_starts_on = excluded.program_starts_on, target_a = excluded.target_a, target_b = excluded.target_b, "
      "privacy_version = excluded.privacy_version, privacy_ja = excluded.privacy_ja, privacy_en = excluded.privacy_en, "
      "updated_at = excluded.updated_at",
      p);
}

std::vector<Application> applications(db::Conn& c, const Query& q) {
  db::Params p;
  std::string sql = std::string(kAppSelect) + where(q, p) + " ORDER BY a.submitted_at, a.id";
  return entity::select<Application>(c, sql + db::page(p, q.limit, q.offset), p);
}

long count_applications(db::Conn& c, const Query& q) {
  db::Params p;
  return static_cast<long>(c.scalar_i64("SELECT COUNT(*) FROM applications a" + where(q, p), p));
}

std::optional<Application> application(db::Conn& c, std::int64_t id) { return one(c, " WHERE a.id = ?", {id}); }

std::optional<Application> application_by_email(db::Conn& c, int fy, const std::string& email) {
  return one(c, " WHERE a.fiscal_year = ? AND a.email = ?", {fy, email});
}

std::int64_t insert_application(db::Conn& c, const Application& a, const std::string& now) {
  auto p = entity::params(a);
  p.emplace_back(now);
  p.emplace_back(now);
  return c.insert(
      "INSERT INTO applications (fiscal_year, email, trainee_type, a_category, family_name, given_name, "
      "family_name_kana, given_name_kana, romaji_name, affiliation, position, university, year_of_study, "
      "supervisor_name, supervisor_email, company_id, seat_request_id, company_confirmation, company_answered_by, "
      "company_answered_at, company_answer_reason, programming_experience, tracks, courses_of_interest, "
      "privacy_version, lang, submitted_at, late, late_reason, status, decision_reason, decided_by, decided_at, "
      "user_id, created_at, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      p);
}

void update_decision(db::Conn& c, const Application& a, const std::string& now) {
  c.exec("UPDATE applications SET status = ?, decision_reason = ?, decided_by = ?, decided_at = ?, user_id = ?, "
         "updated_at = ? WHERE id = ?",
         {std::string(name_of(a.status)), a.decision_reason, a.decided_by ? db::Param(a.decided_by) : db::Param(nullptr),
          a.decided_at, a.user_id ? db::Param(a.user_id) : db::Param(nullptr), now, a.id});
}

void set_seat_request(db::Conn& c, std::int64_t id, std::int64_t seat_request_id) {
  c.exec("UPDATE applications SET seat_request_id = ? WHERE id = ?", {seat_request_id, id});
}

bool lock_application(db::Conn& c, std::int64_t id) {
  return c.exec("UPDATE applications SET updated_at = updated_at WHERE id = ?", {id}) > 0;
}

void set_company_answer(db::Conn& c, const Application& a, const std::string& now) {
  c.exec("UPDATE applications SET company_confirmation = ?, company_answered_by = ?, company_answered_at = ?, "
         "company_answer_reason = ?, updated_at = ? WHERE id = ?",
         {std::string(name_of(a.company_confirmation)),
          a.company_answered_by ? db::Param(a.company_answered_by) : db::Param(nullptr), a.company_answered_at,
          a.company_answer_reason, now, a.id});
}

std::vector<Application> applications_naming(db::Conn& c, const std::vector<std::int64_t>& company_ids, int fy) {
  if (company_ids.empty()) return {};
  db::Params p{fy};
  std::string sql = std::string(kAppSelect) + " WHERE a.fiscal_year = ? AND a.company_id IN (" +
                    db::placeholders(company_ids, p) +
                    ") ORDER BY CASE WHEN a.company_confirmation = 'pending' THEN 0 ELSE 1 END, a.submitted_at, a.id";
  return entity::from_rows<Application>(c.query(sql, p));
}

long count_waiting_for_companies(db::Conn& c, const std::vector<std::int64_t>& company_ids) {
  if (company_ids.empty()) return 0;
  db::Params p;
  std::string sql =
      "SELECT COUNT(*) FROM applications WHERE company_confirmation = 'pending' AND status = 'submitted' "
      "AND company_id IN (" +
      db::placeholders(company_ids, p) + ")";
  return static_cast<long>(c.scalar_i64(sql, p));
}

YearCounts year_counts(db::Conn& c, int fy) {
  YearCounts y;
  for (const auto& r : c.query("SELECT trainee_type, status, COUNT(*) AS n FROM applications WHERE fiscal_year = ? "
                               "GROUP BY trainee_type, status",
                               {fy})) {
    int n = static_cast<int>(r.i64("n"));
    std::string type = r.str("trainee_type"), status = r.str("status");
    (type == "A" ? y.applied_a : y.applied_b) += n;
    if (status == "accepted") (type == "A" ? y.accepted_a : y.accepted_b) += n;
    if (status == "waitlisted") y.waitlisted += n;
    if (status == "declined") y.declined += n;
    if (status == "submitted") y.submitted += n;
  }
  return y;
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

}  // namespace mdsc::admissions::repo
