#pragma once
// The page of one record, on a route whose {id} names it.
#include "core/result.h"
#include "http/message.h"
#include "web/context.h"
#include "web/render.h"

namespace mdsc::web {

// A GET of a record's page: find(ctx, id) with the route's {id}, then show(ctx, record,
// Status::ok(), 200), its form not yet submitted. A 404 when find gives nothing, which it does for
// a record the user may not see as well as for one that is not there.
template <typename Find, typename Show>
http::Response record_page(Context& ctx, Find&& find, Show&& show) {
  auto record = find(ctx, ctx.id_param("id"));
  if (!record) return not_found(ctx);
  return show(ctx, *record, Status::ok(), 200);
}

}  // namespace mdsc::web
