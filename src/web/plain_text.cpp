#include "web/plain_text.h"

#include <utility>

namespace mdsc::web {

http::Response plain_text(int status, std::string body) {
  http::Response r;
  r.status = status;
  r.body = std::move(body);
  r.set_header("Content-Type", "text/plain; charset=utf-8");
  r.set_header("Cache-Control", "no-store");
  return r;
}

}  // namespace mdsc::web
