#include "app/modules.h"

#include <stdexcept>

#include "modules/accounts/module.h"
#include "modules/admissions.h"
#include "modules/attendance/module.h"
#include "modules/audit/module.h"
#include "modules/certificates.h"
#include "modules/certificates/module.h"
#include "modules/completion.h"
#include "modules/completion/module.h"
#include "modules/curriculum.h"
#include "modules/curriculum/module.h"
#include "modules/dashboard/module.h"
#include "modules/exams/module.h"
#include "modules/invoicing.h"
#include "modules/invoicing/module.h"
#include "modules/mail/module.h"
#include "modules/members.h"
#include "modules/members/module.h"
#include "modules/system/module.h"
#include "modules/timetable/module.h"
#include "modules/videos.h"
#include "modules/videos/module.h"
#include "platform/work.h"
#include "web/static_files.h"

namespace mdsc::app {

// Each module adds its routes, menu entries, dashboard panels and daily jobs to the registry.
constexpr void (*kModules[])(web::Registry&) = {
    &web::register_static_routes, &system_module::register_module, &dashboard::register_module,
    &accounts::register_module,   &audit::register_module,         &mail::register_module,
    &members::register_module,    &invoicing::register_module,     &admissions::register_module,
    &curriculum::register_module, &timetable::register_module,     &attendance::register_module,
    &exams::register_module,      &completion::register_module,    &certificates::register_module,
    &videos::register_module,
};

void register_modules(web::Registry& registry) {
  for (auto* register_module : kModules) register_module(registry);
  members::provide_billing(&invoicing::billed_invoices);  // members shows invoices without depending on invoicing
}

void subscribe_modules(events::Bus& bus) {
  // A declined application gives its seat back to the company (decision 0012).
  bus.on<admissions::ApplicationDeclined>(
      [](Work& w, const admissions::ApplicationDeclined& e) { members::release_seat(w, e.seat_request_id); });
  // A course made confidential loses its recordings (decision 0025).
  bus.on<curriculum::CourseBecameConfidential>(
      [](Work& w, const curriculum::CourseBecameConfidential& e) { videos::withdraw_course(w, e.course_id); });
  // The society's sign-off of a completion issues its certificate (decision 0024); a refusal rolls
  // the sign-off back.
  bus.on<completion::CompletionSignedOff>([](Work& w, const completion::CompletionSignedOff& e) {
    auto issued = certificates::issue(w, e.completion_id);
    if (!issued) throw std::runtime_error("certificate not issued: " + issued.status().message_id());
  });
}

const events::Bus& module_events() {
  static const events::Bus bus = [] {
    events::Bus b;
    subscribe_modules(b);
    return b;
  }();
  return bus;
}

}  // namespace mdsc::app
