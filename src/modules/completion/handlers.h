#pragma once
// The completion module's page and API: who completes a program year and why the others do not,
// for the secretariat and the promotion office; the secretariat edits the year's rule.
#include "http/message.h"
#include "modules/completion/verdicts.h"
#include "web/context.h"

namespace mdsc::completion::handlers {

using web::Context;
using web::Handler;
using Response = http::Response;

// A verdict's reasons in the reader's language, one line each.
nlohmann::json reasons_view(const Context& ctx, const Verdict& v);

Handler year_page, rule_submit, confirm_submit, sign_off_submit, api_completions, api_confirm, api_sign_off;

}  // namespace mdsc::completion::handlers
