#pragma once
#include "web/registry.h"

namespace mdsc::curriculum {
// Instructors, courses per fiscal year, the public catalogue, enrollment and rosters.
void register_module(web::Registry& registry);
// Dashboard panels for trainees and instructors (panels.cpp).
void register_panels(web::Registry& registry);
}  // namespace mdsc::curriculum
