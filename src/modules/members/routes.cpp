#include "modules/members/handlers.h"
#include "modules/members/module.h"

namespace mdsc::members {

void register_module(web::Registry& reg) {
  using web::Access;
  using web::Role;
  using web::RouteKind;
  namespace h = handlers;
  auto html = [&](const char* method, const char* pattern, Access access, web::HandlerFn fn) {
    reg.route({method, pattern, RouteKind::html, std::move(access), std::move(fn)});
  };
  auto api = [&](const char* method, const char* pattern, Access access, web::HandlerFn fn) {
    reg.route({method, pattern, RouteKind::json, std::move(access), std::move(fn)});
  };
  const Access secretariat = Access::roles({Role::secretariat});
  // Representatives pass the route check; the handlers then show only their own company.
  const Access members_view = Access::roles({Role::secretariat, Role::partner_representative});

  html("GET", "/companies", members_view, h::organizations_list);
  html("GET", "/companies/new", secretariat, h::organization_new);
  html("POST", "/companies", secretariat, h::organization_create);
  html("GET", "/companies/{id}", members_view, h::organization_show);
  html("GET", "/companies/{id}/edit", secretariat, h::organization_edit);
  html("POST", "/companies/{id}", secretariat, h::organization_update);
  html("POST", "/companies/{id}/representatives", secretariat, h::representatives_update);
  html("GET", "/institutions", secretariat, h::organizations_list);
  html("GET", "/institutions/new", secretariat, h::organization_new);
  html("POST", "/institutions", secretariat, h::organization_create);
  html("GET", "/institutions/{id}", secretariat, h::organization_show);
  html("GET", "/institutions/{id}/edit", secretariat, h::organization_edit);
  html("POST", "/institutions/{id}", secretariat, h::organization_update);

  html("GET", "/fee-schedules", secretariat, h::schedules_list);
  html("GET", "/fee-schedules/new", secretariat, h::schedule_new);
  html("POST", "/fee-schedules", secretariat, h::schedule_create);
  html("GET", "/fee-schedules/{fy}", secretariat, h::schedule_edit);
  html("POST", "/fee-schedules/{fy}", secretariat, h::schedule_update);
  html("GET", "/settings/issuer", secretariat, h::issuer_form);
  html("POST", "/settings/issuer", secretariat, h::issuer_update);

  html("GET", "/members", secretariat, h::members_overview);
  reg.route({"GET", "/members.csv", RouteKind::html, secretariat, h::members_csv});
  html("GET", "/memberships/new", secretariat, h::membership_new);
  html("POST", "/memberships", secretariat, h::membership_create);
  html("GET", "/memberships/{id}", members_view, h::membership_show);
  html("POST", "/memberships/{id}/status", secretariat, h::membership_status);
  html("POST", "/memberships/{id}/renew", secretariat, h::membership_renew);
  html("POST", "/memberships/{id}/seats", secretariat, h::seat_request_create);
  html("POST", "/seat-requests/{id}/decide", secretariat, h::seat_decide);
  html("POST", "/seat-requests/{id}/withdraw", secretariat, h::seat_withdraw);

  web::Route upload{"POST", "/companies/import", RouteKind::html, secretariat, h::import_upload};
  upload.body_limit = 5 * web::kMiB;
  upload.multipart = true;
  reg.route(upload);
  html("GET", "/companies/import", secretariat, h::import_form);
  reg.route({"GET", "/companies.csv", RouteKind::html, secretariat, h::companies_csv});
  html("POST", "/companies/import/{id}/confirm", secretariat, h::import_confirm);

  api("GET", "/api/v1/companies", members_view, h::api_companies);
  api("POST", "/api/v1/companies", secretariat, h::api_company_create);
  api("GET", "/api/v1/companies/{id}", members_view, h::api_company);
  api("PATCH", "/api/v1/companies/{id}", secretariat, h::api_company_update);
  api("GET", "/api/v1/fee-schedules", secretariat, h::api_schedules);
  api("POST", "/api/v1/fee-schedules", secretariat, h::api_schedule_create);
  api("GET", "/api/v1/fee-schedules/{fy}", secretariat, h::api_schedule);
  api("PUT", "/api/v1/fee-schedules/{fy}", secretariat, h::api_schedule_update);
  api("GET", "/api/v1/memberships", members_view, h::api_memberships);
  api("POST", "/api/v1/memberships", secretariat, h::api_membership_create);
  api("GET", "/api/v1/memberships/{id}", members_view, h::api_membership);
  api("PATCH", "/api/v1/memberships/{id}", secretariat, h::api_membership_update);

  register_panels(reg);
  reg.nav({"nav.members", "/members", secretariat, 100});
  reg.nav({"nav.companies", "/companies", members_view, 110});
  reg.nav({"nav.institutions", "/institutions", secretariat, 120});
  reg.nav({"nav.fee_schedules", "/fee-schedules", secretariat, 130});
}

}  // namespace mdsc::members
