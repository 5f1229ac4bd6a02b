#pragma once
// The end of a form's POST that worked (Post/Redirect/Get).
#include <string>

#include "http/message.h"
#include "web/context.h"

namespace mdsc::web {

// A 303 to `location` (a local path), with the success notice `message_id` (a catalogue id) shown
// on the page it leads to.
http::Response redirect_with_success(Context& ctx, std::string message_id, std::string location);

}  // namespace mdsc::web
