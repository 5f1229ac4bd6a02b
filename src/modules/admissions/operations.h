#pragma once
// The program year's settings, applications (public form or recorded late by the secretariat),
// the company's answer to a type B application, and the secretariat's decisions. Each runs in the
// caller's unit of work: audited, mails queued to leave after the commit.
#include <optional>
#include <string>

#include "core/result.h"
#include "modules/admissions/model.h"
#include "platform/work.h"

namespace mdsc::admissions {

Status save_program_year(Work& w, const ProgramYear& y);
// The year whose window is open now, else the next to open, else the latest.
std::optional<ProgramYear> current_program_year(db::Conn& c, std::int64_t now);

struct SubmitOptions {
  bool late = false;     // the secretariat records it outside the window, with a reason
  bool consent = false;  // the applicant agreed to the privacy notice of the year
  // Set for the public form: its confirmation mails are limited per client address and per
  // applicant's address (Code::too_many, arg "until").
  std::string client_address;
};

inline constexpr int kApplicationMailsPerAddress = 30;
inline constexpr int kApplicationMailsPerTarget = 3;
inline constexpr std::int64_t kApplicationMailWindowSeconds = 60 * 60;

// Field errors name the form's fields. Outside the window (and not late): Code::invalid with
// message admissions.not_open {opens} or admissions.closed {closed} (unix times in the args).
Result<std::int64_t> submit_application(Work& w, Application in, const SubmitOptions& opt);

// The company named by a type B application answers whether the applicant is theirs (its
// representative or the secretariat). Confirming holds one of the company's seats (or puts it to
// the secretariat as a consultation); rejecting needs a reason. Answered once (Code::conflict).
Status answer_company_confirmation(Work& w, std::int64_t id, bool ours, const std::string& reason);

// decision: accepted, waitlisted, declined (the states' names). Accepting creates the trainee
// account (or adds the trainee role to an existing one) and mails an invitation to set a password.
Status decide_application(Work& w, std::int64_t id, const std::string& decision, const std::string& reason);

}  // namespace mdsc::admissions
