#include "modules/members/operations.h"

#include <algorithm>
#include <set>

#include "core/clock.h"
#include "core/i18n.h"
#include "core/jp_numbers.h"
#include "core/money.h"
#include "modules/members/eligibility.h"
#include "modules/members/repo.h"
#include "platform/identity/validation.h"

namespace mdsc::members {
namespace {

bool valid_date(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (std::size_t i = 0; i < 10; ++i)
    if (i != 4 && i != 7 && !std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  int m = std::stoi(s.substr(5, 2)), d = std::stoi(s.substr(8, 2));
  int y = std::stoi(s.substr(0, 4));
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12 || d < 1) return false;
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return d <= days[m - 1] + (m == 2 && leap ? 1 : 0);
}

bool valid_postal_code(const std::string& s) {
  if (s.empty()) return true;
  if (s.size() != 8 || s[3] != '-') return false;
  for (std::size_t i = 0; i < 8; ++i)
    if (i != 3 && !std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  return true;
}

std::string iso(std::int64_t now) { return to_iso_utc(now); }

// Locks the membership a seat request belongs to (which never changes), so that the request can
// then be read and decided under the lock every seat change takes. False if there is no request.
bool lock_seat_request_membership(db::Conn& c, std::int64_t request_id) {
  auto r = c.query_one("SELECT membership_id FROM seat_requests WHERE id = ?", {request_id});
  if (!r) return false;
  repo::lock_membership(c, r->i64("membership_id"));
  return true;
}
std::string id_str(std::int64_t id) { return std::to_string(id); }

nlohmann::json issuer_json(const IssuerProfile& p) {
  return {{"name", p.name}, {"postal_code", p.postal_code}, {"address", p.address}, {"department", p.department},
          {"phone", p.phone}, {"email", p.email}, {"registration_number", p.registration_number},
          {"bank_details", p.bank_details}, {"number_prefix", p.number_prefix}, {"rounding", p.rounding},
          {"payment_days", p.payment_days}};
}

Status validate_schedule(const FeeSchedule& s) {
  Status st;
  if (s.fiscal_year < 2000 || s.fiscal_year > 2100) st.field("fiscal_year", "validation.fiscal_year");
  if (s.tiers.empty()) st.field("tiers", "members.schedule_needs_tiers");
  std::set<std::string> codes;
  for (std::size_t i = 0; i < s.tiers.size(); ++i) {
    const auto& t = s.tiers[i];
    std::string f = "tiers." + std::to_string(i) + ".";
    if (t.code.empty() || t.code.size() > 4 || !codes.insert(t.code).second) st.field(f + "code", "members.tier_code");
    if (t.name_ja.empty()) st.field(f + "name_ja", "validation.required");
    if (t.name_en.empty()) st.field(f + "name_en", "validation.required");
    if (t.annual_fee < 0) st.field(f + "annual_fee", "validation.not_negative");
    if (t.annual_fee > money::kMaxAmount)
      st.field(f + "annual_fee", "validation.amount_too_large", {{"max", i18n::yen(money::kMaxAmount)}});
    if (t.seats < 0 || t.seats > 100) st.field(f + "seats", "validation.not_negative");
    if (t.tax_category != "10" && t.tax_category != "8" && t.tax_category != "none")
      st.field(f + "tax_category", "validation.choice");
    if (t.eligibility != "any" && t.eligibility != "venture" && t.eligibility != "non_venture")
      st.field(f + "eligibility", "validation.choice");
  }
  return st;
}

}  // namespace

Status validate_organization(const Organization& o, const std::string& today) {
  Status st;
  auto kinds = organization_kinds();
  if (std::find(kinds.begin(), kinds.end(), o.kind) == kinds.end()) st.field("kind", "validation.choice");
  if (o.kind == "company") {
    auto types = company_types();
    if (std::find(types.begin(), types.end(), o.company_type) == types.end())
      st.field("company_type", "validation.choice");
  } else if (!o.company_type.empty()) {
    st.field("company_type", "members.type_only_for_companies");
  }
  if (auto e = identity::check_name(o.name, true); !e.empty()) st.field("name", e);
  if (auto e = identity::check_kana(o.name_kana); !e.empty()) st.field("name_kana", e);
  if (o.name_en.size() > 200) st.field("name_en", "validation.too_long");
  if (!o.corporate_number.empty())
    if (auto e = check_corporate_number(o.corporate_number); !e.empty()) st.field("corporate_number", e);
  if (o.employee_count && (*o.employee_count < 0 || *o.employee_count > 10000000))
    st.field("employee_count", "validation.not_negative");
  if (!o.founded_on.empty() && (!valid_date(o.founded_on) || o.founded_on > today))
    st.field("founded_on", "members.founded_on");
  if (!valid_postal_code(o.postal_code)) st.field("postal_code", "validation.postal_code");
  if (!o.email.empty())
    if (auto e = identity::check_email(o.email); !e.empty()) st.field("email", e);
  for (const auto* s : {&o.address, &o.phone, &o.contact_name, &o.contact_department})
    if (s->size() > 300) st.field("address", "validation.too_long");
  return st;
}

Result<std::int64_t> create_organization_in(db::Conn& c, const audit::Actor& actor, Organization o, std::int64_t now) {
  if (!o.corporate_number.empty()) o.corporate_number = normalize_corporate_number(o.corporate_number);
  o.email = identity::normalize_email(o.email);
  if (auto st = validate_organization(o, i18n::tokyo_date_iso(now)); !st) return st;
  if (!o.corporate_number.empty() && repo::organization_by_corporate_number(c, o.corporate_number))
    return Status(Code::conflict, "error.invalid_input").field("corporate_number", "members.corporate_number_taken");
  o.id = repo::insert_organization(c, o, iso(now));
  audit::record(c, actor, "create", "organization", id_str(o.id), nlohmann::json::object(), to_json(o), now);
  return o.id;
}

Result<std::int64_t> create_organization(db::Database& db, const audit::Actor& actor, Organization o,
                                         std::int64_t now) {
  return db.write([&](db::Conn& c) { return create_organization_in(c, actor, std::move(o), now); });
}

Status edit_organization(db::Database& db, const audit::Actor& actor, std::int64_t id, const OrganizationEdit& edit,
                         std::int64_t now) {
  return db.write([&](db::Conn& c) -> Status {
    // The whole row is rewritten: the edit applies to the row as it is under its lock, so a
    // concurrent change of other fields (a representative, the address) is never written back away.
    if (!repo::lock_organization(c, id)) return Status::not_found();
    auto before = repo::organization(c, id);
    Organization o = *before;
    if (auto st = edit(o); !st) return st;
    o.id = id;
    if (!o.corporate_number.empty()) o.corporate_number = normalize_corporate_number(o.corporate_number);
    o.email = identity::normalize_email(o.email);
    Status st = validate_organization(o, i18n::tokyo_date_iso(now));
    if (before->kind != o.kind) st.field("kind", "members.kind_fixed");
    if (o.representative_user_id != before->representative_user_id || o.substitute_user_id != before->substitute_user_id) {
      if (o.kind != "company" && (o.representative_user_id || o.substitute_user_id)) return Status::not_found();
      auto holds_role = [&](std::int64_t user_id) {
        return c.scalar_i64(
                   "SELECT COUNT(*) FROM roles r JOIN users u ON u.id = r.user_id WHERE r.user_id = ? AND "
                   "r.role = 'partner_representative' AND r.scope_type = 'company' AND r.scope_id = ? AND u.active = 1",
                   {user_id, id}) > 0;
      };
      const auto rep = o.representative_user_id, sub = o.substitute_user_id;
      if (rep && !holds_role(rep)) st.field("representative_user_id", "members.not_a_representative");
      if (sub && !holds_role(sub)) st.field("substitute_user_id", "members.not_a_representative");
      if (rep && rep == sub) st.field("substitute_user_id", "members.substitute_same");
      if (!rep && sub) st.field("representative_user_id", "members.representative_first");
    }
    if (!st) return st;
    if (!o.corporate_number.empty()) {
      auto other = repo::organization_by_corporate_number(c, o.corporate_number);
      if (other && other->id != id)
        return Status(Code::conflict, "error.invalid_input").field("corporate_number", "members.corporate_number_taken");
    }
    repo::update_organization(c, o, iso(now));
    audit::record(c, actor, "update", "organization", id_str(id), to_json(*before), to_json(o), now);
    return Status::ok();
  });
}

Status update_organization(db::Database& db, const audit::Actor& actor, std::int64_t id, Organization in,
                           std::int64_t now) {
  return edit_organization(db, actor, id, [&](Organization& o) {
    const auto rep = o.representative_user_id, sub = o.substitute_user_id;
    o = in;
    o.representative_user_id = rep;
    o.substitute_user_id = sub;
    return Status::ok();
  }, now);
}

Status set_representatives(db::Database& db, const audit::Actor& actor, std::int64_t company_id,
                           std::int64_t rep, std::int64_t sub, std::int64_t now) {
  return edit_organization(db, actor, company_id, [&](Organization& o) {
    if (o.kind != "company") return Status::not_found();
    o.representative_user_id = rep;
    o.substitute_user_id = sub;
    return Status::ok();
  }, now);
}

std::optional<IssuerProfile> issuer_profile(db::Conn& c) {
  auto r = c.query_one(
      "SELECT name, postal_code, address, department, phone, email, registration_number, bank_details, "
      "number_prefix, rounding, payment_days FROM issuer_profile WHERE id = 1");
  if (!r) return std::nullopt;
  IssuerProfile p;
  p.name = r->str("name");
  p.postal_code = r->str("postal_code");
  p.address = r->str("address");
  p.department = r->str("department");
  p.phone = r->str("phone");
  p.email = r->str("email");
  p.registration_number = r->str("registration_number");
  p.bank_details = r->str("bank_details");
  p.number_prefix = r->str("number_prefix");
  p.rounding = r->str("rounding");
  p.payment_days = static_cast<int>(r->i64("payment_days"));
  return p;
}

Status save_issuer_profile(db::Database& db, const audit::Actor& actor, IssuerProfile p, std::int64_t now) {
  p.registration_number = normalize_registration_number(p.registration_number);
  Status st;
  if (auto e = identity::check_name(p.name, true); !e.empty()) st.field("name", e);
  if (auto e = check_registration_number(p.registration_number); !e.empty()) st.field("registration_number", e);
  if (!valid_postal_code(p.postal_code)) st.field("postal_code", "validation.postal_code");
  if (!p.email.empty())
    if (auto e = identity::check_email(p.email); !e.empty()) st.field("email", e);
  if (p.rounding != "floor" && p.rounding != "half_up" && p.rounding != "ceil") st.field("rounding", "validation.choice");
  if (p.payment_days < 0 || p.payment_days > 365) st.field("payment_days", "validation.not_negative");
  if (p.number_prefix.empty() || p.number_prefix.size() > 10 ||
      !std::all_of(p.number_prefix.begin(), p.number_prefix.end(), [](char ch) { return std::isalnum(static_cast<unsigned char>(ch)); }))
    st.field("number_prefix", "members.number_prefix");
  if (!st) return st;
  return db.write([&](db::Conn& c) -> Status {
    auto before = issuer_profile(c);
    c.exec("DELETE FROM issuer_profile WHERE id = 1");
    c.exec(
        "INSERT INTO issuer_profile (id, name, postal_code, address, department, phone, email, registration_number, "
        "bank_details, number_prefix, rounding, payment_days, updated_at) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        {p.name, p.postal_code, p.address, p.department, p.phone, p.email, p.registration_number, p.bank_details,
         p.number_prefix, p.rounding, p.payment_days, iso(now)});
    audit::record(c, actor, before ? "update" : "create", "issuer_profile", "1",
                  before ? issuer_json(*before) : nlohmann::json::object(), issuer_json(p), now);
    return Status::ok();
  });
}

Result<std::int64_t> create_fee_schedule(db::Database& db, const audit::Actor& actor, const FeeSchedule& s,
                                         std::int64_t now) {
  if (auto st = validate_schedule(s); !st) return st;
  return db.write([&](db::Conn& c) -> Result<std::int64_t> {
    if (repo::schedule(c, s.fiscal_year))
      return Status(Code::conflict, "error.invalid_input").field("fiscal_year", "members.schedule_exists");
    auto id = repo::insert_schedule(c, s, iso(now));
    auto saved = repo::schedule(c, s.fiscal_year);
    audit::record(c, actor, "create", "fee_schedule", std::to_string(s.fiscal_year), nlohmann::json::object(),
                  to_json(*saved), now);
    return id;
  });
}

Status update_fee_schedule(db::Database& db, const audit::Actor& actor, const FeeSchedule& in, std::int64_t now) {
  if (auto st = validate_schedule(in); !st) return st;
  return db.write([&](db::Conn& c) -> Status {
    auto before = repo::schedule(c, in.fiscal_year);
    if (!before) return Status::not_found();
    FeeSchedule s = in;
    s.id = before->id;
    for (auto& t : s.tiers) {
      const FeeTier* existing = before->tier(t.code);
      t.id = existing ? existing->id : 0;
    }
    // A tier that memberships use cannot disappear; tiers missing from the input are kept.
    repo::update_schedule(c, s, iso(now));
    auto after = repo::schedule(c, in.fiscal_year);
    audit::record(c, actor, "update", "fee_schedule", std::to_string(in.fiscal_year), to_json(*before),
                  to_json(*after), now);
    return Status::ok();
  });
}

namespace {
Result<std::int64_t> create_membership_in(db::Conn& c, const audit::Actor& actor, std::int64_t company_id,
                                          int fiscal_year, const std::string& tier_code, const std::string& status,
                                          std::int64_t now) {
  if (status != "applied" && status != "active") return Status::invalid().field("status", "validation.choice");
  auto company = repo::organization(c, company_id);
  if (!company) return Status::invalid().field("company_id", "members.company_unknown");
  auto schedule = repo::schedule(c, fiscal_year);
  if (!schedule)
    return Status::invalid().field("fiscal_year", "members.no_schedule", {{"fy", std::to_string(fiscal_year)}});
  const FeeTier* tier = schedule->tier(tier_code);
  if (!tier) return Status::invalid().field("tier", "members.tier_unknown", {{"tier", tier_code}});
  if (auto st = check_eligibility(*company, *tier, fiscal_year); !st) return st;
  if (repo::membership_of(c, company_id, fiscal_year))
    return Status(Code::conflict, "error.invalid_input").field("fiscal_year", "members.membership_exists");
  Membership m;
  m.company_id = company_id;
  m.fiscal_year = fiscal_year;
  m.tier_id = tier->id;
  m.status = status;
  m.starts_on = fiscal_year_start(fiscal_year);
  m.ends_on = fiscal_year_end(fiscal_year);
  m.id = repo::insert_membership(c, m, iso(now));
  audit::record(c, actor, "create", "membership", id_str(m.id), nlohmann::json::object(),
                to_json(*repo::membership(c, m.id)), now);
  return m.id;
}
}  // namespace

Result<std::int64_t> create_membership(db::Database& db, const audit::Actor& actor, std::int64_t company_id,
                                       int fiscal_year, const std::string& tier_code, const std::string& status,
                                       std::int64_t now) {
  return db.write([&](db::Conn& c) {
    return create_membership_in(c, actor, company_id, fiscal_year, tier_code, status, now);
  });
}

Status change_membership_status(db::Database& db, const audit::Actor& actor, std::int64_t id,
                                const std::string& status, std::int64_t now) {
  return db.write([&](db::Conn& c) -> Status {
    // The row is rewritten whole below: read it under its lock, or an extra seat granted meanwhile
    // would be written back away.
    repo::lock_membership(c, id);
    auto m = repo::membership(c, id);
    if (!m) return Status::not_found();
    bool ok = (m->status == "applied" && (status == "active" || status == "cancelled")) ||
              (m->status == "active" && (status == "ended" || status == "cancelled"));
    if (!ok)
      return Status::invalid().field("status", "members.status_transition", {{"from", m->status}, {"to", status}});
    Membership after = *m;
    after.status = status;
    repo::update_membership(c, after, iso(now));
    audit::record(c, actor, "update", "membership", id_str(id), to_json(*m), to_json(after), now);
    return Status::ok();
  });
}

Result<std::int64_t> renew_membership(db::Database& db, const audit::Actor& actor, std::int64_t id,
                                      const std::string& tier_code, std::int64_t now) {
  return db.write([&](db::Conn& c) -> Result<std::int64_t> {
    repo::lock_membership(c, id);
    auto current = repo::membership(c, id);
    if (!current) return Status::not_found();
    if (current->status == "cancelled") return Status::invalid().field("status", "members.renew_cancelled");
    std::string code = tier_code.empty() ? current->tier_code : tier_code;
    // Monitor period tiers do not exist in a normal year: the secretariat must choose.
    return create_membership_in(c, actor, current->company_id, current->fiscal_year + 1, code, "applied", now);
  });
}

Result<SeatRequest> request_seat_in(db::Conn& c, const audit::Actor& actor, std::int64_t membership_id,
                                    const std::string& trainee_name, const std::string& source, std::int64_t now) {
  if (auto e = identity::check_name(trainee_name, true); !e.empty())
    return Status::invalid().field("trainee_name", e);
  repo::lock_membership(c, membership_id);
  auto m = repo::membership(c, membership_id);
  if (!m) return Status::not_found();
  if (m->status != "active" && m->status != "applied")
    return Status::invalid().field("membership_id", "members.membership_not_current");
  int accepted = repo::count_seats(c, membership_id, "accepted");
  SeatRequest r;
  r.membership_id = membership_id;
  r.trainee_name = trainee_name;
  r.source = source.empty() ? "manual" : source;
  bool free_seat = accepted < m->seats_total();
  bool below_threshold = accepted + 1 < kConsultationThreshold;
  r.status = free_seat && below_threshold ? "accepted" : "consultation";
  r.reason = free_seat ? (below_threshold ? "" : "third_trainee") : "no_seat_left";
  r.id = repo::insert_seat_request(c, r, iso(now));
  audit::record(c, actor, "create", "seat_request", id_str(r.id), nlohmann::json::object(), to_json(r), now);
  return r;
}

Result<SeatRequest> request_seat(db::Database& db, const audit::Actor& actor, std::int64_t membership_id,
                                 const std::string& trainee_name, const std::string& source, std::int64_t now) {
  return db.write([&](db::Conn& c) { return request_seat_in(c, actor, membership_id, trainee_name, source, now); });
}

Status decide_consultation(db::Database& db, const audit::Actor& actor, std::int64_t request_id, bool accept,
                           std::int64_t extra_fee, const std::string& reason, std::int64_t now) {
  if (accept && extra_fee < 0) return Status::invalid().field("extra_fee", "validation.not_negative");
  if (accept && extra_fee > money::kMaxAmount) {  // also the page's summary: the decide form shows no field errors
    std::map<std::string, std::string> max{{"max", i18n::yen(money::kMaxAmount)}};
    return Status(Code::invalid, "validation.amount_too_large", max).field("extra_fee", "validation.amount_too_large", max);
  }
  return db.write([&](db::Conn& c) -> Status {
    // Lock, then read: two "accept" clicks are decided one after the other, the second on the
    // first one's outcome (no second extra seat).
    if (!lock_seat_request_membership(c, request_id)) return Status::not_found();
    auto before = repo::seat_request(c, request_id);
    if (before->status != "consultation") return Status::invalid().field("status", "members.not_in_consultation");
    auto m = repo::membership(c, before->membership_id);
    SeatRequest after = *before;
    after.status = accept ? "accepted" : "declined";
    after.extra_fee = accept ? std::optional<std::int64_t>(extra_fee) : std::nullopt;
    after.reason = reason;
    repo::update_seat_request(c, after, actor.user_id, iso(now));
    if (accept && m->seats_used >= m->seats_total()) {
      Membership grown = *m;
      grown.extra_seats += 1;
      repo::update_membership(c, grown, iso(now));
      audit::record(c, actor, "update", "membership", id_str(m->id), to_json(*m), to_json(grown), now);
    }
    audit::record(c, actor, accept ? "accept" : "decline", "seat_request", id_str(request_id), to_json(*before),
                  to_json(after), now);
    return Status::ok();
  });
}

Status withdraw_seat(db::Database& db, const audit::Actor& actor, std::int64_t request_id, std::int64_t now) {
  return db.write([&](db::Conn& c) -> Status {
    if (!lock_seat_request_membership(c, request_id)) return Status::not_found();
    auto before = repo::seat_request(c, request_id);
    if (before->status == "withdrawn" || before->status == "declined")
      return Status::invalid().field("status", "members.not_withdrawable");
    SeatRequest after = *before;
    after.status = "withdrawn";
    repo::update_seat_request(c, after, actor.user_id, iso(now));
    audit::record(c, actor, "withdraw", "seat_request", id_str(request_id), to_json(*before), to_json(after), now);
    return Status::ok();
  });
}

}  // namespace mdsc::members
