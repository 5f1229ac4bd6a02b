#pragma once
// Building responses: pages inside the layout, redirects, JSON, and errors in the user's language.
#include <string>
#include <string_view>

#include "core/result.h"
#include "http/message.h"
#include "nlohmann/json.hpp"
#include "web/context.h"

namespace mdsc::web {

// Renders templates/<tmpl> with data (plus "csrf", "lang") inside layout/base.html.
// title_id: catalogue id of the page title.
http::Response page(Context& ctx, std::string_view tmpl, std::string_view title_id,
                    nlohmann::json data = nlohmann::json::object(), int status = 200);

// 303 See Other to a local path (anything else becomes "/").
http::Response redirect(Context& ctx, std::string location);

http::Response json(int status, const nlohmann::json& body);

// A CSV file to download as `filename` (the body as csv::CsvWriter writes it), never cached.
http::Response csv_download(std::string body, const std::string& filename);

// A failed Status as the route's kind wants it: JSON {"error":{code,message,fields}} for the API,
// an error page otherwise. Use form_errors() instead when a form should be shown again.
http::Response error(Context& ctx, const Status& status);
http::Response not_found(Context& ctx);
http::Response forbidden(Context& ctx);

// The "form" object for templates: {"values": {field: typed}, "errors": {field: message},
// "summary": message, "has_errors": bool}. Secret fields (password*) are never echoed back.
nlohmann::json form_state(const Context& ctx, const Status& status);
// The API error body of a Status.
nlohmann::json api_error_body(const Context& ctx, const Status& status);

// A local path with only safe characters, for ?next= redirects; "" when unsafe.
std::string safe_local_path(std::string_view s);

// Pagination of API lists: ?page=1&per_page=50 (1..200).
struct PageRequest {
  int page = 1;
  int per_page = 50;
  long offset() const { return static_cast<long>(page - 1) * per_page; }
};
PageRequest page_request(const Context& ctx);
nlohmann::json paged(const PageRequest& p, long total, nlohmann::json items);
// The page numbers and links a list page's pager shows (templates/layout/pager.html); `base`
// is the list's address with its filters, ending in a query.
void pager(nlohmann::json& data, const PageRequest& p, long total, const std::string& base);

}  // namespace mdsc::web
