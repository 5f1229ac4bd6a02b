#pragma once
// The completion module's SQL: each year's rule.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/database.h"
#include "modules/completion/rule.h"

namespace mdsc::completion::repo {

// The year's rule, or the default (one track, attendance and exams required).
Rule rule_of(db::Conn& c, std::int64_t fiscal_year);
void save_rule(db::Conn& c, const Rule& r);

std::optional<Confirmation> confirmation(db::Conn& c, std::int64_t id);
std::optional<Confirmation> confirmation_of(db::Conn& c, std::int64_t fiscal_year, std::int64_t user_id);
std::vector<Confirmation> confirmations_of_year(db::Conn& c, std::int64_t fiscal_year);
// Inserts unless the trainee's completion of the year is confirmed already; whether it did.
bool insert_confirmation(db::Conn& c, const Confirmation& k);
// Records the sign-off if none is recorded yet (one conditional statement); whether it did.
bool record_sign_off(db::Conn& c, std::int64_t id, const std::string& signer, std::int64_t by, std::int64_t at);

}  // namespace mdsc::completion::repo
