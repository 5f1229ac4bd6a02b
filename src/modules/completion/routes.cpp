#include "modules/completion/handlers.h"
#include "modules/completion/module.h"

namespace mdsc::completion {

void register_module(web::Registry& reg) {
  using web::Access;
  using web::Role;
  namespace h = handlers;
  const Access office = Access::roles({Role::secretariat, Role::promotion_office});
  reg.html("GET", "/completion", office, h::year_page);
  reg.html("POST", "/completion/rule", Access::roles({Role::secretariat}), h::rule_submit);
  reg.nav({"nav.completion", "/completion", office, 155});
  reg.api("GET", "/api/v1/completions", office, h::api_completions);
}

}  // namespace mdsc::completion
