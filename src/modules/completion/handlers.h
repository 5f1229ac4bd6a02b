#pragma once
// The completion module's page and API: who completes a program year and why the others do not,
// for the secretariat and the promotion office; the secretariat edits the year's rule.
#include "http/message.h"
#include "modules/completion/verdicts.h"
#include "web/context.h"

namespace mdsc::completion::handlers {

using web::Context;
using Response = http::Response;

// A verdict's reasons in the reader's language, one line each.
nlohmann::json reasons_view(const Context& ctx, const Verdict& v);

Response year_page(Context& ctx);
Response rule_submit(Context& ctx);
Response confirm_submit(Context& ctx);
Response sign_off_submit(Context& ctx);
Response api_completions(Context& ctx);
Response api_confirm(Context& ctx);
Response api_sign_off(Context& ctx);

}  // namespace mdsc::completion::handlers
