#pragma once
// Partner companies, participating institutions, fee schedules, memberships and seats (their
// structs are in the face, modules/members.h). Each entity's fields are described once, in
// model.cpp (decision 0017), and the membership's status moves in one table (states.h).
#include <string>
#include <vector>

#include "modules/members.h"
#include "nlohmann/json.hpp"
#include "platform/entity.h"
#include "platform/states.h"

namespace mdsc::members {

nlohmann::json to_json(const Organization& o);
nlohmann::json to_json(const FeeTier& t);
nlohmann::json to_json(const FeeSchedule& s);
nlohmann::json to_json(const Membership& m);
nlohmann::json to_json(const SeatRequest& r);

const std::vector<std::string>& company_types();
const std::vector<std::string>& organization_kinds();

// A company with this many trainees or more needs a consultation.
inline constexpr int kConsultationThreshold = 3;

}  // namespace mdsc::members
