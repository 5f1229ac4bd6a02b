#pragma once
// The certificates module's pages and API: the year's certificates for the secretariat and the
// promotion office (issue, revoke), a trainee's own; the PDF, the signed file and the Open Badges
// credential; the public verify page and the published key.
#include "http/message.h"
#include "modules/certificates/model.h"
#include "web/context.h"

namespace mdsc::certificates::handlers {

using web::Context;
using Response = http::Response;

// The secretariat and the promotion office see every certificate; a trainee their own.
bool may_see(const Context& ctx, const Certificate& c);

Response list_page(Context& ctx);
Response issue_submit(Context& ctx);
Response revoke_submit(Context& ctx);
Response pdf_download(Context& ctx);
Response file_download(Context& ctx);
Response badge_download(Context& ctx);
Response verify_page(Context& ctx);
Response key_set_json(Context& ctx);
Response api_list(Context& ctx);
Response api_get(Context& ctx);
Response api_issue(Context& ctx);
Response api_revoke(Context& ctx);

}  // namespace mdsc::certificates::handlers
