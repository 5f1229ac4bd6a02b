#include "web/application.h"

#include <spdlog/spdlog.h>

#include <filesystem>

#include "core/crypto.h"
#include "core/i18n.h"
#include "web/context.h"
#include "web/multipart.h"
#include "web/registry.h"
#include "web/render.h"
#include "web/text.h"

namespace mdsc::web {
namespace {

const Route& fallback_route() {
  static const Route r = [] {
    Route x;
    x.method = "GET";
    x.pattern = "(unmatched)";
    x.access = Access::anyone();
    return x;
  }();
  return r;
}

const Route& fallback_api_route() {
  static const Route r = [] {
    Route x;
    x.method = "GET";
    x.pattern = "(unmatched)";
    x.kind = RouteKind::json;
    x.access = Access::anyone();
    return x;
  }();
  return r;
}

bool is_unsafe(std::string_view method) {
  return method != "GET" && method != "HEAD" && method != "OPTIONS";
}

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

void choose_language(Context& ctx) {
  std::string q = ctx.query.get("lang");
  if (q == "qqx" || i18n::is_supported(q)) {
    ctx.lang = q;
    if (q != "qqx") {
      auto it = ctx.cookies.find("mdsc_lang");
      if (it == ctx.cookies.end() || it->second != q) {
        auto c = ctx.cookie("mdsc_lang", q);
        c.max_age = 365L * 24 * 3600;
        ctx.set_cookie(c);
      }
    }
    return;
  }
  if (auto it = ctx.cookies.find("mdsc_lang"); it != ctx.cookies.end() && i18n::is_supported(it->second)) {
    ctx.lang = it->second;
    return;
  }
  if (ctx.user && i18n::is_supported(ctx.user->preferred_lang)) {
    ctx.lang = ctx.user->preferred_lang;
    return;
  }
  std::string al = i18n::from_accept_language(ctx.req.header("accept-language"));
  ctx.lang = al.empty() ? i18n::kDefaultLang : al;
}

void authenticate(Context& ctx) {
  auto& auth = ctx.services.auth;
  std::string_view authz = ctx.req.header("authorization");
  if (ctx.route.kind == RouteKind::json && starts_with(authz, "Bearer ")) {
    ctx.user = auth.from_api_token(authz.substr(7));
    return;
  }
  auto it = ctx.cookies.find(session_cookie_name(ctx.services.config));
  if (it != ctx.cookies.end() && !it->second.empty()) ctx.user = auth.from_session(it->second);
}

// Anonymous visitors get a random cookie their CSRF token is derived from.
void set_csrf_token(Context& ctx) {
  const auto& secret = ctx.services.secret;
  if (ctx.user && !ctx.user->via_api_token) {
    ctx.csrf_token = csrf_token_for(secret, "session", ctx.user->session_token_hash);
    return;
  }
  auto it = ctx.cookies.find("mdsc_anon");
  std::string anon;
  if (it != ctx.cookies.end() && it->second.size() >= 16 && it->second.size() <= 64) {
    anon = it->second;
  } else {
    anon = crypto::random_token(18);
    ctx.cookies["mdsc_anon"] = anon;
    ctx.set_cookie(ctx.cookie("mdsc_anon", anon));
  }
  ctx.csrf_token = csrf_token_for(secret, "anon", anon);
}

void read_flash(Context& ctx) {
  auto it = ctx.cookies.find("mdsc_flash");
  if (it == ctx.cookies.end()) return;
  const std::string& v = it->second;
  auto colon = v.find(':');
  if (colon != std::string::npos) {
    std::string kind = v.substr(0, colon), id = v.substr(colon + 1);
    bool known_kind = kind == "success" || kind == "info" || kind == "error";
    if (known_kind && i18n::Catalog::instance().has("ja", id)) ctx.flash = Flash{kind, id};
  }
  auto c = ctx.cookie("mdsc_flash", "");
  c.max_age = 0;
  ctx.set_cookie(c);
}

bool clean_form(const Form& f) {
  for (const auto& [k, v] : f.pairs())
    if (!is_clean_text(k) || !is_clean_text(v)) return false;
  return true;
}

Status read_body(Context& ctx) {
  std::string_view ct = ctx.req.header("content-type");
  if (starts_with(ct, "application/x-www-form-urlencoded")) {
    ctx.form = Form::parse(ctx.req.body);
  } else if (ctx.route.multipart && !ctx.req.body_file.empty()) {
    std::string boundary = multipart_boundary(ct);
    if (boundary.empty()) return Status::invalid("error.bad_multipart");
    auto dir = std::filesystem::path(ctx.req.body_file).parent_path().string();
    if (auto st = parse_multipart(ctx.req.body_file, boundary, dir, ctx.form, ctx.uploads); !st) return st;
  } else if (starts_with(ct, "application/json") && !is_clean_text(ctx.req.body)) {
    return Status(Code::invalid, "error.bad_encoding");
  }
  if (!clean_form(ctx.form)) return Status(Code::invalid, "error.bad_encoding");
  return Status::ok();
}

bool csrf_ok(Context& ctx) {
  if (!is_unsafe(ctx.req.method) || !ctx.route.csrf) return true;
  if (ctx.user && ctx.user->via_api_token) return true;  // no ambient credentials involved
  std::string sent = ctx.form.get("_csrf");
  if (sent.empty()) sent = std::string(ctx.req.header("x-csrf-token"));
  return !sent.empty() && crypto::equal(sent, ctx.csrf_token);
}

// The route's unit of work: its handler inside one transaction, unless it opens its own.
http::Response handle_in_unit(Context& ctx) {
  const Tx tx = ctx.route.tx;
  if (tx == Tx::none || ctx.route.kind == RouteKind::file || !ctx.services.units) return ctx.route.fn(ctx);
  const bool write = tx == Tx::write || (tx == Tx::automatic && is_unsafe(ctx.req.method));
  return ctx.services.units->run(ctx, write);
}

http::Response run_handler(Context& ctx) {
  try {
    return handle_in_unit(ctx);
  } catch (const db::Error& e) {
    if (e.kind() == db::Error::Kind::unique_violation)
      return error(ctx, Status::conflict("error.conflict"));
    if (e.kind() == db::Error::Kind::busy) return error(ctx, Status(Code::unavailable, "error.busy"));
    spdlog::error("request {} failed: database error", ctx.req.request_id);
    spdlog::debug("database error detail: {}", e.what());
  } catch (const std::exception& e) {
    spdlog::error("request {} failed: {}", ctx.req.request_id, e.what());
  }
  try {
    return error(ctx, Status(Code::internal, "error.internal"));
  } catch (...) {
    http::Response r;
    r.status = 500;
    r.body = "Internal Server Error";
    r.set_header("Content-Type", "text/plain; charset=utf-8");
    return r;
  }
}

http::Response dispatch(Context& ctx, const Router::Match& m) {
  if (!m.route) {
    if (!m.allowed.empty()) {
      std::string allow;
      for (const auto& a : m.allowed) allow += (allow.empty() ? "" : ", ") + a;
      auto r = error(ctx, Status(Code::invalid, "error.method_not_allowed"));
      r.status = 405;
      r.set_header("Allow", allow);
      return r;
    }
    return not_found(ctx);
  }
  if (ctx.route.kind != RouteKind::file) {
    if (!is_clean_text(ctx.req.path) || !clean_form(ctx.query))
      return error(ctx, Status(Code::invalid, "error.bad_encoding"));
    if (auto st = read_body(ctx); !st) return error(ctx, st);
    if (!csrf_ok(ctx)) return error(ctx, Status(Code::forbidden, "error.csrf"));
  }
  if (!ctx.route.access.allows(ctx.user)) {
    if (ctx.user) return forbidden(ctx);
    if (ctx.is_api()) return error(ctx, Status(Code::unauthorized, "error.unauthorized"));
    std::string next = ctx.req.method == "GET" ? ctx.req.target : std::string("/");
    return redirect(ctx, "/login?next=" + url_encode(next));
  }
  return run_handler(ctx);
}

// A request the trusted proxy received over plain HTTP on a deployment that is served over HTTPS:
// nothing is read or set (no cookie may travel in clear), the browser is sent to the HTTPS address.
bool plain_http_behind_tls(const Context& ctx) {
  return ctx.services.config.behind_tls && ctx.client.via_proxy && ctx.client.proto == "http";
}

http::Response redirect_to_https(const Context& ctx) {
  http::Response r;
  r.status = 308;
  r.set_header("Location", ctx.services.config.base_url + ctx.req.target);
  return r;
}

}  // namespace

std::string session_cookie_name(const Config& config) {
  return config.behind_tls ? "__Host-mdsc_session" : "mdsc_session";
}

std::string csrf_token_for(const std::string& secret, std::string_view kind, std::string_view id) {
  return crypto::mac_hex(secret, std::string("csrf:") + std::string(kind) + ":" + std::string(id));
}

void add_security_headers(http::Response& r, bool behind_tls) {
  r.set_header("Content-Security-Policy",
               "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
               "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
  r.set_header("X-Content-Type-Options", "nosniff");
  r.set_header("X-Frame-Options", "DENY");
  r.set_header("Referrer-Policy", "same-origin");
  r.set_header("Cross-Origin-Opener-Policy", "same-origin");
  r.set_header("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
  if (behind_tls) r.set_header("Strict-Transport-Security", "max-age=31536000");
}

http::BodyPolicy Application::body_policy(std::string_view method, std::string_view path) const {
  http::BodyPolicy p;
  auto m = services_.registry.router().match(method, path);
  if (!m.route) {
    p.limit = 16 * 1024;
    p.route_pattern = "(unmatched)";
    return p;
  }
  p.limit = m.route->body_limit_setting ? services_.config.*(m.route->body_limit_setting) : m.route->body_limit;
  p.to_disk = m.route->multipart || m.route->body_to_disk;
  p.route_pattern = m.route->pattern;
  return p;
}

http::Response Application::handle(http::Request& req) {
  auto m = services_.registry.router().match(req.method, req.path);
  const Route& route = m.route ? *m.route
                       : starts_with(req.path, "/api/") ? fallback_api_route()
                                                        : fallback_route();
  Context ctx(req, services_, route);
  ctx.params = std::move(m.params);
  ctx.client = client_origin(req, services_.config.proxies);
  if (plain_http_behind_tls(ctx)) {
    auto r = redirect_to_https(ctx);
    add_security_headers(r, true);
    return r;
  }
  http::Response res;
  try {
    ctx.query = Form::parse(req.query);
    ctx.cookies = parse_cookies(req.header("cookie"));
    if (route.kind != RouteKind::file) {
      authenticate(ctx);
      choose_language(ctx);
      set_csrf_token(ctx);
      if (route.kind == RouteKind::html && req.method == "GET") read_flash(ctx);
    }
    res = dispatch(ctx, m);
  } catch (const std::exception& e) {
    spdlog::error("request {} failed before its handler: {}", req.request_id, e.what());
    res = http::Response{};
    res.status = 500;
    res.body = "Internal Server Error";
    res.set_header("Content-Type", "text/plain; charset=utf-8");
  }
  for (auto& c : ctx.set_cookies) res.add_header("Set-Cookie", std::move(c));
  if (route.kind != RouteKind::file) res.add_header("Vary", "Cookie, Accept-Language");
  add_security_headers(res, services_.config.behind_tls);
  for (const auto& u : ctx.uploads) std::filesystem::remove(u.path);
  return res;
}

http::Response Application::transport_error(int status, const http::Request& partial) {
  std::string lang = i18n::from_accept_language(partial.header("accept-language"));
  if (lang.empty()) lang = i18n::kDefaultLang;
  std::string id = "error.transport." + std::to_string(status);
  if (!i18n::Catalog::instance().has(lang, id)) id = "error.transport.400";
  http::Response r;
  r.status = status;
  std::string message = i18n::t(lang, id);
  if (starts_with(partial.path, "/api/")) {
    nlohmann::json body{{"error", {{"code", status == 413 ? "payload_too_large" : status == 431
                                                 ? "header_too_large" : status == 503 ? "unavailable"
                                                 : "bad_request"},
                                   {"message", message}, {"fields", nlohmann::json::object()}}}};
    r.body = body.dump();
    r.set_header("Content-Type", "application/json; charset=utf-8");
  } else {
    r.body = "<!doctype html><html lang=\"" + lang + "\"><meta charset=\"utf-8\"><title>" +
             std::to_string(status) + "</title><main><h1>" + std::to_string(status) + "</h1><p>" +
             message + "</p></main></html>";
    r.set_header("Content-Type", "text/html; charset=utf-8");
  }
  add_security_headers(r, services_.config.behind_tls);
  return r;
}

}  // namespace mdsc::web
