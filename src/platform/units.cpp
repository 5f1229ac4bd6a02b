#include "platform/units.h"

#include <optional>

#include "platform/web_actor.h"
#include "platform/work.h"

namespace mdsc::platform {
namespace {

struct RolledBack {};  // not a std::exception: the database's retry loop lets it through

}  // namespace

http::Response Units::run(web::Context& ctx, bool write) {
  const auto cookies = ctx.set_cookies.size();
  const audit::Actor actor = audit::actor_of(ctx);
  auto attempt = [&](db::Conn& c) {
    ctx.set_cookies.resize(cookies);  // a retried attempt starts afresh
    Work w{c, actor, ctx.now(), base_url_, &bus_, &on_mail_};
    ctx.work_ = &w;
    struct Detach {
      web::Context& ctx;
      ~Detach() { ctx.work_ = nullptr; }
    } detach{ctx};
    return ctx.route.fn(ctx);
  };
  if (!write) return db_.read(attempt);
  std::optional<http::Response> refused;
  try {
    return db_.write([&](db::Conn& c) {
      auto r = attempt(c);
      // An error page or a refused API call changes nothing, whatever the handler wrote before.
      if (r.status >= 400) {
        refused = std::move(r);
        throw RolledBack{};
      }
      return r;
    });
  } catch (const RolledBack&) {
    return std::move(*refused);
  }
}

}  // namespace mdsc::platform
