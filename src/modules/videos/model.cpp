#include "modules/videos/model.h"

namespace mdsc {

using entity::Table;
using entity::field;

using videos::Recording;
using videos::View;

const entity::Table<Recording>& Recording::table() {
  using R = Recording;
  static const Table<R> t{"recordings",
                          {field("id", &R::id).key(),
                           field("session_id", &R::session_id),
                           field("course_id", &R::course_id),
                           field("filename", &R::filename),
                           field("content_type", &R::content_type),
                           field("size", &R::size),
                           field("sha256", &R::sha256),
                           field("duration_ms", &R::duration_ms),
                           field("storage_key", &R::storage_key).not_audited(),
                           field("uploaded_by", &R::uploaded_by).nullable(),
                           field("uploaded_at", &R::uploaded_at).instant(),
                           field("withdrawn_at", &R::withdrawn_at).nullable().instant(),
                           field("withdrawn_by", &R::withdrawn_by).nullable(),
                           field("withdraw_reason", &R::withdraw_reason),
                           field("file_deleted_at", &R::file_deleted_at).nullable().instant()}};
  return t;
}

const entity::Table<View>& View::table() {
  using V = View;
  static const Table<V> t{"recording_views",
                          {field("id", &V::id).key(),
                           field("recording_id", &V::recording_id),
                           field("user_id", &V::user_id),
                           field("watched", &V::watched).not_audited(),
                           field("watched_seconds", &V::watched_seconds),
                           field("first_played_at", &V::first_played_at).instant(),
                           field("last_beat_at", &V::last_beat_at).instant().not_audited(),
                           field("credited_at", &V::credited_at).nullable().instant()}};
  return t;
}

}  // namespace mdsc
