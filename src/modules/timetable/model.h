#pragma once
// The timetable's entities are declared where they are used (term.h, room.h, availability.h,
// generation.h, sessions.h, feeds.h); each one's fields are described once, in model.cpp
// (decision 0017), and read from rows with entity::from_row<T>.
#include "platform/entity.h"

namespace mdsc::timetable {
struct Term;
struct Period;
struct ClosedDay;
struct Room;
struct Unavailability;
struct CourseRule;
struct Run;
struct DraftSession;
struct Session;
struct Feed;
struct Placed;
struct Pin;
}  // namespace mdsc::timetable
