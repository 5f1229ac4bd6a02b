// What the videos pages and API share: who may watch or manage a course's recordings, and taking
// an upload (checked and moved outside the transaction, recorded in a short write unit).
#include <filesystem>

#include "core/media_probe.h"
#include "modules/curriculum.h"
#include "modules/videos/handlers.h"
#include "modules/videos/operations.h"
#include "modules/videos/repo.h"
#include "modules/videos/storage.h"
#include "platform/web_actor.h"

namespace mdsc::videos::handlers {

bool may_manage(Context& ctx, std::int64_t course_id) {
  if (!ctx.user) return false;
  if (ctx.user->has(web::Role::secretariat)) return true;
  return curriculum::teaches_course(ctx.work().conn, ctx.user_id(), course_id);
}

bool may_watch(Context& ctx, std::int64_t course_id) {
  return may_manage(ctx, course_id) || (ctx.user && curriculum::enrolled_in(ctx.work().conn, course_id, ctx.user_id()));
}

std::optional<Recording> watchable(Context& ctx) {
  auto r = repo::by_id(ctx.work().conn, ctx.id_param("id"));
  if (!r || r->withdrawn() || !may_watch(ctx, r->course_id)) return std::nullopt;
  return r;
}

Result<std::int64_t> take_upload(Context& ctx, std::int64_t session_id, const std::string& path,
                                 const std::string& filename) {
  const Who who = who_of(ctx);
  // Refuse before reading gigabytes: the session and the uploader's right to it.
  if (Status st = read_unit(ctx.db(), who, [&](Work& w) { return may_upload(w, session_id); }); !st) return st;
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec || size == 0) return Status::invalid().field("file", "videos.file_required");
  const auto probed = media::probe(path);
  if (!probed) return Status::invalid().field("file", "videos.wrong_type");
  Upload u;
  u.session_id = session_id;
  u.filename = filename;
  u.content_type = probed->content_type;
  u.duration_ms = probed->duration_ms;
  u.size = static_cast<std::int64_t>(size);
  u.sha256 = storage::sha256_of(path);
  const std::string& data_dir = ctx.services.config.data_dir;
  u.storage_key = storage::keep(data_dir, path, u.content_type);
  auto id = write_unit(ctx.db(), who, [&](Work& w) { return add_recording(w, u); });
  if (!id) storage::remove(data_dir, u.storage_key);
  return id;
}

}  // namespace mdsc::videos::handlers
