#include "core/resources.h"
#include "modules/system/module.h"
#include "web/context.h"
#include "web/plain_text.h"
#include "web/render.h"

namespace mdsc::system_module {

void register_module(web::Registry& reg) {
  web::Route healthz{"GET", "/healthz", web::RouteKind::file, web::Access::anyone(),
                     [](web::Context&) { return web::plain_text(200, "ok\n"); }};
  // None of these needs a unit of work; /readyz asks the database itself.
  healthz.tx = web::Tx::none;
  reg.route(healthz);
  web::Route readyz{"GET", "/readyz", web::RouteKind::file, web::Access::anyone(), [](web::Context& ctx) {
                      bool ok = false;
                      try {
                        ok = ctx.db().ping();
                      } catch (...) {
                      }
                      return ok ? web::plain_text(200, "ready\n") : web::plain_text(503, "database unreachable\n");
                    }};
  readyz.tx = web::Tx::none;
  reg.route(readyz);
  web::Route openapi{"GET", "/api/v1/openapi.json", web::RouteKind::json, web::Access::anyone(),
                     [](web::Context& ctx) {
                       auto doc = resources::read("openapi/openapi.json");
                       if (!doc) return web::not_found(ctx);
                       http::Response r;
                       r.body = *doc;
                       r.set_header("Content-Type", "application/json; charset=utf-8");
                       r.set_header("Cache-Control", "no-cache");
                       return r;
                     }};
  openapi.tx = web::Tx::none;
  reg.route(openapi);
}

}  // namespace mdsc::system_module
