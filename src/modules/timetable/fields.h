#pragma once
// Field kinds the timetable's entity tables share.
#include "platform/entity.h"

namespace mdsc::timetable {

// A column the repository keeps (a creation or change time): never shown, taken from input or audited.
template <typename T>
entity::Field<T> internal(entity::Field<T> f) {
  f.in_json = false;
  f.audited = false;
  f.writable = false;
  return f;
}

}  // namespace mdsc::timetable

namespace mdsc::timetable {

// A column the API does not show as it is (it shows something made of it, or nothing).
template <typename T>
entity::Field<T> hidden(entity::Field<T> f) {
  f.in_json = false;
  return f;
}

}  // namespace mdsc::timetable
