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

// Organisations --------------------------------------------------------------------------------

namespace {

void normalize(Organization& o) {
  if (!o.corporate_number.empty()) o.corporate_number = normalize_corporate_number(o.corporate_number);
  o.email = identity::normalize_email(o.email);
}

Status corporate_number_taken() {
  return Status(Code::conflict, "error.invalid_input").field("corporate_number", "members.corporate_number_taken");
}

// A change of representatives: both hold the partner-representative role for the company.
// Not found for an institution, which has none.
Status check_representatives(Work& w, const Organization& before, const Organization& o, Status& st) {
  if (o.representative_user_id == before.representative_user_id && o.substitute_user_id == before.substitute_user_id)
    return Status::ok();
  if (o.kind != "company" && (o.representative_user_id || o.substitute_user_id)) return Status::not_found();
  const auto rep = o.representative_user_id, sub = o.substitute_user_id;
  if (rep && !repo::is_active_representative(w.conn, rep, o.id))
    st.field("representative_user_id", "members.not_a_representative");
  if (sub && !repo::is_active_representative(w.conn, sub, o.id))
    st.field("substitute_user_id", "members.not_a_representative");
  if (rep && rep == sub) st.field("substitute_user_id", "members.substitute_same");
  if (!rep && sub) st.field("representative_user_id", "members.representative_first");
  return Status::ok();
}

}  // namespace

Result<std::int64_t> create_organization(Work& w, Organization o) {
  normalize(o);
  if (auto st = validate_organization(o, i18n::tokyo_date_iso(w.now)); !st) return st;
  if (!o.corporate_number.empty() && repo::organization_by_corporate_number(w.conn, o.corporate_number))
    return corporate_number_taken();
  o.id = repo::insert_organization(w.conn, o, iso(w.now));
  w.audit("create", "organization", o.id, nlohmann::json::object(), to_json(o));
  return o.id;
}

Status edit_organization(Work& w, std::int64_t id, const OrganizationEdit& edit) {
  // The whole row is rewritten: the edit applies to the row as it is under its lock, so a
  // concurrent change of other fields (a representative, the address) is never written back away.
  if (!repo::lock_organization(w.conn, id)) return Status::not_found();
  auto before = repo::organization(w.conn, id);
  Organization o = *before;
  if (auto st = edit(o); !st) return st;
  o.id = id;
  normalize(o);
  Status st = validate_organization(o, i18n::tokyo_date_iso(w.now));
  if (before->kind != o.kind) st.field("kind", "members.kind_fixed");
  if (auto found = check_representatives(w, *before, o, st); !found) return found;
  if (!st) return st;
  if (!o.corporate_number.empty()) {
    auto other = repo::organization_by_corporate_number(w.conn, o.corporate_number);
    if (other && other->id != id) return corporate_number_taken();
  }
  repo::update_organization(w.conn, o, iso(w.now));
  w.audit("update", "organization", id, to_json(*before), to_json(o));
  return Status::ok();
}

Status update_organization(Work& w, std::int64_t id, Organization in) {
  return edit_organization(w, id, [&](Organization& o) {
    const auto rep = o.representative_user_id, sub = o.substitute_user_id;
    o = in;
    o.representative_user_id = rep;
    o.substitute_user_id = sub;
    return Status::ok();
  });
}

Status set_representatives(Work& w, std::int64_t company_id, std::int64_t rep, std::int64_t sub) {
  return edit_organization(w, company_id, [&](Organization& o) {
    if (o.kind != "company") return Status::not_found();
    o.representative_user_id = rep;
    o.substitute_user_id = sub;
    return Status::ok();
  });
}

// Issuer profile --------------------------------------------------------------------------------

Status save_issuer_profile(Work& w, IssuerProfile p) {
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
  auto before = repo::issuer_profile(w.conn);
  repo::save_issuer_profile(w.conn, p, iso(w.now));
  w.audit(before ? "update" : "create", "issuer_profile", "1",
          before ? entity::snapshot(*before) : nlohmann::json::object(), entity::snapshot(p));
  return Status::ok();
}

// Fee schedules ---------------------------------------------------------------------------------

