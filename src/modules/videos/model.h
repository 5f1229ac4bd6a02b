#pragma once
// A session's recording and a trainee's watching of it. Fields are described once in model.cpp.
#include <cstdint>
#include <string>

#include "platform/entity.h"

namespace mdsc::videos {

struct Recording {
  std::int64_t id = 0;
  std::int64_t session_id = 0;
  std::int64_t course_id = 0;
  std::string filename;
  std::string content_type;
  std::int64_t size = 0;
  std::string sha256;
  std::int64_t duration_ms = 0;
  std::string storage_key;
  std::int64_t uploaded_by = 0;
  std::int64_t uploaded_at = 0;
  std::int64_t withdrawn_at = 0;
  std::int64_t withdrawn_by = 0;
  std::string withdraw_reason;
  std::int64_t file_deleted_at = 0;

  bool withdrawn() const { return withdrawn_at != 0; }
  // A strong validator of the bytes, for ETag and If-Range.
  std::string etag() const { return "\"sha256-" + sha256 + "\""; }

  static const entity::Table<Recording>& table();  // its fields, described once
};

struct View {
  std::int64_t id = 0;
  std::int64_t recording_id = 0;
  std::int64_t user_id = 0;
  std::string watched;  // Coverage::stored()
  std::int64_t watched_seconds = 0;
  std::int64_t first_played_at = 0;
  std::int64_t last_beat_at = 0;
  std::int64_t credited_at = 0;

  static const entity::Table<View>& table();  // its fields, described once
};

}  // namespace mdsc::videos
