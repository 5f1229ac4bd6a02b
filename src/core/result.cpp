#include "core/result.h"

namespace mdsc {

int http_status(Code code) {
  switch (code) {
    case Code::ok: return 200;
    case Code::invalid: return 422;
    case Code::unauthorized: return 401;
    case Code::forbidden: return 403;
    case Code::not_found: return 404;
    case Code::conflict: return 409;
    case Code::too_many: return 429;
    case Code::too_large: return 413;
    case Code::unavailable: return 503;
    case Code::internal: return 500;
  }
  return 500;
}

const char* code_name(Code code) {
  switch (code) {
    case Code::ok: return "ok";
    case Code::invalid: return "invalid";
    case Code::unauthorized: return "unauthorized";
    case Code::forbidden: return "forbidden";
    case Code::not_found: return "not_found";
    case Code::conflict: return "conflict";
    case Code::too_many: return "too_many_requests";
    case Code::too_large: return "payload_too_large";
    case Code::unavailable: return "unavailable";
    case Code::internal: return "internal";
  }
  return "internal";
}

}  // namespace mdsc
