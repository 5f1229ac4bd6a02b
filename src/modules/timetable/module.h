#pragma once
#include "web/registry.h"

namespace mdsc::timetable {
void register_module(web::Registry& registry);
}  // namespace mdsc::timetable
