#pragma once
// The completion module's changes, each in the caller's unit of work.
#include <cstdint>
#include <string>

#include "core/result.h"
#include "modules/completion/rule.h"
#include "platform/work.h"

namespace mdsc::completion {

// The secretariat sets a year's rule (r.fiscal_year), audited with before and after. Refused: a
// number of tracks outside 0..10 (invalid, by field).
Status set_rule(Work& w, Rule r);

// The secretariat confirms the trainee's completion of the year, audited. Decided in this
// transaction: refused (conflict) if the trainee does not complete now, with the first reason's
// message id as the message, or if the completion is confirmed already; not found for someone
// who is no trainee of the year.
Result<std::int64_t> confirm(Work& w, int fiscal_year, std::int64_t user_id);

// The secretariat records the co-issuing society's sign-off of a confirmed completion: who
// signed for the society (required, at most 200 characters) and now, audited; once only
// (conflict after). Publishes CompletionSignedOff.
Status sign_off(Work& w, std::int64_t completion_id, const std::string& signer);

}  // namespace mdsc::completion
