#pragma once
// Attendance's entities: a trainee's record for one published session, and the devices they
// check in from. Fields are described once in model.cpp (decision 0017).
#include <cstdint>
#include <string>

#include "nlohmann/json_fwd.hpp"
#include "platform/entity.h"
#include "platform/states.h"

namespace mdsc::attendance {

// How a trainee stands for a session. A check-in makes present or late; the instructor or the
// secretariat may mark any of the four, with a reason.
enum class Mark { present, late, absent, excused };
const States<Mark>& states_of(Mark);  // its names and moves (model.cpp)
// What the secretariat has decided about a flagged check-in: pending → accepted | rejected.
enum class Review { none, pending, accepted, rejected };
const States<Review>& states_of(Review);  // its names and moves (model.cpp)

struct Attendance {
  std::int64_t id = 0;
  std::int64_t session_id = 0;
  std::int64_t user_id = 0;
  Mark status = Mark::present;
  std::string method = "onsite";   // onsite (checked in with the code), manual (marked)
  std::int64_t checked_in_at = 0;  // 0: not checked in
  std::int64_t device_id = 0;      // 0: none
  std::string flag;                // "", other_device, shared_device
  Review review = Review::none;
  std::string review_reason;
  std::string reason;
  std::int64_t marked_by = 0;
  std::int64_t updated_at = 0;

  bool flagged() const { return !flag.empty(); }

  static const entity::Table<Attendance>& table();  // its fields, described once
};

nlohmann::json to_json(const Attendance& a);

}  // namespace mdsc::attendance
