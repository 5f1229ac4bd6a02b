#include "web/static_files.h"

#include <map>
#include <memory>
#include <mutex>

#include "core/resources.h"
#include "web/context.h"

namespace mdsc::web {
namespace {

struct Asset {
  std::shared_ptr<const std::string> body;  // shared by every response, never copied
  std::string hash;
  std::string type;
  std::string url;  // "/static/<hash>/<name>"
};

// Built once: the embedded files do not change while the process runs.
const std::map<std::string, Asset, std::less<>>& assets() {
  static const auto all = [] {
    std::map<std::string, Asset, std::less<>> m;
    for (const auto& path : resources::list("static/")) {
      auto body = resources::read(path);
      if (!body) continue;
      std::string name = path.substr(7);
      std::string hash = resources::content_hash(*body);
      std::string url = "/static/" + hash + "/" + name;
      m.emplace(name, Asset{std::make_shared<const std::string>(std::move(*body)), std::move(hash),
                            content_type_for(name), std::move(url)});
    }
    return m;
  }();
  return all;
}

bool dev_mode() { return !resources::override_dir().empty(); }

}  // namespace

std::string content_type_for(std::string_view name) {
  auto ends = [&](std::string_view ext) {
    return name.size() >= ext.size() && name.substr(name.size() - ext.size()) == ext;
  };
  if (ends(".css")) return "text/css; charset=utf-8";
  if (ends(".js") || ends(".mjs")) return "text/javascript; charset=utf-8";
  if (ends(".svg")) return "image/svg+xml";
  if (ends(".png")) return "image/png";
  if (ends(".ico")) return "image/x-icon";
  if (ends(".woff2")) return "font/woff2";
  if (ends(".txt")) return "text/plain; charset=utf-8";
  if (ends(".json")) return "application/json";
  return "application/octet-stream";
}

std::string asset_url(std::string_view name) {
  const auto& m = assets();
  auto it = m.find(name);
  const bool dev = dev_mode();
  if (it != m.end() && !dev) return it->second.url;  // every page asks for three of these
  std::string hash = it == m.end() ? "0" : it->second.hash;
  if (dev) {
    if (auto body = resources::read("static/" + std::string(name))) hash = resources::content_hash(*body);
  }
  return "/static/" + hash + "/" + std::string(name);
}

void register_static_routes(Registry& registry) {
  Route r;
  r.method = "GET";
  r.pattern = "/static/{hash}/{name}";
  r.kind = RouteKind::file;
  r.access = Access::anyone();
  r.fn = [](Context& ctx) {
    http::Response res;
    std::string name = ctx.param("name");
    std::shared_ptr<const std::string> body;
    std::string hash;
    if (dev_mode()) {
      if (auto b = resources::read("static/" + name)) {
        hash = resources::content_hash(*b);
        body = std::make_shared<const std::string>(std::move(*b));
      }
    } else {
      const auto& m = assets();
      auto it = m.find(name);
      if (it != m.end()) {
        body = it->second.body;
        hash = it->second.hash;
      }
    }
    if (hash.empty()) {
      res.status = 404;
      res.set_header("Content-Type", "text/plain; charset=utf-8");
      res.body = "Not Found";
      return res;
    }
    std::string etag = "\"" + hash + "\"";
    res.headers.reserve(12);  // these four, Set-Cookie at most, and the security headers
    res.set_header("ETag", etag);
    res.set_header("Content-Type", content_type_for(name));
    if (ctx.param("hash") == hash)
      res.set_header("Cache-Control", "public, max-age=31536000, immutable");
    else
      res.set_header("Cache-Control", "no-cache");
    if (ctx.req.header("if-none-match") == etag) {
      res.status = 304;
      return res;
    }
    res.shared_body = std::move(body);
    return res;
  };
  registry.route(std::move(r));
  // Browsers ask for /favicon.ico whatever the page says.
  Route icon;
  icon.method = "GET";
  icon.pattern = "/favicon.ico";
  icon.kind = RouteKind::file;
  icon.access = Access::anyone();
  icon.fn = [](Context&) {
    http::Response res;
    res.status = 301;
    res.set_header("Location", asset_url("favicon.svg"));
    res.set_header("Cache-Control", "public, max-age=86400");
    return res;
  };
  registry.route(std::move(icon));
}

}  // namespace mdsc::web
