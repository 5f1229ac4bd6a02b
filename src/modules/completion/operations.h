#pragma once
// The completion module's changes, each in the caller's unit of work.
#include "core/result.h"
#include "modules/completion/rule.h"
#include "platform/work.h"

namespace mdsc::completion {

// The secretariat sets a year's rule (r.fiscal_year), audited with before and after. Refused: a
// number of tracks outside 0..10 (invalid, by field).
Status set_rule(Work& w, Rule r);

}  // namespace mdsc::completion
