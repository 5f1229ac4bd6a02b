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

const States<MembershipStatus>& states_of(MembershipStatus) {
  using S = MembershipStatus;
  static const States<S> t{
      {{S::applied, "applied"}, {S::active, "active"}, {S::ended, "ended"}, {S::cancelled, "cancelled"}},
      {{S::applied, S::active}, {S::applied, S::cancelled}, {S::active, S::ended}, {S::active, S::cancelled}}};
  return t;
}

const States<SeatStatus>& states_of(SeatStatus) {
  using S = SeatStatus;
  static const States<S> t{{{S::consultation, "consultation"},
                            {S::accepted, "accepted"},
                            {S::declined, "declined"},
                            {S::withdrawn, "withdrawn"}},
                           {{S::consultation, S::accepted},
                            {S::consultation, S::declined},
                            {S::consultation, S::withdrawn},
                            {S::accepted, S::withdrawn}}};
  return t;
}

using entity::Table, entity::field, entity::columns, entity::enum_field;

const entity::Table<Organization>& Organization::table() {
  using O = Organization;
  static const Table<O> t{"organization",
                          {field<&O::id>().key(), field<&O::kind>(), field<&O::company_type>().nullable(),
                           columns<&O::name, &O::name_kana, &O::name_en>(), field<&O::corporate_number>().null_in_db(),
                           field<&O::employee_count>(), field<&O::founded_on>().null_in_db(),
                           columns<&O::postal_code, &O::address, &O::phone, &O::email, &O::contact_name,
                                   &O::contact_department, &O::is_representative>(),
                           field<&O::representative_user_id>().nullable(), field<&O::substitute_user_id>().nullable(),
                           field<&O::active>()}};
  return t;
}

const entity::Table<FeeTier>& FeeTier::table() {
  using T = FeeTier;
  static const Table<T> t{"fee_tier",
                          {field<&T::id>().key(), field<&T::schedule_id>().hidden(),
                           columns<&T::code, &T::name_ja, &T::name_en, &T::annual_fee, &T::seats, &T::includes_lectures,
                                   &T::includes_liaison, &T::includes_research, &T::tax_category, &T::eligibility>()}};
  return t;
}

const entity::Table<FeeSchedule>& FeeSchedule::table() {
  using S = FeeSchedule;
  static const Table<S> t{"fee_schedule",
                          {field<&S::id>().key(), columns<&S::fiscal_year, &S::monitor_period, &S::notes>()}};
  return t;
}

const entity::Table<Membership>& Membership::table() {
  using M = Membership;
  static const Table<M> t{
      "membership",
      {field<&M::id>().key(), columns<&M::company_id, &M::fiscal_year, &M::tier_id>(), enum_field<&M::status>("status"),
       columns<&M::starts_on, &M::ends_on, &M::extra_seats, &M::notes>(), field("tier", &M::tier_code).joined(),
       field<&M::seats_included>().joined(), field<&M::seats_used>().joined()}};
  return t;
}

const entity::Table<SeatRequest>& SeatRequest::table() {
  using R = SeatRequest;
  static const Table<R> t{"seat_request",
                          {field<&R::id>().key(), columns<&R::membership_id, &R::trainee_name, &R::source>(),
                           enum_field<&R::status>("status"), columns<&R::extra_fee, &R::reason, &R::created_at>()}};
  return t;
}

const entity::Table<IssuerProfile>& IssuerProfile::table() {
  using P = IssuerProfile;
  static const Table<P> t{
      "issuer_profile",
      {columns<&P::name, &P::postal_code, &P::address, &P::department, &P::phone, &P::email, &P::registration_number,
               &P::bank_details, &P::number_prefix, &P::rounding, &P::payment_days>()}};
  return t;
}

}  // namespace mdsc::members
