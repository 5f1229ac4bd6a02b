#pragma once
// The demo's lecture recording: the generated clip (data/demo/lecture-clip.webm, 12 s) as the
// recording of the last lecture held by the demo trainee's busiest course, uploaded by the
// secretariat that afternoon; the demo trainee started watching it.
#include <string>

#include "app/demo_curriculum.h"
#include "db/database.h"

namespace mdsc::app {

// data_dir: where `mdsc serve` will find the file ("" loads no recording).
void load_demo_recording(db::Database& db, const DemoCurriculum& curriculum, const std::string& data_dir);

}  // namespace mdsc::app
