#include "app/modules.h"

#include "core/clock.h"

#include "modules/accounts/module.h"
#include "modules/admissions.h"
#include "modules/invoicing.h"
#include "modules/members.h"
#include "modules/audit/module.h"
#include "modules/curriculum/module.h"
#include "modules/dashboard/module.h"
#include "modules/invoicing/module.h"
#include "modules/mail/module.h"
#include "modules/members/module.h"
#include "modules/members/repo.h"
#include "modules/system/module.h"
#include "modules/timetable/module.h"
#include "platform/work.h"
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
  system_module::register_module(registry);
  legacy(registry, dashboard::register_module);
  accounts::register_module(registry);
  audit::register_module(registry);
  mail::register_module(registry);
  legacy(registry, members::register_module);
  invoicing::register_module(registry);
  members::provide_billing(&invoicing::billed_invoices);  // members shows invoices without depending on invoicing
  admissions::register_module(registry);
  curriculum::register_module(registry);
  legacy(registry, timetable::register_module);
}

void subscribe_modules(events::Bus& bus) {
  // A declined application gives its seat back to the company (decision 0012).
  bus.on<admissions::ApplicationDeclined>([](Work& w, const admissions::ApplicationDeclined& e) {
    // (until members' face offers release_seat) under the membership's lock, only if still held
    auto seat = members::repo::seat_request(w.conn, e.seat_request_id);
    if (!seat) return;
    members::repo::lock_membership(w.conn, seat->membership_id);
    seat = members::repo::seat_request(w.conn, e.seat_request_id);
    if (seat->status != "accepted" && seat->status != "consultation") return;
    members::SeatRequest s = *seat;
    s.status = "withdrawn";
    members::repo::update_seat_request(w.conn, s, w.actor.user_id, to_iso_utc(w.now));
    w.audit("withdraw", "seat_request", s.id, members::to_json(*seat), members::to_json(s));
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
