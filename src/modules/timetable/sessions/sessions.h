#pragma once
// The published sessions are the timetable's face (modules/timetable.h): what other modules use.
#include "modules/timetable.h"
