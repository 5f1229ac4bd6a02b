#include "app/demo_recordings.h"

#include <filesystem>
#include <fstream>

#include "app/demo.h"
#include "app/demo_attendance.h"
#include "app/demo_support.h"
#include "core/crypto.h"
#include "core/media_probe.h"
#include "core/resources.h"
#include "modules/videos/operations.h"
#include "modules/videos/storage.h"
#include "platform/work.h"

namespace mdsc::app {

void load_demo_recording(db::Database& db, const DemoCurriculum& curriculum, const std::string& data_dir) {
  const auto clip = resources::read("data/demo/lecture-clip.webm");
  if (data_dir.empty() || !clip) return;
  const auto course = most_held_course(db, curriculum);
  const auto held = held_sessions(db, course);
  const timetable::Session* lecture = nullptr;
  for (const auto& s : held)
    if (!s.confidential) lecture = &s;
  if (!lecture) return;

  std::filesystem::create_directories(data_dir + "/tmp");
  const std::string upload = data_dir + "/tmp/demo-upload-" + crypto::random_token(8);
  std::ofstream(upload, std::ios::binary) << *clip;
  const auto probed = media::probe(upload);
  if (!probed) throw std::runtime_error("the demo clip is not a video");
  videos::Upload u;
  u.session_id = lecture->id;
  u.filename = "lecture-" + lecture->day + ".webm";
  u.content_type = probed->content_type;
  u.duration_ms = probed->duration_ms;
  u.size = static_cast<std::int64_t>(clip->size());
  u.sha256 = videos::storage::sha256_of(upload);
  u.storage_key = videos::storage::keep(data_dir, upload, u.content_type);

  const std::int64_t secretariat = db.read(
      [](db::Conn& c) { return c.scalar_i64("SELECT id FROM users WHERE email = 'secretariat@mdsc.example'"); });
  const audit::Actor office{secretariat, "user:" + std::to_string(secretariat), ""};
  const auto id = demo::must(write_unit(db, Who{office, lecture->end_unix() + 3 * 3600, kDemoSite},
                                        [&](Work& w) { return videos::add_recording(w, u); }),
                             "recording");
  const std::int64_t trainee =
      db.read([](db::Conn& c) { return c.scalar_i64("SELECT id FROM users WHERE email = 'trainee@mdsc.example'"); });
  const audit::Actor viewer{trainee, "user:" + std::to_string(trainee), ""};
  write_unit(db, Who{viewer, lecture->end_unix() + 8 * 3600, kDemoSite}, [&](Work& w) { videos::record_play(w, id); });
}

}  // namespace mdsc::app
