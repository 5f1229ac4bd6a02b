#pragma once
// Who completes a program year: every trainee enrolled in one of its courses, judged against the
// year's rule with what curriculum, attendance and exams say of them now.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/database.h"
#include "modules/completion/rule.h"

namespace mdsc::completion {

struct TraineeVerdict {
  std::int64_t user_id = 0;
  std::string name, name_en, email;
  Verdict verdict;
  std::optional<Confirmation> confirmation;  // confirmed by the secretariat
};

struct YearVerdicts {
  Rule rule;
  std::vector<TraineeVerdict> trainees;  // by name
};

// Every trainee of the year (only_user: that one alone, if they are one).
YearVerdicts verdicts_of_year(db::Conn& c, int fiscal_year, std::int64_t now, std::int64_t only_user = 0);

}  // namespace mdsc::completion
