#pragma once
// Who completes a program year: every trainee enrolled in one of its courses, judged against the
// year's rule with what curriculum, attendance and exams say of them now.
#include <cstdint>
#include <string>
#include <vector>

#include "db/database.h"
#include "modules/completion/rule.h"

namespace mdsc::completion {

struct TraineeVerdict {
  std::int64_t user_id = 0;
  std::string name, name_en, email;
  Verdict verdict;
};

struct YearVerdicts {
  Rule rule;
  std::vector<TraineeVerdict> trainees;  // by name
};

YearVerdicts verdicts_of_year(db::Conn& c, int fiscal_year, std::int64_t now);

}  // namespace mdsc::completion