Result<std::int64_t> create_fee_schedule(Work& w, const FeeSchedule& s) {
  if (auto st = validate_schedule(s); !st) return st;
  if (repo::schedule(w.conn, s.fiscal_year))
    return Status(Code::conflict, "error.invalid_input").field("fiscal_year", "members.schedule_exists");
  auto id = repo::insert_schedule(w.conn, s, iso(w.now));
  auto saved = repo::schedule(w.conn, s.fiscal_year);
  w.audit("create", "fee_schedule", std::to_string(s.fiscal_year), nlohmann::json::object(), to_json(*saved));
  return id;
}

Status update_fee_schedule(Work& w, const FeeSchedule& in) {
  if (auto st = validate_schedule(in); !st) return st;
  auto before = repo::schedule(w.conn, in.fiscal_year);
  if (!before) return Status::not_found();
  FeeSchedule s = in;
  s.id = before->id;
  for (auto& t : s.tiers) {
    const FeeTier* existing = before->tier(t.code);
    t.id = existing ? existing->id : 0;
  }
  // A tier that memberships use cannot disappear; tiers missing from the input are kept.
  repo::update_schedule(w.conn, s, iso(w.now));
  auto after = repo::schedule(w.conn, in.fiscal_year);
  w.audit("update", "fee_schedule", std::to_string(in.fiscal_year), to_json(*before), to_json(*after));
  return Status::ok();
}

// Memberships -----------------------------------------------------------------------------------

Result<std::int64_t> create_membership(Work& w, std::int64_t company_id, int fiscal_year, const std::string& tier_code,
                                       MembershipStatus status) {
  if (status != MembershipStatus::applied && status != MembershipStatus::active)
    return Status::invalid().field("status", "validation.choice");
  auto company = repo::organization(w.conn, company_id);
  if (!company) return Status::invalid().field("company_id", "members.company_unknown");
  auto schedule = repo::schedule(w.conn, fiscal_year);
  if (!schedule)
    return Status::invalid().field("fiscal_year", "members.no_schedule", {{"fy", std::to_string(fiscal_year)}});
  const FeeTier* tier = schedule->tier(tier_code);
  if (!tier) return Status::invalid().field("tier", "members.tier_unknown", {{"tier", tier_code}});
  if (auto st = check_eligibility(*company, *tier, fiscal_year); !st) return st;
  if (repo::membership_of(w.conn, company_id, fiscal_year))
    return Status(Code::conflict, "error.invalid_input").field("fiscal_year", "members.membership_exists");
  Membership m;
  m.company_id = company_id;
  m.fiscal_year = fiscal_year;
  m.tier_id = tier->id;
  m.status = status;
  m.starts_on = fiscal_year_start(fiscal_year);
  m.ends_on = fiscal_year_end(fiscal_year);
  m.id = repo::insert_membership(w.conn, m, iso(w.now));
  w.audit("create", "membership", m.id, nlohmann::json::object(), to_json(*repo::membership(w.conn, m.id)));
  return m.id;
}

Status change_membership_status(Work& w, std::int64_t id, std::string_view status) {
  // The row is rewritten whole below: read it under its lock, or an extra seat granted meanwhile
  // would be written back away.
  repo::lock_membership(w.conn, id);
  auto m = repo::membership(w.conn, id);
  if (!m) return Status::not_found();
  const auto& table = states<MembershipStatus>();
  auto to = table.parse(status);
  if (!to || !table.allows(m->status, *to))
    return Status::invalid().field("status", "members.status_transition",
                                   {{"from", std::string(table.name(m->status))}, {"to", std::string(status)}});
  Membership after = *m;
  after.status = *to;
  repo::update_membership(w.conn, after, iso(w.now));
  w.audit("update", "membership", id, to_json(*m), to_json(after));
  return Status::ok();
}

Result<std::int64_t> renew_membership(Work& w, std::int64_t id, const std::string& tier_code) {
  repo::lock_membership(w.conn, id);
  auto current = repo::membership(w.conn, id);
  if (!current) return Status::not_found();
  if (current->status == MembershipStatus::cancelled)
    return Status::invalid().field("status", "members.renew_cancelled");
  std::string code = tier_code.empty() ? current->tier_code : tier_code;
  // Monitor period tiers do not exist in a normal year: the secretariat must choose.
  return create_membership(w, current->company_id, current->fiscal_year + 1, code, MembershipStatus::applied);
}

