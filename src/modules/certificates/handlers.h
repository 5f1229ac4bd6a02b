#pragma once
// The certificates module's pages and API: the year's certificates for the secretariat and the
// promotion office (issue, revoke), a trainee's own; the PDF, the signed file and the Open Badges
// credential; the public verify page and the published key.
#include "http/message.h"
#include "modules/certificates/model.h"
#include "web/context.h"

namespace mdsc::certificates::handlers {

using web::Context;
using web::Handler;
using Response = http::Response;

// The secretariat and the promotion office see every certificate; a trainee their own.
bool may_see(const Context& ctx, const Certificate& c);

Handler list_page, issue_submit, revoke_submit, pdf_download, file_download, badge_download, verify_page, key_set_json,
    api_list, api_get, api_issue, api_revoke;

}  // namespace mdsc::certificates::handlers
