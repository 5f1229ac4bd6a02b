#pragma once
// Kept for the timetable module, which includes it until it is converted: who may see what of the
// curriculum is now in the face (modules/curriculum.h: manages_curriculum, taught_courses,
// can_see_roster). To go with the timetable's ALLOW entry.
#include "modules/curriculum.h"
