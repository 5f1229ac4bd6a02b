#pragma once
// The admissions module's face: what other modules and the app may use of it.
#include <cstdint>
#include <optional>

#include "db/database.h"
#include "web/registry.h"

namespace mdsc::admissions {

// Routes, menus, panels (admissions/routes.cpp).
void register_module(web::Registry& registry);

// Whether the user was admitted to the program of that fiscal year (an accepted application):
// what makes them a trainee of the year (enrollment requires it).
bool accepted_for_year(db::Conn& c, std::int64_t user_id, int fiscal_year);

// Published when an application that held one of a company's seats is declined: the seat goes
// back to the company (members reacts, in the same transaction).
struct ApplicationDeclined {
  std::int64_t application_id = 0;
  std::int64_t seat_request_id = 0;
};

}  // namespace mdsc::admissions
