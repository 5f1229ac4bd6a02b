#pragma once
// The program year's settings, applications (public form or recorded late by the secretariat),
// and the secretariat's decisions. Every change is one transaction, audited; mails are queued in
// the same transaction and leave after it commits.
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "db/database.h"
#include "modules/admissions/model.h"
#include "platform/audit.h"

namespace mdsc::admissions {

Status save_program_year(db::Database& db, const audit::Actor& actor, const ProgramYear& y, std::int64_t now);
// The year whose window is open now, else the next to open, else the latest.
std::optional<ProgramYear> current_program_year(db::Conn& c, std::int64_t now);

struct SubmitOptions {
  bool late = false;         // the secretariat records it outside the window, with a reason
  bool consent = false;      // the applicant agreed to the privacy notice of the year
  // Set for the public form: its confirmation mails are limited per client address and per
  // applicant's address (Code::too_many, arg "until").
  std::string client_address;
  std::string base_url;  // for the link mailed to the company's representatives
};

inline constexpr int kApplicationMailsPerAddress = 30;
inline constexpr int kApplicationMailsPerTarget = 3;
inline constexpr std::int64_t kApplicationMailWindowSeconds = 60 * 60;

// Field errors name the form's fields. Outside the window (and not late): Code::invalid with
// message admissions.not_open {opens} or admissions.closed {closed} (Asia/Tokyo, in args as unix).
Result<std::int64_t> submit_application(db::Database& db, const audit::Actor& actor, Application in,
                                        const SubmitOptions& opt, std::int64_t now);

// The company named by a type B application answers whether the applicant is theirs (its
// representative or the secretariat). Confirming holds one of the company's seats (or puts it to
// the secretariat as a consultation); rejecting needs a reason. Answered once (Code::conflict).
Status answer_company_confirmation(db::Database& db, const audit::Actor& actor, std::int64_t id, bool ours,
                                   const std::string& reason, std::int64_t now);

// decision: accepted, waitlisted, declined. Accepting creates the trainee account (or adds the
// trainee role to an existing one) and mails an invitation to set a password.
Status decide_application(db::Database& db, const audit::Actor& actor, std::int64_t id, const std::string& decision,
                          const std::string& reason, const std::string& base_url, std::int64_t now);

struct YearCounts {
  int applied_a = 0, applied_b = 0, accepted_a = 0, accepted_b = 0, waitlisted = 0, declined = 0, submitted = 0;
};
YearCounts year_counts(db::Conn& c, int fiscal_year);

}  // namespace mdsc::admissions
