#pragma once
#include "platform/events.h"
#include "web/registry.h"

namespace mdsc::app {
// The explicit list of modules, in the order their routes and menus are registered.
void register_modules(web::Registry& registry);
// How modules react to each other's changes: every subscription, in one place (events happen in
// the publisher's transaction; see platform/events.h).
void subscribe_modules(events::Bus& bus);
// The bus with every module's subscriptions (built once; read-only after): what the server, the
// demo loader and commands publish to.
const events::Bus& module_events();
}  // namespace mdsc::app
