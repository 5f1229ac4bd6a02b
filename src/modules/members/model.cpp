#include "modules/members/model.h"

namespace mdsc::members {

const std::vector<std::string>& company_types() {
  static const std::vector<std::string> v{"pharma", "medical_it", "medical_devices", "cro", "other"};
  return v;
}

const std::vector<std::string>& organization_kinds() {
  static const std::vector<std::string> v{"company", "university", "research_institute"};
  return v;
}

nlohmann::json to_json(const Organization& o) { return entity::to_json(o); }

const FeeTier* FeeSchedule::tier(std::string_view code) const {
  for (const auto& t : tiers)
    if (t.code == code) return &t;
  return nullptr;
}

const FeeTier* FeeSchedule::tier_by_id(std::int64_t id) const {
  for (const auto& t : tiers)
    if (t.id == id) return &t;
  return nullptr;
}

nlohmann::json to_json(const FeeTier& t) { return entity::to_json(t); }

nlohmann::json to_json(const FeeSchedule& s) {
  auto j = entity::to_json(s);
  j["tiers"] = nlohmann::json::array();
  for (const auto& t : s.tiers) j["tiers"].push_back(to_json(t));
  return j;
}

nlohmann::json to_json(const Membership& m) { return entity::to_json(m); }

nlohmann::json to_json(const SeatRequest& r) { return entity::to_json(r); }

}  // namespace mdsc::members

namespace mdsc {

template <>
const States<members::MembershipStatus>& states<members::MembershipStatus>() {
  using S = members::MembershipStatus;
  static const States<S> t{
      {{S::applied, "applied"}, {S::active, "active"}, {S::ended, "ended"}, {S::cancelled, "cancelled"}},
      {{S::applied, S::active}, {S::applied, S::cancelled}, {S::active, S::ended}, {S::active, S::cancelled}}};
  return t;
}

template <>
const States<members::SeatStatus>& states<members::SeatStatus>() {
  using S = members::SeatStatus;
  static const States<S> t{
      {{S::consultation, "consultation"}, {S::accepted, "accepted"}, {S::declined, "declined"}, {S::withdrawn, "withdrawn"}},
      {{S::consultation, S::accepted}, {S::consultation, S::declined}, {S::consultation, S::withdrawn},
       {S::accepted, S::withdrawn}}};
  return t;
}

}  // namespace mdsc

namespace mdsc {

using entity::Table;
using entity::field;
using entity::enum_field;

using members::FeeSchedule;
using members::FeeTier;
using members::IssuerProfile;
using members::Membership;
using members::Organization;
using members::SeatRequest;

const entity::Table<Organization>& Organization::table() {
  using O = Organization;
  static const Table<O> t{
      "organization",
      {field("id", &O::id).key(),
       field("kind", &O::kind),
       field("company_type", &O::company_type).nullable(),
       field("name", &O::name),
       field("name_kana", &O::name_kana),
       field("name_en", &O::name_en),
       field("corporate_number", &O::corporate_number).null_in_db(),
       field("employee_count", &O::employee_count),
       field("founded_on", &O::founded_on).null_in_db(),
       field("postal_code", &O::postal_code),
       field("address", &O::address),
       field("phone", &O::phone),
       field("email", &O::email),
       field("contact_name", &O::contact_name),
       field("contact_department", &O::contact_department),
       field("is_representative", &O::is_representative),
       field("representative_user_id", &O::representative_user_id).nullable(),
       field("substitute_user_id", &O::substitute_user_id).nullable(),
       field("active", &O::active)}};
  return t;
}

const entity::Table<FeeTier>& FeeTier::table() {
  using T = FeeTier;
  static const Table<T> t{
      "fee_tier",
      {field("id", &T::id).key(),
       field("schedule_id", &T::schedule_id).hidden(),
       field("code", &T::code),
       field("name_ja", &T::name_ja),
       field("name_en", &T::name_en),
       field("annual_fee", &T::annual_fee),
       field("seats", &T::seats),
       field("includes_lectures", &T::includes_lectures),
       field("includes_liaison", &T::includes_liaison),
       field("includes_research", &T::includes_research),
       field("tax_category", &T::tax_category),
       field("eligibility", &T::eligibility)}};
  return t;
}

const entity::Table<FeeSchedule>& FeeSchedule::table() {
  using S = FeeSchedule;
  static const Table<S> t{"fee_schedule",
                          {field("id", &S::id).key(),
                           field("fiscal_year", &S::fiscal_year),
                           field("monitor_period", &S::monitor_period),
                           field("notes", &S::notes)}};
  return t;
}

const entity::Table<Membership>& Membership::table() {
  using M = Membership;
  static const Table<M> t{
      "membership",
      {field("id", &M::id).key(), field("company_id", &M::company_id), field("fiscal_year", &M::fiscal_year),
       field("tier_id", &M::tier_id), enum_field<&M::status>("status"), field("starts_on", &M::starts_on),
       field("ends_on", &M::ends_on), field("extra_seats", &M::extra_seats), field("notes", &M::notes),
       field("tier", &M::tier_code).joined(), field("seats_included", &M::seats_included).joined(),
       field("seats_used", &M::seats_used).joined()}};
  return t;
}

const entity::Table<SeatRequest>& SeatRequest::table() {
  using R = SeatRequest;
  static const Table<R> t{
      "seat_request",
      {field("id", &R::id).key(),
       field("membership_id", &R::membership_id),
       field("trainee_name", &R::trainee_name),
       field("source", &R::source),
       enum_field<&R::status>("status"),
       field("extra_fee", &R::extra_fee),
       field("reason", &R::reason),
       field("created_at", &R::created_at)}};
  return t;
}

}  // namespace mdsc

namespace mdsc {

const entity::Table<IssuerProfile>& IssuerProfile::table() {
  using P = IssuerProfile;
  static const Table<P> t{
      "issuer_profile",
      {field("name", &P::name), field("postal_code", &P::postal_code), field("address", &P::address),
       field("department", &P::department), field("phone", &P::phone), field("email", &P::email),
       field("registration_number", &P::registration_number), field("bank_details", &P::bank_details),
       field("number_prefix", &P::number_prefix), field("rounding", &P::rounding),
       field("payment_days", &P::payment_days)}};
  return t;
}

}  // namespace mdsc
