#pragma once
// Everything a handler knows about the request it serves.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/i18n.h"
#include "http/message.h"
#include "web/client_origin.h"
#include "web/cookies.h"
#include "web/form.h"
#include "web/principal.h"
#include "web/route.h"
#include "web/router.h"
#include "web/services.h"

namespace mdsc {
struct Work;
}

namespace mdsc::web {

struct Upload {
  std::string field;
  std::string filename;      // as sent by the browser (display only)
  std::string content_type;
  std::string path;          // temporary file, deleted after the response
  std::uint64_t size = 0;
};

struct Flash {
  std::string kind;        // "success", "info", "error"
  std::string message_id;  // catalogue id
};

struct Context {
  Context(http::Request& r, Services& s, const Route& rt) : req(r), services(s), route(rt) {}

  http::Request& req;
  Services& services;
  const Route& route;
  PathParams params;
  ClientOrigin client;  // the client's address (through trusted proxies only), for rate limits
  Form query;
  Form form;
  std::vector<Upload> uploads;
  std::map<std::string, std::string, std::less<>> cookies;
  std::string lang = i18n::kDefaultLang;
  std::optional<Principal> user;
  std::string csrf_token;                  // to put in forms rendered for this request
  std::optional<Flash> flash;              // shown once on this page
  std::vector<std::string> set_cookies;    // Set-Cookie header values to send

  // Translated text in the request's language.
  std::string t(std::string_view id, const i18n::Args& args = {}) const { return i18n::t(lang, id, args); }
  const Principal& me() const { return *user; }
  std::int64_t user_id() const { return user ? user->user_id : 0; }
  // A path parameter as a positive id, or 0 (callers answer 404).
  std::int64_t id_param(std::string_view name) const;
  std::string param(std::string_view name) const;
  db::Database& db() const { return services.db; }
  // The request's unit of work: its transaction, actor and time (routes with Tx::none have none).
  Work& work() const { return *work_; }
  bool has_work() const { return work_ != nullptr; }
  Work* work_ = nullptr;  // set by the unit runner while the handler runs
  std::int64_t now() const { return services.clock.now_unix(); }
  bool is_api() const { return route.kind == RouteKind::json; }

  void set_cookie(const SetCookie& c) { set_cookies.push_back(c.to_header()); }
  // The message shown on the next page this browser loads (after a redirect).
  void flash_next(std::string kind, std::string message_id);
  // Cookie attributes for this deployment (Secure behind TLS).
  SetCookie cookie(std::string name, std::string value) const;
};

}  // namespace mdsc::web
