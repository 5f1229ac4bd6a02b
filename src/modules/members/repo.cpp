#include "modules/members/repo.h"

namespace mdsc::members::repo {
namespace {

const char* kOrgColumns =
    "id, kind, company_type, name, name_kana, name_en, corporate_number, employee_count, founded_on, "
    "postal_code, address, phone, email, contact_name, contact_department, is_representative, "
    "representative_user_id, substitute_user_id, active";

Organization org_from(const db::Row& r) {
  Organization o;
  o.id = r.i64("id");
  o.kind = r.str("kind");
  o.company_type = r.str("company_type");
  o.name = r.str("name");
  o.name_kana = r.str("name_kana");
  o.name_en = r.str("name_en");
  o.corporate_number = r.str("corporate_number");
  o.employee_count = r.opt_i64("employee_count");
  o.founded_on = r.str("founded_on");
  o.postal_code = r.str("postal_code");
  o.address = r.str("address");
  o.phone = r.str("phone");
  o.email = r.str("email");
  o.contact_name = r.str("contact_name");
  o.contact_department = r.str("contact_department");
  o.is_representative = r.boolean("is_representative");
  o.representative_user_id = r.i64("representative_user_id");
  o.substitute_user_id = r.i64("substitute_user_id");
  o.active = r.boolean("active");
  return o;
}

db::Params org_params(const Organization& o) {
  auto opt_text = [](const std::string& s) { return s.empty() ? db::Param(nullptr) : db::Param(s); };
  auto opt_id = [](std::int64_t id) { return id ? db::Param(id) : db::Param(nullptr); };
  return {o.kind,
          opt_text(o.company_type),
          o.name,
          o.name_kana,
          o.name_en,
          opt_text(o.corporate_number),
          o.employee_count ? db::Param(*o.employee_count) : db::Param(nullptr),
          opt_text(o.founded_on),
          o.postal_code,
          o.address,
          o.phone,
          o.email,
          o.contact_name,
          o.contact_department,
          o.is_representative,
          opt_id(o.representative_user_id),
          opt_id(o.substitute_user_id),
          o.active};
}

std::string org_where(const OrgQuery& q, db::Params& p) {
  std::string w = " WHERE 1=1";
  if (q.kind == "institution") {
    w += " AND kind <> 'company'";
  } else if (!q.kind.empty()) {
    w += " AND kind = ?";
    p.emplace_back(q.kind);
  }
  if (!q.company_type.empty()) {
    w += " AND company_type = ?";
    p.emplace_back(q.company_type);
  }
  if (!q.search.empty()) {
    w += " AND (name LIKE ? OR name_kana LIKE ? OR LOWER(name_en) LIKE LOWER(?) OR corporate_number = ?)";
    std::string like = "%" + q.search + "%";
    p.emplace_back(like);
    p.emplace_back(like);
    p.emplace_back(like);
    p.emplace_back(q.search);
  }
  if (!q.only_ids.empty()) {
    w += " AND id IN (";
    for (std::size_t i = 0; i < q.only_ids.size(); ++i) {
      w += i ? ", ?" : "?";
      p.emplace_back(q.only_ids[i]);
    }
    w += ")";
  }
  return w;
}

FeeTier tier_from(const db::Row& r) {
  FeeTier t;
  t.id = r.i64("id");
  t.schedule_id = r.i64("schedule_id");
  t.code = r.str("code");
  t.name_ja = r.str("name_ja");
  t.name_en = r.str("name_en");
  t.annual_fee = r.i64("annual_fee");
  t.seats = static_cast<int>(r.i64("seats"));
  t.includes_lectures = r.boolean("includes_lectures");
  t.includes_liaison = r.boolean("includes_liaison");
  t.includes_research = r.boolean("includes_research");
  t.tax_category = r.str("tax_category");
  t.eligibility = r.str("eligibility");
  return t;
}

const char* kTierColumns =
    "id, schedule_id, code, name_ja, name_en, annual_fee, seats, includes_lectures, includes_liaison, "
    "includes_research, tax_category, eligibility";

void load_tiers(db::Conn& c, FeeSchedule& s) {
  s.tiers.clear();
  for (const auto& r : c.query(std::string("SELECT ") + kTierColumns + " FROM fee_tiers WHERE schedule_id = ? ORDER BY code",
                               {s.id}))
    s.tiers.push_back(tier_from(r));
}

FeeSchedule schedule_from(const db::Row& r) {
  FeeSchedule s;
  s.id = r.i64("id");
  s.fiscal_year = static_cast<int>(r.i64("fiscal_year"));
  s.monitor_period = r.boolean("monitor_period");
  s.notes = r.str("notes");
  return s;
}

const char* kMembershipSelect =
    "SELECT m.id, m.company_id, m.fiscal_year, m.tier_id, t.code AS tier_code, m.status, m.starts_on, "
    "m.ends_on, t.seats AS seats_included, m.extra_seats, m.notes, "
    "(SELECT COUNT(*) FROM seat_requests r WHERE r.membership_id = m.id AND r.status = 'accepted') AS seats_used "
    "FROM memberships m JOIN fee_tiers t ON t.id = m.tier_id";

Membership membership_from(const db::Row& r) {
  Membership m;
  m.id = r.i64("id");
  m.company_id = r.i64("company_id");
  m.fiscal_year = static_cast<int>(r.i64("fiscal_year"));
  m.tier_id = r.i64("tier_id");
  m.tier_code = r.str("tier_code");
  m.status = r.str("status");
  m.starts_on = r.str("starts_on");
  m.ends_on = r.str("ends_on");
  m.seats_included = static_cast<int>(r.i64("seats_included"));
  m.extra_seats = static_cast<int>(r.i64("extra_seats"));
  m.seats_used = static_cast<int>(r.i64("seats_used"));
  m.notes = r.str("notes");
  return m;
}

SeatRequest seat_from(const db::Row& r) {
  SeatRequest s;
  s.id = r.i64("id");
  s.membership_id = r.i64("membership_id");
  s.trainee_name = r.str("trainee_name");
  s.source = r.str("source");
  s.status = r.str("status");
  s.extra_fee = r.opt_i64("extra_fee");
  s.reason = r.str("reason");
  s.created_at = r.str("created_at");
  return s;
}

}  // namespace

std::optional<Organization> organization(db::Conn& c, std::int64_t id) {
  auto r = c.query_one(std::string("SELECT ") + kOrgColumns + " FROM organizations WHERE id = ?", {id});
  if (!r) return std::nullopt;
  return org_from(*r);
}

std::optional<Organization> organization_by_corporate_number(db::Conn& c, const std::string& number) {
  auto r = c.query_one(std::string("SELECT ") + kOrgColumns + " FROM organizations WHERE corporate_number = ?",
                       {number});
  if (!r) return std::nullopt;
  return org_from(*r);
}

std::vector<Organization> organizations(db::Conn& c, const OrgQuery& q) {
  db::Params p;
  std::string sql = std::string("SELECT ") + kOrgColumns + " FROM organizations" + org_where(q, p) +
                    " ORDER BY kind, name_kana, name LIMIT ? OFFSET ?";
  p.emplace_back(q.limit);
  p.emplace_back(q.offset);
  std::vector<Organization> out;
  for (const auto& r : c.query(sql, p)) out.push_back(org_from(r));
  return out;
}

long count_organizations(db::Conn& c, const OrgQuery& q) {
  db::Params p;
  return static_cast<long>(c.scalar_i64("SELECT COUNT(*) FROM organizations" + org_where(q, p), p));
}

std::int64_t insert_organization(db::Conn& c, const Organization& o, const std::string& now) {
  auto p = org_params(o);
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
  auto p = org_params(o);
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
  FeeSchedule s = schedule_from(*r);
  load_tiers(c, s);
  return s;
}

std::vector<FeeSchedule> schedules(db::Conn& c) {
  std::vector<FeeSchedule> out;
  for (const auto& r : c.query("SELECT id, fiscal_year, monitor_period, notes FROM fee_schedules ORDER BY fiscal_year")) {
    out.push_back(schedule_from(r));
    load_tiers(c, out.back());
  }
  return out;
}

std::int64_t insert_schedule(db::Conn& c, const FeeSchedule& s, const std::string& now) {
  auto id = c.insert(
      "INSERT INTO fee_schedules (fiscal_year, monitor_period, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
      {s.fiscal_year, s.monitor_period, s.notes, now, now});
  FeeSchedule copy = s;
  copy.id = id;
  for (const auto& t : s.tiers) {
    c.exec(
        "INSERT INTO fee_tiers (schedule_id, code, name_ja, name_en, annual_fee, seats, includes_lectures, "
        "includes_liaison, includes_research, tax_category, eligibility) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        {id, t.code, t.name_ja, t.name_en, t.annual_fee, t.seats, t.includes_lectures, t.includes_liaison,
         t.includes_research, t.tax_category, t.eligibility});
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
      c.exec(
          "INSERT INTO fee_tiers (schedule_id, code, name_ja, name_en, annual_fee, seats, includes_lectures, "
          "includes_liaison, includes_research, tax_category, eligibility) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          {s.id, t.code, t.name_ja, t.name_en, t.annual_fee, t.seats, t.includes_lectures, t.includes_liaison,
           t.includes_research, t.tax_category, t.eligibility});
    }
  }
}

