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

namespace mdsc {
template <>
const entity::Table<timetable::Term>& entity::table<timetable::Term>();
template <>
const entity::Table<timetable::Period>& entity::table<timetable::Period>();
template <>
const entity::Table<timetable::ClosedDay>& entity::table<timetable::ClosedDay>();
template <>
const entity::Table<timetable::Room>& entity::table<timetable::Room>();
template <>
const entity::Table<timetable::Unavailability>& entity::table<timetable::Unavailability>();
template <>
const entity::Table<timetable::CourseRule>& entity::table<timetable::CourseRule>();
template <>
const entity::Table<timetable::Run>& entity::table<timetable::Run>();
template <>
const entity::Table<timetable::DraftSession>& entity::table<timetable::DraftSession>();
template <>
const entity::Table<timetable::Session>& entity::table<timetable::Session>();
template <>
const entity::Table<timetable::Feed>& entity::table<timetable::Feed>();
template <>
const entity::Table<timetable::Placed>& entity::table<timetable::Placed>();
template <>
const entity::Table<timetable::Pin>& entity::table<timetable::Pin>();
}  // namespace mdsc