// Seats -----------------------------------------------------------------------------------------

Result<SeatRequest> request_seat(Work& w, std::int64_t membership_id, const std::string& trainee_name,
                                 const std::string& source) {
  if (auto e = identity::check_name(trainee_name, true); !e.empty())
    return Status::invalid().field("trainee_name", e);
  repo::lock_membership(w.conn, membership_id);
  auto m = repo::membership(w.conn, membership_id);
  if (!m) return Status::not_found();
  if (!m->current()) return Status::invalid().field("membership_id", "members.membership_not_current");
  int accepted = repo::count_seats(w.conn, membership_id, SeatStatus::accepted);
  SeatRequest r;
  r.membership_id = membership_id;
  r.trainee_name = trainee_name;
  r.source = source.empty() ? "manual" : source;
  bool free_seat = accepted < m->seats_total();
  bool below_threshold = accepted + 1 < kConsultationThreshold;
  r.status = free_seat && below_threshold ? SeatStatus::accepted : SeatStatus::consultation;
  r.reason = free_seat ? (below_threshold ? "" : "third_trainee") : "no_seat_left";
  r.id = repo::insert_seat_request(w.conn, r, iso(w.now));
  w.audit("create", "seat_request", r.id, nlohmann::json::object(), to_json(r));
  return r;
}

Status decide_consultation(Work& w, std::int64_t request_id, bool accept, std::int64_t extra_fee,
                           const std::string& reason) {
  if (accept && extra_fee < 0) return Status::invalid().field("extra_fee", "validation.not_negative");
  if (accept && extra_fee > money::kMaxAmount) {  // also the page's summary: the decide form shows no field errors
    std::map<std::string, std::string> max{{"max", i18n::yen(money::kMaxAmount)}};
    return Status(Code::invalid, "validation.amount_too_large", max).field("extra_fee", "validation.amount_too_large", max);
  }
  // Lock, then read: two "accept" clicks are decided one after the other, the second on the
  // first one's outcome (no second extra seat).
  auto before = lock_seat_request(w.conn, request_id);
  if (!before) return Status::not_found();
  if (before->status != SeatStatus::consultation)
    return Status::invalid().field("status", "members.not_in_consultation");
  auto m = repo::membership(w.conn, before->membership_id);
  SeatRequest after = *before;
  after.status = accept ? SeatStatus::accepted : SeatStatus::declined;
  after.extra_fee = accept ? std::optional<std::int64_t>(extra_fee) : std::nullopt;
  after.reason = reason;
  repo::update_seat_request(w.conn, after, w.actor.user_id, iso(w.now));
  if (accept && m->seats_used >= m->seats_total()) {
    Membership grown = *m;
    grown.extra_seats += 1;
    repo::update_membership(w.conn, grown, iso(w.now));
    w.audit("update", "membership", m->id, to_json(*m), to_json(grown));
  }
  w.audit(accept ? "accept" : "decline", "seat_request", request_id, to_json(*before), to_json(after));
  return Status::ok();
}

namespace {
void withdraw(Work& w, const SeatRequest& before) {
  SeatRequest after = before;
  after.status = SeatStatus::withdrawn;
  repo::update_seat_request(w.conn, after, w.actor.user_id, iso(w.now));
  w.audit("withdraw", "seat_request", before.id, to_json(before), to_json(after));
}
}  // namespace

Status withdraw_seat(Work& w, std::int64_t request_id) {
  auto before = lock_seat_request(w.conn, request_id);
  if (!before) return Status::not_found();
  if (!states<SeatStatus>().allows(before->status, SeatStatus::withdrawn))
    return Status::invalid().field("status", "members.not_withdrawable");
  withdraw(w, *before);
  return Status::ok();
}

void release_seat(Work& w, std::int64_t seat_request_id) {
  auto seat = lock_seat_request(w.conn, seat_request_id);
  if (seat && states<SeatStatus>().allows(seat->status, SeatStatus::withdrawn)) withdraw(w, *seat);
}

}  // namespace mdsc::members
