// The video itself, in the ranges the player asks for (206, Accept-Ranges, Content-Range,
// If-Range, 416), sent from the page cache; and the player's heartbeats.
#include <filesystem>

#include "http/range.h"
#include "modules/videos/handlers.h"
#include "modules/videos/operations.h"
#include "modules/videos/storage.h"
#include "web/form_values.h"
#include "web/render.h"

namespace mdsc::videos::handlers {
namespace {

// Last-Modified as an IMF-fixdate, from the upload time.
std::string http_date(std::int64_t unix_seconds) {
  std::time_t t = static_cast<std::time_t>(unix_seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  static constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  char buf[40];
  std::snprintf(buf, sizeof buf, "%s, %02d %s %04d %02d:%02d:%02d GMT", kDays[tm.tm_wday], tm.tm_mday,
                kMonths[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
  return buf;
}

}  // namespace

Response video(Context& ctx) {
  const auto r = watchable(ctx);
  if (!r) return web::not_found(ctx);
  const std::string path = storage::path_of(ctx.services.config.data_dir, r->storage_key);
  std::error_code ec;
  const std::uint64_t size = std::filesystem::file_size(path, ec);
  if (ec) return web::not_found(ctx);
  Response res;
  res.set_header("Content-Type", r->content_type);
  res.set_header("Accept-Ranges", "bytes");
  res.set_header("ETag", r->etag());
  const std::string modified = http_date(r->uploaded_at);
  res.set_header("Last-Modified", modified);
  res.set_header("Cache-Control", "private, max-age=3600");
  res.file_path = path;
  res.file_slice = true;
  res.file_offset = 0;
  res.file_length = size;
  const std::string_view range = ctx.req.header("range");
  if (range.empty() || !http::if_range_holds(ctx.req.header("if-range"), r->etag(), modified)) return res;
  const auto asked = http::parse_range(range, size);
  if (asked.kind == http::RangeRequest::Kind::unsatisfiable) {
    Response refused;
    refused.status = 416;
    refused.set_header("Content-Range", http::unsatisfied_range(size));
    refused.set_header("Content-Type", "text/plain; charset=utf-8");
    refused.body = ctx.t("videos.range_unsatisfiable");
    return refused;
  }
  if (asked.kind == http::RangeRequest::Kind::part) {
    res.status = 206;
    res.set_header("Content-Range", http::content_range(asked.range, size));
    res.file_offset = asked.range.first;
    res.file_length = asked.range.length();
  }
  return res;
}

// POST event=play, or event=beat with from and to (milliseconds of the video): JSON back.
Response progress_submit(Context& ctx) {
  const auto r = watchable(ctx);
  if (!r) return web::not_found(ctx);
  if (ctx.form.get("event") == "play") {
    record_play(ctx.work(), r->id);
    return web::json(200, {{"ok", true}});
  }
  Status st;
  const auto from = web::read_number(ctx.form.trimmed("from"), "from", st);
  const auto to = web::read_number(ctx.form.trimmed("to"), "to", st);
  if (!from || !to) return web::error(ctx, st ? Status::invalid().field("from", "validation.required") : st);
  const CreditRule rule{ctx.services.config.recording_credit_percent, ctx.services.config.recording_credit_days};
  auto p = record_progress(ctx.work(), r->id, *from, *to, rule);
  if (!p) return web::error(ctx, p.status());
  return web::json(200, {{"percent", p->percent}, {"credited", p->credited}});
}

}  // namespace mdsc::videos::handlers
