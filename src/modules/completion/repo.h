#pragma once
// The completion module's SQL: each year's rule.
#include <cstdint>

#include "db/database.h"
#include "modules/completion/rule.h"

namespace mdsc::completion::repo {

// The year's rule, or the default (one track, attendance and exams required).
Rule rule_of(db::Conn& c, std::int64_t fiscal_year);
void save_rule(db::Conn& c, const Rule& r);

}  // namespace mdsc::completion::repo
