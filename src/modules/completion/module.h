#pragma once
// Completion: each program year's rule (the common courses and one track, each with attendance
// and exams passed; editable by the secretariat) and the list of who completes and, for those who
// do not, why (issue 11). Confirmation, the society's sign-off and certificates build on it.
#include "web/registry.h"

namespace mdsc::completion {
void register_module(web::Registry& registry);
}  // namespace mdsc::completion
