#include "modules/admissions/operations.h"

#include <algorithm>

#include "core/clock.h"
#include "core/i18n.h"
#include "modules/admissions/repo.h"
#include "modules/members/operations.h"
#include "modules/members/repo.h"
#include "platform/identity/repo.h"
#include "platform/identity/users.h"
#include "platform/identity/validation.h"
#include "platform/outbox.h"
#include "web/rate_limit.h"

namespace mdsc::admissions {
namespace {

bool valid_date(const std::string& s) {
  std::int64_t t = 0;
  return s.size() == 10 && i18n::tokyo_to_unix(s, "00:00:00", t) && i18n::tokyo_date_iso(t) == s;
}

Status validate(const Application& a) {
  Status st;
  if (auto e = identity::check_email(a.email); !e.empty()) st.field("email", e);
  if (auto e = identity::check_name(a.family_name, true); !e.empty()) st.field("family_name", e);
  if (auto e = identity::check_name(a.given_name, false); !e.empty()) st.field("given_name", e);
  if (a.family_name_kana.empty()) st.field("family_name_kana", "validation.required");
  else if (auto e = identity::check_kana(a.family_name_kana); !e.empty()) st.field("family_name_kana", e);
  if (auto e = identity::check_kana(a.given_name_kana); !e.empty()) st.field("given_name_kana", e);
  if (auto e = identity::check_romaji(a.romaji_name); !e.empty()) st.field("romaji_name", e);
  for (const auto* text : {&a.affiliation, &a.position, &a.university, &a.year_of_study, &a.supervisor_name})
    if (text->size() > 300) st.field("affiliation", "validation.too_long");
  if (a.programming_experience.size() > 2000) st.field("programming_experience", "validation.too_long");
  if (a.courses_of_interest.size() > 2000) st.field("courses_of_interest", "validation.too_long");
  for (const auto& t : a.tracks)
    if (std::find(track_codes().begin(), track_codes().end(), t) == track_codes().end())
      st.field("tracks", "validation.choice");
  if (a.trainee_type == "A") {
    if (a.a_category != "phd_student" && a.a_category != "phd_holder") st.field("a_category", "validation.choice");
    if (a.a_category == "phd_student") {
      if (a.university.empty()) st.field("university", "validation.required");
      if (a.year_of_study.empty()) st.field("year_of_study", "validation.required");
      if (a.supervisor_name.empty()) st.field("supervisor_name", "validation.required");
      if (auto e = identity::check_email(a.supervisor_email); !e.empty()) st.field("supervisor_email", e);
    }
    if (a.a_category == "phd_holder" && a.affiliation.empty()) st.field("affiliation", "validation.required");
  } else if (a.trainee_type == "B") {
    if (!a.company_id) st.field("company_id", "validation.required");
  } else {
    st.field("trainee_type", "validation.choice");
  }
  if (a.lang != "ja" && a.lang != "en") st.field("lang", "validation.choice");
  return st;
}

void mail_applicant(db::Conn& c, const Application& a, const std::string& subject_id, const std::string& body_id,
                    const i18n::Args& extra, std::int64_t now) {
  i18n::Args args = extra;
  args["name"] = a.full_name();
  args["fy"] = i18n::fiscal_year_display(a.lang, a.fiscal_year);
  mail::Message m;
  m.to = a.email;
  m.subject = i18n::t(a.lang, subject_id, args);
  m.text_body = i18n::t(a.lang, body_id, args);
  mail::enqueue(c, m, now);
}

// Mails each representative of the company named by a type B application, in their language.
void ask_company(db::Conn& c, const Application& a, const std::string& base_url, std::int64_t now) {
  auto company = members::repo::organization(c, a.company_id);
  for (const auto& rep : repo::representatives_of(c, a.company_id)) {
    std::string lang = rep.lang.empty() ? "ja" : rep.lang;
    i18n::Args args{{"name", rep.name},
                    {"company", company ? company->name : ""},
                    {"applicant", a.full_name()},
                    {"fy", i18n::fiscal_year_display(lang, a.fiscal_year)},
                    {"link", base_url + "/company-applications?fy=" + std::to_string(a.fiscal_year)}};
    mail::Message m;
    m.to = rep.email;
    m.subject = i18n::t(lang, "mail.company_confirmation.subject", args);
    m.text_body = i18n::t(lang, "mail.company_confirmation.body", args);
    mail::enqueue(c, m, now);
  }
}

// Gives back the seat a declined application held, under the membership's lock, and only if it is
// still held (a consultation may have been decided meanwhile).
void release_seat(db::Conn& c, const audit::Actor& actor, const Application& a, std::int64_t now) {
  if (!a.seat_request_id) return;
  auto seat = members::repo::seat_request(c, a.seat_request_id);
  if (!seat) return;
  members::repo::lock_membership(c, seat->membership_id);
  seat = members::repo::seat_request(c, a.seat_request_id);
  if (seat->status != "accepted" && seat->status != "consultation") return;
  members::SeatRequest s = *seat;
  s.status = "withdrawn";
  members::repo::update_seat_request(c, s, actor.user_id, to_iso_utc(now));
  audit::record(c, actor, "withdraw", "seat_request", std::to_string(s.id), members::to_json(*seat),
                members::to_json(s), now);
}

}  // namespace

Status save_program_year(db::Database& db, const audit::Actor& actor, const ProgramYear& y, std::int64_t now) {
  Status st;
  if (y.fiscal_year < 2000 || y.fiscal_year > 2100) st.field("fiscal_year", "validation.fiscal_year");
  if (y.closes_at <= y.opens_at) st.field("closes_on", "admissions.window_order");
  if (!valid_date(y.program_starts_on)) st.field("program_starts_on", "validation.date");
  if (y.target_a < 0) st.field("target_a", "validation.not_negative");
  if (y.target_b < 0) st.field("target_b", "validation.not_negative");
  if (y.privacy_version.empty()) st.field("privacy_version", "validation.required");
  if (y.privacy_ja.empty()) st.field("privacy_ja", "validation.required");
  if (y.privacy_en.empty()) st.field("privacy_en", "validation.required");
  if (!st) return st;
  return db.write([&](db::Conn& c) -> Status {
    auto before = repo::program_year(c, y.fiscal_year);
    repo::upsert_program_year(c, y, to_iso_utc(now));
    nlohmann::json after = to_json(y);
    after["privacy_ja"] = y.privacy_ja;
    after["privacy_en"] = y.privacy_en;
    nlohmann::json prev = before ? to_json(*before) : nlohmann::json::object();
    if (before) {
      prev["privacy_ja"] = before->privacy_ja;
      prev["privacy_en"] = before->privacy_en;
    }
    audit::record(c, actor, before ? "update" : "create", "program_year", std::to_string(y.fiscal_year), prev, after, now);
    return Status::ok();
  });
}

std::optional<ProgramYear> current_program_year(db::Conn& c, std::int64_t now) {
  auto years = repo::program_years(c);
  if (years.empty()) return std::nullopt;
  for (const auto& y : years)
    if (y.window(now) == ProgramYear::Window::open) return y;
  for (const auto& y : years)
    if (y.window(now) == ProgramYear::Window::not_yet) return y;
  return years.back();
}

Result<std::int64_t> submit_application(db::Database& db, const audit::Actor& actor, Application a,
                                        const SubmitOptions& opt, std::int64_t now) {
  a.email = identity::normalize_email(a.email);
  a.supervisor_email = identity::normalize_email(a.supervisor_email);
  if (a.trainee_type != "A") a.a_category.clear();
  if (a.trainee_type != "B") a.company_id = 0;
  Status st = validate(a);
  if (!opt.consent) st.field("consent", "admissions.consent_required");
  if (opt.late && a.late_reason.empty()) st.field("late_reason", "validation.required");
  if (!st) return st;
  return db.write([&](db::Conn& c) -> Result<std::int64_t> {
    auto year = repo::program_year(c, a.fiscal_year);
    if (!year) return Status(Code::not_found, "admissions.no_program_year");
    auto w = year->window(now);
    if (!opt.late && w == ProgramYear::Window::not_yet)
      return Status(Code::invalid, "admissions.not_open", {{"opens", std::to_string(year->opens_at)}});
    if (!opt.late && w == ProgramYear::Window::closed)
      return Status(Code::invalid, "admissions.closed", {{"closed", std::to_string(year->closes_at)}});
    if (!opt.client_address.empty()) {
      const web::rate_limit::Rule per_address{kApplicationMailsPerAddress, kApplicationMailWindowSeconds,
                                              kApplicationMailWindowSeconds};
      const web::rate_limit::Rule per_target{kApplicationMailsPerTarget, kApplicationMailWindowSeconds,
                                             kApplicationMailWindowSeconds};
      auto from = web::rate_limit::charge(c, "apply-from:" + opt.client_address, per_address, now);
      auto to = web::rate_limit::charge(c, "apply-to:" + a.email, per_target, now);
      if (!from.allowed || !to.allowed)
        return Status(Code::too_many, "apply.throttled",
                      {{"until", std::to_string(std::max(from.allowed ? 0 : from.locked_until,
                                                         to.allowed ? 0 : to.locked_until))}});
    }
    if (repo::application_by_email(c, a.fiscal_year, a.email))
      return Status(Code::conflict, "error.invalid_input").field("email", "admissions.duplicate");
    if (a.trainee_type == "B") {
      auto m = members::repo::membership_of(c, a.company_id, a.fiscal_year);
      if (!m || (m->status != "active" && m->status != "applied"))
        return Status::invalid().field("company_id", "admissions.company_not_member");
    }
    a.privacy_version = year->privacy_version;
    a.submitted_at = now;
    a.late = opt.late;
    a.id = repo::insert_application(c, a, to_iso_utc(now));
    // No seat is held yet: anyone can name a company on the public form. The company's
    // representatives are asked to confirm that the applicant is theirs.
    if (a.trainee_type == "B") ask_company(c, a, opt.base_url, now);
    auto saved = repo::application(c, a.id);
    audit::record(c, actor, opt.late ? "create_late" : "create", "application", std::to_string(a.id),
                  nlohmann::json::object(), to_json(*saved), now);
    mail_applicant(c, *saved, "mail.application.subject", "mail.application.body", {}, now);
    return a.id;
  });
}

Status answer_company_confirmation(db::Database& db, const audit::Actor& actor, std::int64_t id, bool ours,
                                   const std::string& reason, std::int64_t now) {
  if (!ours && reason.empty()) return Status::invalid().field("reason", "admissions.reason_required");
  if (reason.size() > 1000) return Status::invalid().field("reason", "validation.too_long");
  return db.write([&](db::Conn& c) -> Status {
    if (!repo::lock_application(c, id)) return Status::not_found();
    auto before = repo::application(c, id);
    if (before->trainee_type != "B") return Status::not_found();
    if (before->company_confirmation != "pending")
      return Status(Code::conflict, "admissions.company_already_answered");
    if (before->status != "submitted") return Status(Code::conflict, "admissions.already_decided");
    Application a = *before;
    if (ours) {
      auto m = members::repo::membership_of(c, a.company_id, a.fiscal_year);
      if (!m) return Status::invalid().field("company_id", "admissions.company_not_member");
      // The seat is held from now on: counted under the membership's lock, and the third trainee
      // or one beyond the seats waits for the secretariat.
      auto seat = members::request_seat_in(c, actor, m->id, a.full_name(), "application:" + std::to_string(a.id), now);
      if (!seat) return seat.status();
      repo::set_seat_request(c, a.id, seat->id);
      a.seat_request_id = seat->id;
      a.seat_status = seat->status;
    }
    a.company_confirmation = ours ? "confirmed" : "rejected";
    a.company_answered_by = actor.user_id;
    a.company_answered_at = now;
    a.company_answer_reason = reason;
    repo::set_company_answer(c, a, to_iso_utc(now));
    audit::record(c, actor, ours ? "company_confirm" : "company_reject", "application", std::to_string(id),
                  to_json(*before), to_json(a), now);
    return Status::ok();
  });
}

Status decide_application(db::Database& db, const audit::Actor& actor, std::int64_t id, const std::string& decision,
                          const std::string& reason, const std::string& base_url, std::int64_t now) {
  if (decision != "accepted" && decision != "waitlisted" && decision != "declined")
    return Status::invalid().field("decision", "validation.choice");
  if (decision != "accepted" && reason.empty()) return Status::invalid().field("reason", "admissions.reason_required");
  return db.write([&](db::Conn& c) -> Status {
    // Two clerks deciding at once are decided one after the other, each on the state the other left.
    if (!repo::lock_application(c, id)) return Status::not_found();
    auto before = repo::application(c, id);
    if (before->status == "accepted")
      return Status::invalid().field("decision", "admissions.already_accepted");
    if (before->status == decision) return Status::invalid().field("decision", "admissions.same_decision");
    Application a = *before;
    a.status = decision;
    a.decision_reason = reason;
    if (decision == "accepted") {
      if (a.trainee_type == "B" && a.company_confirmation == "pending")
        return Status::invalid().field("decision", "admissions.company_confirmation_pending");
      if (a.trainee_type == "B" && a.company_confirmation == "rejected")
        return Status::invalid().field("decision", "admissions.company_rejected");
      if (a.trainee_type == "B") {
        // The seat's state under the membership's lock: a consultation decided meanwhile counts.
        auto seat = members::repo::seat_request(c, a.seat_request_id);
        if (seat) members::repo::lock_membership(c, seat->membership_id);
        seat = members::repo::seat_request(c, a.seat_request_id);
        if (!seat || seat->status != "accepted")
          return Status::invalid().field("decision", "admissions.seat_pending");
      }
      auto existing = identity::repo::user_by_email(c, a.email);
      if (existing) {
        if (auto st = identity::grant_role_in(c, actor, existing->id, {web::Role::trainee, "", 0}, now); !st) return st;
        a.user_id = existing->id;
      } else {
        identity::UserInput u;
        u.email = a.email;
        u.family_name = a.family_name;
        u.given_name = a.given_name;
        u.family_name_kana = a.family_name_kana;
        u.given_name_kana = a.given_name_kana;
        u.romaji_name = a.romaji_name;
        u.preferred_lang = a.lang;
        u.roles = {{web::Role::trainee, "", 0}};
        auto created = identity::create_user_in(c, actor, u, now, base_url);
        if (!created) return created.status();
        a.user_id = *created;
      }
    } else if (decision == "declined") {
      // The declined applicant's seat goes back to the company.
      release_seat(c, actor, a, now);
    }
    repo::update_decision(c, a, actor.user_id, now, to_iso_utc(now));
    audit::record(c, actor, "decide", "application", std::to_string(id), to_json(*before), to_json(a), now);
    mail_applicant(c, a, "mail.decision." + decision + ".subject", "mail.decision." + decision + ".body",
                   {{"reason", reason}, {"login", base_url + "/login"}}, now);
    return Status::ok();
  });
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

}  // namespace mdsc::admissions
