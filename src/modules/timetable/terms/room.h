#pragma once

#include <cstdint>
#include <string>

#include "nlohmann/json_fwd.hpp"
#include "platform/entity_fwd.h"

namespace mdsc::timetable {

struct Room {
  std::int64_t id = 0;
  std::string name;
  int capacity = 0;
  std::string location;
  bool active = true;
  std::string network;  // CIDR ranges on-site check-ins must come from ("" for any), e.g. "10.1.2.0/24"

  static const entity::Table<Room>& table();  // its fields, described once
};

nlohmann::json to_json(const Room& room);

}  // namespace mdsc::timetable
