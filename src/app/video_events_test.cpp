// A course made confidential loses its recordings, in the change's transaction, as the app wires
// the modules (app/modules.cpp). On both databases.
#include <gtest/gtest.h>

#include "app/modules.h"
#include "modules/curriculum/operations.h"
#include "modules/videos/operations.h"
#include "platform/work.h"
#include "support/admissions_fixture.h"
#include "support/test_db.h"
#include "support/tokyo.h"
#include "support/units.h"

namespace mdsc::app {
namespace {

TEST(RecordingsOnConfidentiality, ACourseMadeConfidentialWithdrawsItsRecordings) {
  auto db = testing::fresh_database();
  std::int64_t clerk = 0, course = 0, session = 0;
  db->write([&](db::Conn& c) {
    clerk = testing::insert_clerk(c);
    course = testing::insert_course(c, "C-L1", "システム医学概論");
    session = testing::insert_session(c, testing::insert_term(c), course, "2017-12-04");
  });
  const Who who{testing::user_actor(clerk), testing::tokyo("2017-12-04", "12:00:00"), "http://x", &module_events()};
  auto rec = write_unit(*db, who, [&](Work& w) {
    return videos::add_recording(w, {session, "a.webm", "video/webm", std::string(64, 'a'), "k.webm", 10, 60000});
  });
  ASSERT_TRUE(rec) << rec.status().message_id();
  Status st = write_unit(*db, who, [&](Work& w) {
    return curriculum::update_course(w, course, [](curriculum::Course& c) {
      c.confidential_by_default = true;
      return Status::ok();
    }, std::nullopt);
  });
  ASSERT_TRUE(st) << st.message_id();
  EXPECT_EQ(db->read([](db::Conn& c) {
              return c.scalar_i64("SELECT COUNT(*) FROM recordings WHERE withdrawn_at IS NOT NULL "
                                  "AND withdraw_reason = 'confidential'");
            }),
            1);
}

}  // namespace
}  // namespace mdsc::app
