#include "modules/admissions/operations.h"

#include <algorithm>

#include "core/clock.h"
#include "core/i18n.h"
#include "modules/admissions.h"
#include "modules/admissions/repo.h"
#include "modules/members.h"
#include "platform/identity/repo.h"
#include "platform/identity/users.h"
#include "platform/identity/validation.h"
#include "web/rate_limit.h"

namespace mdsc::admissions {
namespace {

bool valid_date(const std::string& s) {
  std::int64_t t = 0;
  return s.size() == 10 && i18n::tokyo_to_unix(s, "00:00:00", t) && i18n::tokyo_date_iso(t) == s;
}

void check_person(const Application& a, Status& st) {
  if (auto e = identity::check_name(a.family_name, true); !e.empty()) st.field("family_name", e);
  if (auto e = identity::check_name(a.given_name, false); !e.empty()) st.field("given_name", e);
  if (a.family_name_kana.empty()) st.field("family_name_kana", "validation.required");
  else if (auto e = identity::check_kana(a.family_name_kana); !e.empty()) st.field("family_name_kana", e);
  if (auto e = identity::check_kana(a.given_name_kana); !e.empty()) st.field("given_name_kana", e);
  if (auto e = identity::check_romaji(a.romaji_name); !e.empty()) st.field("romaji_name", e);
}

// What a type A or B applicant must say about themselves.
void check_type(const Application& a, Status& st) {
  if (a.trainee_type == "A") {
    if (std::find(a_categories().begin(), a_categories().end(), a.a_category) == a_categories().end())
      st.field("a_category", "validation.choice");
    if (a.a_category == "phd_student") {
      if (a.university.empty()) st.field("university", "validation.required");
      if (a.year_of_study.empty()) st.field("year_of_study", "validation.required");
      if (a.supervisor_name.empty()) st.field("supervisor_name", "validation.required");
      if (auto e = identity::check_email(a.supervisor_email); !e.empty()) st.field("supervisor_email", e);
    }
    if (a.a_category == "phd_holder" && a.affiliation.empty()) st.field("affiliation", "validation.required");
  } else if (a.trainee_type == "B" && !a.company_id) {
    st.field("company_id", "validation.required");
  }
}

Status validate(const Application& a) {
  Status st = entity::validate(a);
  check_person(a, st);
  check_type(a, st);
  for (const auto& t : a.tracks)
    if (std::find(track_codes().begin(), track_codes().end(), t) == track_codes().end())
      st.field("tracks", "validation.choice");
  if (a.lang != "ja" && a.lang != "en") st.field("lang", "validation.choice");
  return st;
}

void mail_applicant(Work& w, const Application& a, const std::string& subject_id, const std::string& body_id,
                    const i18n::Args& extra) {
  i18n::Args args = extra;
  args["name"] = a.full_name();
  args["fy"] = i18n::fiscal_year_display(a.lang, a.fiscal_year);
  w.mail({a.email, i18n::t(a.lang, subject_id, args), i18n::t(a.lang, body_id, args), ""});
}

// Mails each representative of the company named by a type B application, in their language.
void ask_company(Work& w, const Application& a) {
  auto company = members::find_organization(w.conn, a.company_id);
  for (const auto& rep : repo::representatives_of(w.conn, a.company_id)) {
    std::string lang = rep.lang.empty() ? "ja" : rep.lang;
    i18n::Args args{{"name", rep.name},
                    {"company", company ? company->name : ""},
                    {"applicant", a.full_name()},
                    {"fy", i18n::fiscal_year_display(lang, a.fiscal_year)},
                    {"link", w.base_url + "/company-applications?fy=" + std::to_string(a.fiscal_year)}};
    w.mail({rep.email, i18n::t(lang, "mail.company_confirmation.subject", args),
            i18n::t(lang, "mail.company_confirmation.body", args), ""});
  }
}

// The public form's mails are limited per client address and per address mailed.
Status charge_mails(Work& w, const Application& a, const SubmitOptions& opt) {
  if (opt.client_address.empty()) return Status::ok();
  const web::rate_limit::Rule per_address{kApplicationMailsPerAddress, kApplicationMailWindowSeconds,
                                          kApplicationMailWindowSeconds};
  const web::rate_limit::Rule per_target{kApplicationMailsPerTarget, kApplicationMailWindowSeconds,
                                         kApplicationMailWindowSeconds};
  auto from = web::rate_limit::charge(w.conn, "apply-from:" + opt.client_address, per_address, w.now);
  auto to = web::rate_limit::charge(w.conn, "apply-to:" + a.email, per_target, w.now);
  if (from.allowed && to.allowed) return Status::ok();
  return Status(Code::too_many, "apply.throttled",
                {{"until", std::to_string(std::max(from.allowed ? 0 : from.locked_until, to.allowed ? 0 : to.locked_until))}});
}

Status check_window(const ProgramYear& year, const SubmitOptions& opt, std::int64_t now) {
  if (opt.late) return Status::ok();
  auto window = year.window(now);
  if (window == ProgramYear::Window::not_yet)
    return Status(Code::invalid, "admissions.not_open", {{"opens", std::to_string(year.opens_at)}});
  if (window == ProgramYear::Window::closed)
    return Status(Code::invalid, "admissions.closed", {{"closed", std::to_string(year.closes_at)}});
  return Status::ok();
}

// The seat a type B applicant may be accepted on: theirs, accepted, read under the membership's
// lock (a consultation decided meanwhile counts).
Status check_seat(Work& w, const Application& a) {
  if (a.company_confirmation == CompanyConfirmation::pending)
    return Status::invalid().field("decision", "admissions.company_confirmation_pending");
  if (a.company_confirmation == CompanyConfirmation::rejected)
    return Status::invalid().field("decision", "admissions.company_rejected");
  auto seat = members::lock_seat_request(w.conn, a.seat_request_id);
  if (!seat || seat->status != members::SeatStatus::accepted)
    return Status::invalid().field("decision", "admissions.seat_pending");
  return Status::ok();
}

// The accepted applicant's trainee account: a new one (with an invitation to set a password), or
// the trainee role added to the account their address already has.
Result<std::int64_t> trainee_account(Work& w, const Application& a) {
  if (auto existing = identity::repo::user_by_email(w.conn, a.email)) {
    if (auto st = identity::grant_role(w, existing->id, {web::Role::trainee, "", 0}); !st) return st;
    return existing->id;
  }
  identity::UserInput u;
  u.email = a.email;
  u.family_name = a.family_name;
  u.given_name = a.given_name;
  u.family_name_kana = a.family_name_kana;
  u.given_name_kana = a.given_name_kana;
  u.romaji_name = a.romaji_name;
  u.preferred_lang = a.lang;
  u.roles = {{web::Role::trainee, "", 0}};
  return identity::create_user(w, u, !w.base_url.empty());
}

}  // namespace

bool accepted_for_year(db::Conn& c, std::int64_t user_id, int fiscal_year) {
  return c.scalar_i64("SELECT COUNT(*) FROM applications WHERE user_id = ? AND fiscal_year = ? AND status = 'accepted'",
                      {user_id, fiscal_year}) > 0;
}

Status save_program_year(Work& w, const ProgramYear& y) {
  Status st = entity::validate(y);
  if (st.fields().count("fiscal_year")) {
    st = Status();
    st.field("fiscal_year", "validation.fiscal_year");
  }
  if (y.closes_at <= y.opens_at) st.field("closes_on", "admissions.window_order");
  if (!valid_date(y.program_starts_on)) st.field("program_starts_on", "validation.date");
  if (!st) return st;
  auto before = repo::program_year(w.conn, y.fiscal_year);
  repo::upsert_program_year(w.conn, y, to_iso_utc(w.now));
  w.audit(before ? "update" : "create", "program_year", std::to_string(y.fiscal_year),
          before ? entity::snapshot(*before) : nlohmann::json::object(), entity::snapshot(y));
  return Status::ok();
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

Result<std::int64_t> submit_application(Work& w, Application a, const SubmitOptions& opt) {
  a.email = identity::normalize_email(a.email);
  a.supervisor_email = identity::normalize_email(a.supervisor_email);
  if (a.trainee_type != "A") a.a_category.clear();
  if (a.trainee_type != "B") a.company_id = 0;
  Status st = validate(a);
  if (!opt.consent) st.field("consent", "admissions.consent_required");
  if (opt.late && a.late_reason.empty()) st.field("late_reason", "validation.required");
  if (!st) return st;
  auto year = repo::program_year(w.conn, a.fiscal_year);
  if (!year) return Status(Code::not_found, "admissions.no_program_year");
  if (auto window = check_window(*year, opt, w.now); !window) return window;
  // Charged before anything else is looked up: refused attempts count too.
  if (auto charged = charge_mails(w, a, opt); !charged) return charged;
  if (repo::application_by_email(w.conn, a.fiscal_year, a.email))
    return Status(Code::conflict, "error.invalid_input").field("email", "admissions.duplicate");
  if (a.trainee_type == "B") {
    auto m = members::membership_of(w.conn, a.company_id, a.fiscal_year);
    if (!m || !m->current()) return Status::invalid().field("company_id", "admissions.company_not_member");
    // No seat is held yet: anyone can name a company on the public form (decision 0012).
    a.company_confirmation = CompanyConfirmation::pending;
  }
  a.privacy_version = year->privacy_version;
  a.submitted_at = w.now;
  a.late = opt.late;
  a.status = ApplicationStatus::submitted;
  a.id = repo::insert_application(w.conn, a, to_iso_utc(w.now));
  if (a.trainee_type == "B") ask_company(w, a);
  auto saved = repo::application(w.conn, a.id);
  w.audit(opt.late ? "create_late" : "create", "application", a.id, nlohmann::json::object(), entity::snapshot(*saved));
  mail_applicant(w, *saved, "mail.application.subject", "mail.application.body", {});
  return a.id;
}

Status answer_company_confirmation(Work& w, std::int64_t id, bool ours, const std::string& reason) {
  if (!ours && reason.empty()) return Status::invalid().field("reason", "admissions.reason_required");
  if (reason.size() > 1000) return Status::invalid().field("reason", "validation.too_long");
  if (!repo::lock_application(w.conn, id)) return Status::not_found();
  auto before = repo::application(w.conn, id);
  if (before->trainee_type != "B") return Status::not_found();
  const auto answer = ours ? CompanyConfirmation::confirmed : CompanyConfirmation::rejected;
  if (!states<CompanyConfirmation>().allows(before->company_confirmation, answer))
    return Status(Code::conflict, "admissions.company_already_answered");
  if (before->status != ApplicationStatus::submitted) return Status(Code::conflict, "admissions.already_decided");
  Application a = *before;
  if (ours) {
    auto m = members::membership_of(w.conn, a.company_id, a.fiscal_year);
    if (!m) return Status::invalid().field("company_id", "admissions.company_not_member");
    // The seat is held from now on: counted under the membership's lock, and the third trainee or
    // one beyond the seats waits for the secretariat.
    auto seat = members::request_seat(w, m->id, a.full_name(), "application:" + std::to_string(a.id));
    if (!seat) return seat.status();
    repo::set_seat_request(w.conn, a.id, seat->id);
    a.seat_request_id = seat->id;
    a.seat_status = name_of(seat->status);
  }
  a.company_confirmation = answer;
  a.company_answered_by = w.actor.user_id;
  a.company_answered_at = w.now;
  a.company_answer_reason = reason;
  repo::set_company_answer(w.conn, a, to_iso_utc(w.now));
  w.audit(ours ? "company_confirm" : "company_reject", "application", id, entity::snapshot(*before),
          entity::snapshot(a));
  return Status::ok();
}

Status decide_application(Work& w, std::int64_t id, const std::string& decision, const std::string& reason) {
  const auto to = states<ApplicationStatus>().parse(decision);
  if (!to || *to == ApplicationStatus::submitted) return Status::invalid().field("decision", "validation.choice");
  if (*to != ApplicationStatus::accepted && reason.empty())
    return Status::invalid().field("reason", "admissions.reason_required");
  // Two clerks deciding at once are decided one after the other, each on the state the other left.
  if (!repo::lock_application(w.conn, id)) return Status::not_found();
  auto before = repo::application(w.conn, id);
  if (before->status == ApplicationStatus::accepted)
    return Status::invalid().field("decision", "admissions.already_accepted");
  if (!states<ApplicationStatus>().allows(before->status, *to))
    return Status::invalid().field("decision", "admissions.same_decision");
  Application a = *before;
  a.status = *to;
  a.decision_reason = reason;
  a.decided_by = w.actor.user_id;
  a.decided_at = w.now;
  if (*to == ApplicationStatus::accepted) {
    if (a.trainee_type == "B")
      if (auto seat = check_seat(w, a); !seat) return seat;
    auto account = trainee_account(w, a);
    if (!account) return account.status();
    a.user_id = *account;
  } else if (*to == ApplicationStatus::declined && a.seat_request_id) {
    // The declined applicant's seat goes back to the company.
    w.publish(ApplicationDeclined{a.id, a.seat_request_id});
  }
  repo::update_decision(w.conn, a, to_iso_utc(w.now));
  w.audit("decide", "application", id, entity::snapshot(*before), entity::snapshot(a));
  mail_applicant(w, a, "mail.decision." + decision + ".subject", "mail.decision." + decision + ".body",
                 {{"reason", reason}, {"login", w.base_url + "/login"}});
  return Status::ok();
}

}  // namespace mdsc::admissions
