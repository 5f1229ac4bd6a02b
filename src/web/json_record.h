#pragma once
// The API's answers about one record: the record asked for, or the record a write made or changed.
#include <cstdint>
#include <optional>

#include "core/result.h"
#include "http/message.h"
#include "web/context.h"
#include "web/render.h"

namespace mdsc::web {

// 200 with json_of(record), or 404 when there is no record (or none the user may see).
template <typename Record, typename JsonOf>
http::Response json_found(Context& ctx, const std::optional<Record>& record, JsonOf&& json_of) {
  if (!record) return not_found(ctx);
  return json(200, json_of(*record));
}

// After a write: its failure in the API's error format, else the record as it now stands, read back
// with json_of(ctx, id).
//
// 201 with the record the write made (`made` holds its new id).
template <typename JsonOf>
http::Response created(Context& ctx, const Result<std::int64_t>& made, JsonOf&& json_of) {
  if (!made) return error(ctx, made.status());
  return json(201, json_of(ctx, made.value()));
}

// 200 with record `id`, which the write `done` changed.
template <typename JsonOf>
http::Response changed(Context& ctx, const Status& done, std::int64_t id, JsonOf&& json_of) {
  if (!done) return error(ctx, done);
  return json(200, json_of(ctx, id));
}

}  // namespace mdsc::web
