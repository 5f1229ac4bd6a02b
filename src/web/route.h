#pragma once
// A route: method, path pattern with {parameters}, who may call it, and how its body is read.
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include "core/config.h"
#include "http/message.h"
#include "web/principal.h"

namespace mdsc::web {

struct Context;
// A page or API endpoint as a function type, so that a module's handlers.h can declare its
// handlers a group to a line: `Handler list, show;` declares the functions list and show.
using Handler = http::Response(Context&);
using HandlerFn = std::function<Handler>;

// Route-level permission: the first of the two checks every request passes (the second is the
// object-level policy each module applies to the record it loads).
struct Access {
  enum class Level { anyone, signed_in, roles };
  Level level = Level::signed_in;
  std::vector<Role> any_of;

  static Access anyone() { return {Level::anyone, {}}; }
  static Access signed_in() { return {Level::signed_in, {}}; }
  static Access roles(std::initializer_list<Role> r) { return {Level::roles, std::vector<Role>(r)}; }
  bool allows(const std::optional<Principal>& who) const;
};

enum class RouteKind { html, json, file };

// The transaction a route's handler runs in (decision 0016): one unit of work per request.
//   automatic  read-only for GET and HEAD, a write transaction for the other methods;
//   read, write  that one whatever the method;
//   none       the handler opens its own (slow work that must stay outside a write transaction,
//              such as checking a password).
enum class Tx { automatic, read, write, none };

struct Route {
  std::string method;   // GET, POST, PUT, PATCH, DELETE
  std::string pattern;  // "/users/{id}/sessions"
  RouteKind kind = RouteKind::html;
  Access access;
  HandlerFn fn;
  std::uint64_t body_limit = 64 * 1024;
  bool multipart = false;  // multipart/form-data streamed to disk
  bool body_to_disk = false;  // the raw body streamed to disk (Request::body_file): a video upload
  // When set, the body's limit is this setting of the configuration rather than body_limit.
  std::uint64_t Config::*body_limit_setting = nullptr;
  bool csrf = true;        // state-changing requests need the CSRF token (bearer-token API calls excepted)
  Tx tx = Tx::automatic;
};

inline constexpr std::uint64_t kKiB = 1024;
inline constexpr std::uint64_t kMiB = 1024 * 1024;

}  // namespace mdsc::web
