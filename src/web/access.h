#pragma once
// The groups of people the modules' routes let through, named once (the second check, on the
// record a handler loads, stays in each module).
#include "web/route.h"

namespace mdsc::web::access {

// The secretariat alone: it keeps the records.
inline Access secretariat() { return Access::roles({Role::secretariat}); }
// The secretariat and the partner companies' representatives, whom the handlers then show only
// their own company.
inline Access secretariat_and_representatives() {
  return Access::roles({Role::secretariat, Role::partner_representative});
}
// The secretariat and the promotion office: those who manage the curriculum.
inline Access secretariat_and_promotion_office() { return Access::roles({Role::secretariat, Role::promotion_office}); }
inline Access trainees() { return Access::roles({Role::trainee}); }

}  // namespace mdsc::web::access
