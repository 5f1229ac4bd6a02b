#pragma once
// The request lifecycle shared by every route: match → authenticate → language → CSRF →
// route permission → handler → security headers. One catch-all turns bugs into a translated 500.
#include "http/message.h"
#include "web/services.h"

namespace mdsc::web {

class Application final : public http::Handler {
 public:
  explicit Application(Services& services) : services_(services) {}

  http::BodyPolicy body_policy(std::string_view method, std::string_view path) const override;
  http::Response handle(http::Request& request) override;
  http::Response transport_error(int status, const http::Request& partial) override;

 private:
  Services& services_;
};

// Session cookie name: "__Host-mdsc_session" behind TLS, "mdsc_session" otherwise.
std::string session_cookie_name(const Config& config);
// The CSRF token for a session (by its token hash) or for an anonymous visitor (by their cookie).
std::string csrf_token_for(const std::string& secret, std::string_view kind, std::string_view id);
void add_security_headers(http::Response& r, bool behind_tls);

}  // namespace mdsc::web
