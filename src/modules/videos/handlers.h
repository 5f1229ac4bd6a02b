#pragma once
// The videos module's pages, the video itself (range requests), the player's heartbeats and the
// API. Who may watch: trainees enrolled in the course, its instructors, the secretariat.
#include <optional>

#include "http/message.h"
#include "modules/timetable.h"
#include "modules/videos/model.h"
#include "web/context.h"

namespace mdsc::videos::handlers {

using web::Context;
using web::Handler;
using Response = http::Response;

bool may_watch(Context& ctx, std::int64_t course_id);
bool may_manage(Context& ctx, std::int64_t course_id);  // upload, withdraw: the secretariat, its instructors
// The recording of the path if the reader may watch it and it is not withdrawn (else 404).
std::optional<Recording> watchable(Context& ctx);

Handler session_page, upload_submit, withdraw_submit, list_page, player_page, video, progress_submit, api_list, api_get,
    api_upload;

// Checks an uploaded file and keeps it, outside any transaction, then makes it the session's
// recording in a write unit (routes with Tx::none). The id, or why not (the file is not kept).
Result<std::int64_t> take_upload(Context& ctx, std::int64_t session_id, const std::string& path,
                                 const std::string& filename);

}  // namespace mdsc::videos::handlers
