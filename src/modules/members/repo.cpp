#include "modules/members/repo.h"

#include "db/where.h"
#include "platform/entity.h"
#include "platform/identity/repo.h"

namespace mdsc::members::repo {
namespace {

const char* kOrgColumns =
    "id, kind, company_type, name, name_kana, name_en, corporate_number, employee_count, founded_on, "
    "postal_code, address, phone, email, contact_name, contact_department, is_representative, "
    "representative_user_id, substitute_user_id, active";

std::string org_where(const OrgQuery& q, db::Params& p) {
  db::Where w(p);
  if (q.kind == "institution")
    w.add("kind <> 'company'");
  else if (!q.kind.empty())
    w.add("kind = ?", {q.kind});
  if (!q.company_type.empty()) w.add("company_type = ?", {q.company_type});
  if (!q.search.empty()) {
    std::string like = "%" + q.search + "%";
    w.add("(name LIKE ? OR name_kana LIKE ? OR LOWER(name_en) LIKE LOWER(?) OR corporate_number = ?)",
          {like, like, like, q.search});
  }
  if (!q.only_ids.empty()) w.in("id IN", q.only_ids);
  return w.sql();
}

const char* kTierColumns =
    "id, schedule_id, code, name_ja, name_en, annual_fee, seats, includes_lectures, includes_liaison, "
    "includes_research, tax_category, eligibility";

void insert_tier(db::Conn& c, const FeeTier& t) {
  c.exec(
      "INSERT INTO fee_tiers (schedule_id, code, name_ja, name_en, annual_fee, seats, includes_lectures, "
      "includes_liaison, includes_research, tax_category, eligibility) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      entity::params(t));
}

void load_tiers(db::Conn& c, FeeSchedule& s) {
  s.tiers.clear();
  for (const auto& r : c.query(std::string("SELECT ") + kTierColumns + " FROM fee_tiers WHERE schedule_id = ? ORDER BY code",
                               {s.id}))
    s.tiers.push_back(entity::from_row<FeeTier>(r));
}

const char* kMembershipSelect =
    "SELECT m.id, m.company_id, m.fiscal_year, m.tier_id, t.code AS tier, m.status, m.starts_on, "
    "m.ends_on, t.seats AS seats_included, m.extra_seats, m.notes, "
    "(SELECT COUNT(*) FROM seat_requests r WHERE r.membership_id = m.id AND r.status = 'accepted') AS seats_used "
    "FROM memberships m JOIN fee_tiers t ON t.id = m.tier_id";

}  // namespace

std::optional<Organization> organization(db::Conn& c, std::int64_t id) {
  return entity::select_first<Organization>(
      c, std::string("SELECT ") + kOrgColumns + " FROM organizations WHERE id = ?", {id});
}

std::optional<Organization> organization_by_corporate_number(db::Conn& c, const std::string& number) {
  return entity::select_first<Organization>(
      c, std::string("SELECT ") + kOrgColumns + " FROM organizations WHERE corporate_number = ?", {number});
}

std::vector<Organization> organizations(db::Conn& c, const OrgQuery& q) {
  db::Params p;
  std::string sql = std::string("SELECT ") + kOrgColumns + " FROM organizations" + org_where(q, p) +
                    " ORDER BY kind, name_kana, name";
  return entity::select<Organization>(c, sql + db::page(p, q.limit, q.offset), p);
}

long count_organizations(db::Conn& c, const OrgQuery& q) {
  db::Params p;
  return static_cast<long>(c.scalar_i64("SELECT COUNT(*) FROM organizations" + org_where(q, p), p));
}

std::int64_t insert_organization(db::Conn& c, const Organization& o, const std::string& now) {
  auto p = entity::params(o);
  p.emplace_back(now);
  p.emplace_back(now);
  return c.insert(
      "INSERT INTO organizations (kind, company_type, name, name_kana, name_en, corporate_number, "
      "employee_count, founded_on, postal_code, address, phone, email, contact_name, contact_department, "
      "is_representative, representative_user_id, substitute_user_id, active, created_at, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      p);
}

void update_organization(db::Conn& c, const Organization& o, const std::string& now) {
  auto p = entity::params(o);
  p.emplace_back(now);
  p.emplace_back(o.id);
  c.exec(
      "UPDATE organizations SET kind = ?, company_type = ?, name = ?, name_kana = ?, name_en = ?, "
      "corporate_number = ?, employee_count = ?, founded_on = ?, postal_code = ?, address = ?, phone = ?, "
      "email = ?, contact_name = ?, contact_department = ?, is_representative = ?, "
      "representative_user_id = ?, substitute_user_id = ?, active = ?, updated_at = ? WHERE id = ?",
      p);
}

std::optional<FeeSchedule> schedule(db::Conn& c, int fiscal_year) {
  auto r = c.query_one("SELECT id, fiscal_year, monitor_period, notes FROM fee_schedules WHERE fiscal_year = ?",
                       {fiscal_year});
  if (!r) return std::nullopt;
  FeeSchedule s = entity::from_row<FeeSchedule>(*r);
  load_tiers(c, s);
  return s;
}

std::vector<FeeSchedule> schedules(db::Conn& c) {
  std::vector<FeeSchedule> out;
  for (const auto& r : c.query("SELECT id, fiscal_year, monitor_period, notes FROM fee_schedules ORDER BY fiscal_year")) {
    out.push_back(entity::from_row<FeeSchedule>(r));
    load_tiers(c, out.back());
  }
  return out;
}

std::int64_t insert_schedule(db::Conn& c, const FeeSchedule& s, const std::string& now) {
  auto id = c.insert(
      "INSERT INTO fee_schedules (fiscal_year, monitor_period, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
      {s.fiscal_year, s.monitor_period, s.notes, now, now});
  for (FeeTier t : s.tiers) {
    t.schedule_id = id;
    insert_tier(c, t);
  }
  return id;
}

void update_schedule(db::Conn& c, const FeeSchedule& s, const std::string& now) {
  c.exec("UPDATE fee_schedules SET monitor_period = ?, notes = ?, updated_at = ? WHERE id = ?",
         {s.monitor_period, s.notes, now, s.id});
  for (const auto& t : s.tiers) {
    if (t.id) {
      c.exec(
          "UPDATE fee_tiers SET name_ja = ?, name_en = ?, annual_fee = ?, seats = ?, includes_lectures = ?, "
          "includes_liaison = ?, includes_research = ?, tax_category = ?, eligibility = ? WHERE id = ? AND schedule_id = ?",
          {t.name_ja, t.name_en, t.annual_fee, t.seats, t.includes_lectures, t.includes_liaison, t.includes_research,
           t.tax_category, t.eligibility, t.id, s.id});
    } else {
      FeeTier added = t;
      added.schedule_id = s.id;
      insert_tier(c, added);
    }
  }
}

std::optional<FeeTier> tier(db::Conn& c, std::int64_t tier_id) {
  return entity::select_first<FeeTier>(c, std::string("SELECT ") + kTierColumns + " FROM fee_tiers WHERE id = ?",
                                       {tier_id});
}

std::optional<IssuerProfile> issuer_profile(db::Conn& c) {
  return entity::select_first<IssuerProfile>(
      c,
      "SELECT name, postal_code, address, department, phone, email, registration_number, bank_details, "
      "number_prefix, rounding, payment_days FROM issuer_profile WHERE id = 1");
}

void save_issuer_profile(db::Conn& c, const IssuerProfile& p, const std::string& now) {
  auto params = entity::params(p);
  params.emplace_back(now);
  c.exec("DELETE FROM issuer_profile WHERE id = 1");
  c.exec(
      "INSERT INTO issuer_profile (id, name, postal_code, address, department, phone, email, registration_number, "
      "bank_details, number_prefix, rounding, payment_days, updated_at) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      params);
}

std::optional<Membership> membership(db::Conn& c, std::int64_t id) {
  return entity::select_first<Membership>(c, std::string(kMembershipSelect) + " WHERE m.id = ?", {id});
}

std::optional<Membership> membership_of(db::Conn& c, std::int64_t company_id, int fiscal_year) {
  return entity::select_first<Membership>(
      c, std::string(kMembershipSelect) + " WHERE m.company_id = ? AND m.fiscal_year = ? AND m.status <> 'cancelled'",
      {company_id, fiscal_year});
}

std::vector<Membership> memberships_of_company(db::Conn& c, std::int64_t company_id) {
  std::vector<Membership> out;
  for (const auto& r : c.query(std::string(kMembershipSelect) + " WHERE m.company_id = ? ORDER BY m.fiscal_year DESC, m.id DESC",
                               {company_id}))
    out.push_back(entity::from_row<Membership>(r));
  return out;
}

std::vector<Membership> memberships_in_year(db::Conn& c, int fiscal_year) {
  std::vector<Membership> out;
  for (const auto& r : c.query(std::string(kMembershipSelect) + " WHERE m.fiscal_year = ? ORDER BY m.id", {fiscal_year}))
    out.push_back(entity::from_row<Membership>(r));
  return out;
}

std::vector<int> membership_years(db::Conn& c) {
  std::vector<int> out;
  for (const auto& r : c.query("SELECT DISTINCT fiscal_year FROM memberships ORDER BY fiscal_year"))
    out.push_back(static_cast<int>(r.i64("fiscal_year")));
  return out;
}

std::int64_t insert_membership(db::Conn& c, const Membership& m, const std::string& now) {
  auto p = entity::params(m);
  p.emplace_back(now);
  p.emplace_back(now);
  return c.insert(
      "INSERT INTO memberships (company_id, fiscal_year, tier_id, status, starts_on, ends_on, extra_seats, notes, "
      "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      p);
}

void update_membership(db::Conn& c, const Membership& m, const std::string& now) {
  c.exec("UPDATE memberships SET tier_id = ?, status = ?, extra_seats = ?, notes = ?, updated_at = ? WHERE id = ?",
         {m.tier_id, std::string(name_of(m.status)), m.extra_seats, m.notes, now, m.id});
}

std::map<std::int64_t, std::string> company_types_of_year(db::Conn& c, int fiscal_year) {
  std::map<std::int64_t, std::string> out;
  for (const auto& r : c.query("SELECT m.id, o.company_type FROM memberships m JOIN organizations o ON o.id = m.company_id "
                               "WHERE m.fiscal_year = ?",
                               {fiscal_year}))
    out[r.i64("id")] = r.str("company_type");
  return out;
}

int count_consultations(db::Conn& c, int fiscal_year) {
  return static_cast<int>(
      c.scalar_i64("SELECT COUNT(*) FROM seat_requests s JOIN memberships m ON m.id = s.membership_id "
                   "WHERE m.fiscal_year = ? AND s.status = 'consultation'",
                   {fiscal_year}));
}

void lock_membership(db::Conn& c, std::int64_t id) {
  c.exec("UPDATE memberships SET extra_seats = extra_seats WHERE id = ?", {id});
}

bool lock_organization(db::Conn& c, std::int64_t id) {
  return c.exec("UPDATE organizations SET updated_at = updated_at WHERE id = ?", {id}) > 0;
}

std::vector<SeatRequest> seat_requests(db::Conn& c, std::int64_t membership_id) {
  std::vector<SeatRequest> out;
  for (const auto& r : c.query(
           "SELECT id, membership_id, trainee_name, source, status, extra_fee, reason, created_at FROM seat_requests "
           "WHERE membership_id = ? ORDER BY id",
           {membership_id}))
    out.push_back(entity::from_row<SeatRequest>(r));
  return out;
}

std::optional<SeatRequest> seat_request(db::Conn& c, std::int64_t id) {
  return entity::select_first<SeatRequest>(c,
                                           "SELECT id, membership_id, trainee_name, source, status, extra_fee, reason, "
                                           "created_at FROM seat_requests WHERE id = ?",
                                           {id});
}

std::int64_t membership_of_seat_request(db::Conn& c, std::int64_t id) {
  auto r = c.query_one("SELECT membership_id FROM seat_requests WHERE id = ?", {id});
  return r ? r->i64("membership_id") : 0;
}

std::int64_t insert_seat_request(db::Conn& c, const SeatRequest& r, const std::string& now) {
  SeatRequest stored = r;
  stored.created_at = now;
  return c.insert(
      "INSERT INTO seat_requests (membership_id, trainee_name, source, status, extra_fee, reason, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?)",
      entity::params(stored));
}

void update_seat_request(db::Conn& c, const SeatRequest& r, std::int64_t decided_by, const std::string& now) {
  c.exec("UPDATE seat_requests SET status = ?, extra_fee = ?, reason = ?, decided_by = ?, decided_at = ? WHERE id = ?",
         {std::string(name_of(r.status)), r.extra_fee ? db::Param(*r.extra_fee) : db::Param(nullptr), r.reason,
          decided_by ? db::Param(decided_by) : db::Param(nullptr), now, r.id});
}

int count_seats(db::Conn& c, std::int64_t membership_id, SeatStatus status) {
  return static_cast<int>(c.scalar_i64("SELECT COUNT(*) FROM seat_requests WHERE membership_id = ? AND status = ?",
                                       {membership_id, std::string(name_of(status))}));
}

std::string user_name(db::Conn& c, std::int64_t user_id) {
  auto u = c.query_one("SELECT family_name, given_name FROM users WHERE id = ?", {user_id});
  return u ? u->str("family_name") + " " + u->str("given_name") : "";
}

std::vector<std::pair<std::int64_t, std::string>> representative_candidates(db::Conn& c, std::int64_t company_id) {
  return identity::repo::user_choices(
      c,
      "SELECT u.id, u.family_name, u.given_name, u.email FROM users u JOIN roles r ON r.user_id = u.id "
      "WHERE r.role = 'partner_representative' AND r.scope_type = 'company' AND r.scope_id = ? AND u.active = 1 "
      "ORDER BY u.id",
      {company_id});
}

bool is_active_representative(db::Conn& c, std::int64_t user_id, std::int64_t company_id) {
  return c.scalar_i64(
             "SELECT COUNT(*) FROM roles r JOIN users u ON u.id = r.user_id WHERE r.user_id = ? AND "
             "r.role = 'partner_representative' AND r.scope_type = 'company' AND r.scope_id = ? AND u.active = 1",
             {user_id, company_id}) > 0;
}

std::int64_t keep_pending_import(db::Conn& c, std::int64_t user_id, const std::string& content, std::int64_t now,
                                 std::int64_t expired_before) {
  c.exec("DELETE FROM pending_imports WHERE created_at < ?", {expired_before});
  return c.insert("INSERT INTO pending_imports (user_id, kind, content, created_at) VALUES (?, 'companies', ?, ?)",
                  {user_id, content, now});
}

std::optional<std::string> take_pending_import(db::Conn& c, std::int64_t id, std::int64_t user_id,
                                               std::int64_t created_since) {
  auto row = c.query_one(
      "DELETE FROM pending_imports WHERE id = ? AND user_id = ? AND kind = 'companies' AND created_at >= ? "
      "RETURNING content",
      {id, user_id, created_since});
  if (!row) return std::nullopt;
  return row->str("content");
}

}  // namespace mdsc::members::repo
