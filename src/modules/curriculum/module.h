#pragma once
#include "web/registry.h"

namespace mdsc::curriculum {
// Instructors, courses per fiscal year, the public catalogue, enrollment, rosters and the
// dashboard panels of trainees and instructors (routes.cpp).
void register_module(web::Registry& registry);
}  // namespace mdsc::curriculum