std::optional<FeeTier> tier(db::Conn& c, std::int64_t tier_id) {
  auto r = c.query_one(std::string("SELECT ") + kTierColumns + " FROM fee_tiers WHERE id = ?", {tier_id});
  if (!r) return std::nullopt;
  return tier_from(*r);
}

std::optional<Membership> membership(db::Conn& c, std::int64_t id) {
  auto r = c.query_one(std::string(kMembershipSelect) + " WHERE m.id = ?", {id});
  if (!r) return std::nullopt;
  return membership_from(*r);
}

std::optional<Membership> membership_of(db::Conn& c, std::int64_t company_id, int fiscal_year) {
  auto r = c.query_one(std::string(kMembershipSelect) +
                           " WHERE m.company_id = ? AND m.fiscal_year = ? AND m.status <> 'cancelled'",
                       {company_id, fiscal_year});
  if (!r) return std::nullopt;
  return membership_from(*r);
}

std::vector<Membership> memberships_of_company(db::Conn& c, std::int64_t company_id) {
  std::vector<Membership> out;
  for (const auto& r : c.query(std::string(kMembershipSelect) + " WHERE m.company_id = ? ORDER BY m.fiscal_year DESC, m.id DESC",
                               {company_id}))
    out.push_back(membership_from(r));
  return out;
}

