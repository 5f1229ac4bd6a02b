#include "modules/videos/model.h"

namespace mdsc::videos {

using entity::Table, entity::field, entity::columns;

const entity::Table<Recording>& Recording::table() {
  using R = Recording;
  static const Table<R> t{
      "recordings",
      {field<&R::id>().key(),
       columns<&R::session_id, &R::course_id, &R::filename, &R::content_type, &R::size, &R::sha256, &R::duration_ms>(),
       field<&R::storage_key>().not_audited(), field<&R::uploaded_by>().nullable(), field<&R::uploaded_at>().instant(),
       field<&R::withdrawn_at>().nullable().instant(), field<&R::withdrawn_by>().nullable(),
       field<&R::withdraw_reason>(), field<&R::file_deleted_at>().nullable().instant()}};
  return t;
}

const entity::Table<View>& View::table() {
  using V = View;
  static const Table<V> t{
      "recording_views",
      {field<&V::id>().key(), columns<&V::recording_id, &V::user_id>(), field<&V::watched>().not_audited(),
       field<&V::watched_seconds>(), field<&V::first_played_at>().instant(),
       field<&V::last_beat_at>().instant().not_audited(), field<&V::credited_at>().nullable().instant()}};
  return t;
}

}  // namespace mdsc::videos
