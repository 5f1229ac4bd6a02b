#include "modules/certificates/handlers.h"
#include "modules/certificates/module.h"
#include "web/access.h"

namespace mdsc::certificates {

void register_module(web::Registry& reg) {
  using web::Access;
  using web::Role;
  namespace h = handlers;
  const Access readers = Access::roles({Role::secretariat, Role::promotion_office, Role::trainee});
  const Access secretariat = web::access::secretariat();
  reg.html("GET", "/certificates", readers, h::list_page);
  reg.html("POST", "/certificates", secretariat, h::issue_submit);
  reg.html("POST", "/certificates/{id}/revoke", secretariat, h::revoke_submit);
  reg.html("GET", "/certificates/{id}/certificate.pdf", readers, h::pdf_download);
  reg.html("GET", "/certificates/{id}/certificate.json", readers, h::file_download);
  reg.html("GET", "/certificates/{id}/badge.jwt", readers, h::badge_download);
  // Public: whoever holds a certificate checks it; the refusals are counted, so the route opens
  // its own units (a 404 must not roll its count back; a known number needs no write).
  reg.html("GET", "/verify/{number}", Access::anyone(), h::verify_page, web::Tx::none);
  reg.api("GET", "/.well-known/jwks.json", Access::anyone(), h::key_set_json);
  reg.nav({"nav.certificates", "/certificates", readers, 157});
  reg.api("GET", "/api/v1/certificates", readers, h::api_list);
  reg.api("GET", "/api/v1/certificates/{id}", readers, h::api_get);
  reg.api("POST", "/api/v1/certificates", secretariat, h::api_issue);
  reg.api("POST", "/api/v1/certificates/{id}/revoke", secretariat, h::api_revoke);
}

}  // namespace mdsc::certificates