std::vector<Membership> memberships_in_year(db::Conn& c, int fiscal_year) {
  std::vector<Membership> out;
  for (const auto& r : c.query(std::string(kMembershipSelect) + " WHERE m.fiscal_year = ? ORDER BY m.id", {fiscal_year}))
    out.push_back(membership_from(r));
  return out;
}

std::int64_t insert_membership(db::Conn& c, const Membership& m, const std::string& now) {
  return c.insert(
      "INSERT INTO memberships (company_id, fiscal_year, tier_id, status, starts_on, ends_on, extra_seats, notes, "
      "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {m.company_id, m.fiscal_year, m.tier_id, m.status, m.starts_on, m.ends_on, m.extra_seats, m.notes, now, now});
}

void update_membership(db::Conn& c, const Membership& m, const std::string& now) {
  c.exec("UPDATE memberships SET tier_id = ?, status = ?, extra_seats = ?, notes = ?, updated_at = ? WHERE id = ?",
         {m.tier_id, m.status, m.extra_seats, m.notes, now, m.id});
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
    out.push_back(seat_from(r));
  return out;
}

std::optional<SeatRequest> seat_request(db::Conn& c, std::int64_t id) {
  auto r = c.query_one(
      "SELECT id, membership_id, trainee_name, source, status, extra_fee, reason, created_at FROM seat_requests WHERE id = ?",
      {id});
  if (!r) return std::nullopt;
  return seat_from(*r);
}

std::int64_t insert_seat_request(db::Conn& c, const SeatRequest& r, const std::string& now) {
  return c.insert(
      "INSERT INTO seat_requests (membership_id, trainee_name, source, status, reason, created_at) VALUES (?, ?, ?, ?, ?, ?)",
      {r.membership_id, r.trainee_name, r.source, r.status, r.reason, now});
}

void update_seat_request(db::Conn& c, const SeatRequest& r, std::int64_t decided_by, const std::string& now) {
  c.exec("UPDATE seat_requests SET status = ?, extra_fee = ?, reason = ?, decided_by = ?, decided_at = ? WHERE id = ?",
         {r.status, r.extra_fee ? db::Param(*r.extra_fee) : db::Param(nullptr), r.reason,
          decided_by ? db::Param(decided_by) : db::Param(nullptr), now, r.id});
}

int count_seats(db::Conn& c, std::int64_t membership_id, const std::string& status) {
  return static_cast<int>(
      c.scalar_i64("SELECT COUNT(*) FROM seat_requests WHERE membership_id = ? AND status = ?", {membership_id, status}));
}

}  // namespace mdsc::members::repo
