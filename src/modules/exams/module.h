#pragma once
// Exams: each course's exams (a day or a timetable session, maximum score, pass mark, retake,
// eligibility by attendance), scores entered on a form or imported from CSV (UTF-8 or CP932,
// previewed, all or nothing), and each trainee's own results (issue 11).
#include "web/registry.h"

namespace mdsc::exams {
void register_module(web::Registry& registry);
}  // namespace mdsc::exams
