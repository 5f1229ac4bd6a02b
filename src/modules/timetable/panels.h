#pragma once
#include "web/registry.h"

namespace mdsc::timetable {
void register_panels(web::Registry& reg);
}  // namespace mdsc::timetable
