#include "modules/members/handlers.h"
#include "modules/members/module.h"
#include "web/access.h"

namespace mdsc::members {

void register_module(web::Registry& reg) {
  using web::Access;
  using web::RouteKind;
  namespace h = handlers;
  const Access secretariat = web::access::secretariat();
  // Representatives pass the route check; the handlers then show only their own company.
  const Access members_view = web::access::secretariat_and_representatives();

  reg.html("GET", "/companies", members_view, h::organizations_list);
  reg.html("GET", "/companies/new", secretariat, h::organization_new);
  reg.html("POST", "/companies", secretariat, h::organization_create);
  reg.html("GET", "/companies/{id}", members_view, h::organization_show);
  reg.html("GET", "/companies/{id}/edit", secretariat, h::organization_edit);
  reg.html("POST", "/companies/{id}", secretariat, h::organization_update);
  reg.html("POST", "/companies/{id}/representatives", secretariat, h::representatives_update);
  reg.html("GET", "/institutions", secretariat, h::organizations_list);
  reg.html("GET", "/institutions/new", secretariat, h::organization_new);
  reg.html("POST", "/institutions", secretariat, h::organization_create);
  reg.html("GET", "/institutions/{id}", secretariat, h::organization_show);
  reg.html("GET", "/institutions/{id}/edit", secretariat, h::organization_edit);
  reg.html("POST", "/institutions/{id}", secretariat, h::organization_update);

  reg.html("GET", "/fee-schedules", secretariat, h::schedules_list);
  reg.html("GET", "/fee-schedules/new", secretariat, h::schedule_new);
  reg.html("POST", "/fee-schedules", secretariat, h::schedule_create);
  reg.html("GET", "/fee-schedules/{fy}", secretariat, h::schedule_edit);
  reg.html("POST", "/fee-schedules/{fy}", secretariat, h::schedule_update);
  reg.html("GET", "/settings/issuer", secretariat, h::issuer_form);
  reg.html("POST", "/settings/issuer", secretariat, h::issuer_update);

  reg.html("GET", "/members", secretariat, h::members_overview);
  reg.route({"GET", "/members.csv", RouteKind::html, secretariat, h::members_csv});
  reg.html("GET", "/memberships/new", secretariat, h::membership_new);
  reg.html("POST", "/memberships", secretariat, h::membership_create);
  reg.html("GET", "/memberships/{id}", members_view, h::membership_show);
  reg.html("POST", "/memberships/{id}/status", secretariat, h::membership_status);
  reg.html("POST", "/memberships/{id}/renew", secretariat, h::membership_renew);
  reg.html("POST", "/memberships/{id}/seats", secretariat, h::seat_request_create);
  reg.html("POST", "/seat-requests/{id}/decide", secretariat, h::seat_decide);
  reg.html("POST", "/seat-requests/{id}/withdraw", secretariat, h::seat_withdraw);

  web::Route upload{"POST", "/companies/import", RouteKind::html, secretariat, h::import_upload};
  upload.body_limit = 5 * web::kMiB;
  upload.multipart = true;
  upload.tx = web::Tx::none;  // checks the file in a read unit, then keeps it in a short write
  reg.route(upload);
  reg.html("GET", "/companies/import", secretariat, h::import_form);
  reg.route({"GET", "/companies.csv", RouteKind::html, secretariat, h::companies_csv});
  // Tx::none: a refused confirmation commits too (the import it took is gone).
  reg.html("POST", "/companies/import/{id}/confirm", secretariat, h::import_confirm, web::Tx::none);

  reg.api("GET", "/api/v1/companies", members_view, h::api_companies);
  reg.api("POST", "/api/v1/companies", secretariat, h::api_company_create);
  reg.api("GET", "/api/v1/companies/{id}", members_view, h::api_company);
  reg.api("PATCH", "/api/v1/companies/{id}", secretariat, h::api_company_update);
  reg.api("GET", "/api/v1/fee-schedules", secretariat, h::api_schedules);
  reg.api("POST", "/api/v1/fee-schedules", secretariat, h::api_schedule_create);
  reg.api("GET", "/api/v1/fee-schedules/{fy}", secretariat, h::api_schedule);
  reg.api("PUT", "/api/v1/fee-schedules/{fy}", secretariat, h::api_schedule_update);
  reg.api("GET", "/api/v1/memberships", members_view, h::api_memberships);
  reg.api("POST", "/api/v1/memberships", secretariat, h::api_membership_create);
  reg.api("GET", "/api/v1/memberships/{id}", members_view, h::api_membership);
  reg.api("PATCH", "/api/v1/memberships/{id}", secretariat, h::api_membership_update);

  register_panels(reg);
  reg.nav({"nav.members", "/members", secretariat, 100});
  reg.nav({"nav.companies", "/companies", members_view, 110});
  reg.nav({"nav.institutions", "/institutions", secretariat, 120});
  reg.nav({"nav.fee_schedules", "/fee-schedules", secretariat, 130});
}

}  // namespace mdsc::members
