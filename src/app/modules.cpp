#include "app/modules.h"

#include "modules/accounts/module.h"
#include "modules/admissions/module.h"
#include "modules/audit/module.h"
#include "modules/curriculum/module.h"
#include "modules/dashboard/module.h"
#include "modules/invoicing/module.h"
#include "modules/mail/module.h"
#include "modules/members/module.h"
#include "modules/system/module.h"
#include "modules/timetable/module.h"
#include "web/static_files.h"

namespace mdsc::app {

namespace {
// A module whose handlers still open their own transactions (being converted to the unit of work).
template <typename F>
void legacy(web::Registry& registry, F&& register_fn) {
  registry.set_legacy(true);
  register_fn(registry);
  registry.set_legacy(false);
}
}  // namespace

void register_modules(web::Registry& registry) {
  web::register_static_routes(registry);
  legacy(registry, system_module::register_module);
  legacy(registry, dashboard::register_module);
  legacy(registry, accounts::register_module);
  legacy(registry, audit::register_module);
  legacy(registry, mail::register_module);
  legacy(registry, members::register_module);
  legacy(registry, invoicing::register_module);
  legacy(registry, admissions::register_module);
  curriculum::register_module(registry);
  legacy(registry, timetable::register_module);
}

void subscribe_modules(events::Bus&) {}

}  // namespace mdsc::app
