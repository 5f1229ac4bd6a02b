#include "modules/completion/handlers.h"
#include "modules/completion/module.h"
#include "web/access.h"

namespace mdsc::completion {

void register_module(web::Registry& reg) {
  using web::Access;
  namespace h = handlers;
  const Access office = web::access::secretariat_and_promotion_office();
  reg.html("GET", "/completion", office, h::year_page);
  const Access secretariat = web::access::secretariat();
  reg.html("POST", "/completion/rule", secretariat, h::rule_submit);
  reg.html("POST", "/completion/confirm", secretariat, h::confirm_submit);
  reg.html("POST", "/completions/{id}/sign-off", secretariat, h::sign_off_submit);
  reg.nav({"nav.completion", "/completion", office, 155});
  reg.api("GET", "/api/v1/completions", office, h::api_completions);
  reg.api("POST", "/api/v1/completions", secretariat, h::api_confirm);
  reg.api("POST", "/api/v1/completions/{id}/sign-off", secretariat, h::api_sign_off);
}

}  // namespace mdsc::completion
