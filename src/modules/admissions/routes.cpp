#include "modules/admissions.h"
#include "modules/admissions/handlers.h"
#include "web/access.h"

namespace mdsc::admissions {

void register_module(web::Registry& reg) {
  using web::Access;
  using web::Role;
  namespace h = handlers;
  const Access secretariat = web::access::secretariat();
  reg.html("GET", "/apply", Access::anyone(), h::apply_form);
  reg.html("POST", "/apply", Access::anyone(), h::apply_submit);
  reg.html("GET", "/admissions", secretariat, h::review_list);
  reg.html("GET", "/admissions/applications/{id}", secretariat, h::application_show);
  reg.html("POST", "/admissions/applications/{id}/decision", secretariat, h::application_decide);
  const Access representative = Access::roles({Role::partner_representative});
  const Access answering = web::access::secretariat_and_representatives();
  reg.html("GET", "/company-applications", representative, h::company_applications);
  reg.html("POST", "/admissions/applications/{id}/company", answering, h::company_answer);
  reg.api("GET", "/api/v1/company-applications", representative, h::api_company_applications);
  reg.api("POST", "/api/v1/applications/{id}/company-confirmation", answering, h::api_company_answer);
  reg.panel({"company_applications.title", representative, h::company_panel, 16});
  reg.nav({"nav.company_applications", "/company-applications", representative, 55});
  reg.html("GET", "/admissions/late", secretariat, h::late_form);
  reg.html("POST", "/admissions/late", secretariat, h::late_submit);
  reg.html("GET", "/admissions/years", secretariat, h::years_list);
  reg.html("GET", "/admissions/years/{fy}", secretariat, h::year_form);
  reg.html("POST", "/admissions/years/{fy}", secretariat, h::year_save);

  reg.api("GET", "/api/v1/program-years", Access::anyone(), h::api_years);
  reg.api("GET", "/api/v1/program-years/{fy}", Access::anyone(), h::api_year);
  reg.api("PUT", "/api/v1/program-years/{fy}", secretariat, h::api_year_put);
  reg.api("GET", "/api/v1/applications", secretariat, h::api_applications);
  reg.api("POST", "/api/v1/applications", secretariat, h::api_application_create);
  reg.api("GET", "/api/v1/applications/{id}", secretariat, h::api_application);
  reg.api("POST", "/api/v1/applications/{id}/decision", secretariat, h::api_application_decide);

  reg.nav({"nav.admissions", "/admissions", secretariat, 50});
}

}  // namespace mdsc::admissions
