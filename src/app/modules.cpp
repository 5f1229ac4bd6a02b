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

void register_modules(web::Registry& registry) {
  web::register_static_routes(registry);
  system_module::register_module(registry);
  dashboard::register_module(registry);
  accounts::register_module(registry);
  audit::register_module(registry);
  mail::register_module(registry);
  members::register_module(registry);
  invoicing::register_module(registry);
  admissions::register_module(registry);
  curriculum::register_module(registry);
  timetable::register_module(registry);
}

}  // namespace mdsc::app
