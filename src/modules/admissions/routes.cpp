#include "modules/admissions/handlers.h"
#include "modules/admissions/module.h"

namespace mdsc::admissions {

void register_module(web::Registry& reg) {
  using web::Access;
  using web::Role;
  using web::RouteKind;
  namespace h = handlers;
  const Access secretariat = Access::roles({Role::secretariat});
  auto html = [&](const char* method, const char* pattern, Access access, web::HandlerFn fn) {
    reg.route({method, pattern, RouteKind::html, std::move(access), std::move(fn)});
  };
  auto api = [&](const char* method, const char* pattern, Access access, web::HandlerFn fn) {
    reg.route({method, pattern, RouteKind::json, std::move(access), std::move(fn)});
  };
  html("GET", "/apply", Access::anyone(), h::apply_form);
  html("POST", "/apply", Access::anyone(), h::apply_submit);
  html("GET", "/admissions", secretariat, h::review_list);
  html("GET", "/admissions/applications/{id}", secretariat, h::application_show);
  html("POST", "/admissions/applications/{id}/decision", secretariat, h::application_decide);
  html("GET", "/admissions/late", secretariat, h::late_form);
  html("POST", "/admissions/late", secretariat, h::late_submit);
  html("GET", "/admissions/years", secretariat, h::years_list);
  html("GET", "/admissions/years/{fy}", secretariat, h::year_form);
  html("POST", "/admissions/years/{fy}", secretariat, h::year_save);

  api("GET", "/api/v1/program-years", Access::anyone(), h::api_years);
  api("GET", "/api/v1/program-years/{fy}", Access::anyone(), h::api_year);
  api("PUT", "/api/v1/program-years/{fy}", secretariat, h::api_year_put);
  api("GET", "/api/v1/applications", secretariat, h::api_applications);
  api("POST", "/api/v1/applications", secretariat, h::api_application_create);
  api("GET", "/api/v1/applications/{id}", secretariat, h::api_application);
  api("POST", "/api/v1/applications/{id}/decision", secretariat, h::api_application_decide);

  reg.nav({"nav.admissions", "/admissions", secretariat, 50});
}

}  // namespace mdsc::admissions
