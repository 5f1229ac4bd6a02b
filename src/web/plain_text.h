#pragma once
// Plain-text answers for machines and for feeds a calendar client fetches: no page around them.
#include <string>

#include "http/message.h"

namespace mdsc::web {

// `body` as text/plain (UTF-8) with `status`, never cached: probes and feed readers must see the
// answer of the moment.
http::Response plain_text(int status, std::string body);

}  // namespace mdsc::web
