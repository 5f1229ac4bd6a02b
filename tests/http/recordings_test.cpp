// Recordings against a real server: the secretariat uploads the demo clip for a session; a
// confidential session refuses it with the reason and offers no player; a file that is no video is
// refused; the video plays in ranges (first byte, open range, suffix, unsatisfiable → 416, If-Range
// with another tag → all of it) for an enrolled trainee, and is not found for anyone else; the
// playback start is logged.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "nlohmann/json.hpp"
#include "support/admissions_fixture.h"
#include "support/http_client.h"
#include "support/test_server.h"

namespace mdsc::testing {
namespace {

std::string clip() {
  std::ifstream in(std::string(MDSC_SOURCE_DIR) + "/data/demo/lecture-clip.webm", std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

class RecordingsHttp : public ::testing::Test {
 protected:
  void SetUp() override {
    clerk_password_ = server_.add_user("clerk@example.org", {"secretariat"});
    taro_password_ = server_.add_user("taro@example.org", {"trainee"});
    other_password_ = server_.add_user("other@example.org", {"trainee"});
    server_.open_db()->write([&](db::Conn& c) {
      const auto course = insert_course(c, "C-L1", "システム医学概論");
      const auto secret = insert_course(c, "C-P9", "臨床事例演習");
      c.exec("UPDATE courses SET confidential_by_default = 1 WHERE id = ?", {secret});
      enroll(c, course, c.scalar_i64("SELECT id FROM users WHERE email = 'taro@example.org'"));
      const auto term = insert_term(c);
      session_ = std::to_string(insert_session(c, term, course, "2017-12-04"));
      secret_session_ = std::to_string(insert_session(c, term, secret, "2017-12-05"));
    });
  }
  std::int64_t count(const char* sql) {
    return server_.open_db()->read([&](db::Conn& c) { return c.scalar_i64(sql); });
  }

  TestServer server_;
  std::string clerk_password_, taro_password_, other_password_, session_, secret_session_;
};

TEST_F(RecordingsHttp, UploadedThenPlayedInRanges) {
  HttpClient clerk(server_.port());
  ASSERT_EQ(clerk.login("clerk@example.org", clerk_password_), 303);
  clerk.get("/sessions/" + session_ + "/recording");
  auto text = clerk.post_file("/sessions/" + session_ + "/recording", "file", "notes.txt", "not a video at all");
  EXPECT_EQ(text.status, 422);
  EXPECT_NE(text.body.find("MP4 または WebM の動画ファイルではありません"), std::string::npos);
  const std::string video = clip();
  auto up = clerk.post_file("/sessions/" + session_ + "/recording", "file", "lecture.webm", video);
  ASSERT_EQ(up.status, 303) << up.body;
  EXPECT_EQ(count("SELECT COUNT(*) FROM recordings"), 1);
  const std::string id = std::to_string(count("SELECT id FROM recordings"));
  EXPECT_EQ(count("SELECT duration_ms / 1000 FROM recordings"), 12);

  HttpClient taro(server_.port());
  ASSERT_EQ(taro.login("taro@example.org", taro_password_), 303);
  auto player = taro.get("/recordings/" + id);
  ASSERT_EQ(player.status, 200);
  EXPECT_NE(player.body.find("<video"), std::string::npos);
  const std::string src = "/recordings/" + id + "/video";
  const std::string size = std::to_string(video.size());

  auto whole = taro.get(src);
  EXPECT_EQ(whole.status, 200);
  EXPECT_EQ(whole.body, video);
  EXPECT_EQ(whole.header("accept-ranges"), "bytes");
  const std::string etag = whole.header("etag");
  ASSERT_FALSE(etag.empty());

  auto first = taro.get(src, {{"Range", "bytes=0-0"}});
  EXPECT_EQ(first.status, 206);
  EXPECT_EQ(first.header("content-range"), "bytes 0-0/" + size);
  EXPECT_EQ(first.body, video.substr(0, 1));
  auto open = taro.get(src, {{"Range", "bytes=1000-"}});
  EXPECT_EQ(open.status, 206);
  EXPECT_EQ(open.body, video.substr(1000));
  auto suffix = taro.get(src, {{"Range", "bytes=-500"}});
  EXPECT_EQ(suffix.status, 206);
  EXPECT_EQ(suffix.header("content-range"),
            "bytes " + std::to_string(video.size() - 500) + "-" + std::to_string(video.size() - 1) + "/" + size);
  EXPECT_EQ(suffix.body, video.substr(video.size() - 500));
  auto beyond = taro.get(src, {{"Range", "bytes=" + size + "-"}});
  EXPECT_EQ(beyond.status, 416);
  EXPECT_EQ(beyond.header("content-range"), "bytes */" + size);
  auto same = taro.get(src, {{"Range", "bytes=0-9"}, {"If-Range", etag}});
  EXPECT_EQ(same.status, 206);
  auto changed = taro.get(src, {{"Range", "bytes=0-9"}, {"If-Range", "\"sha256-other\""}});
  EXPECT_EQ(changed.status, 200) << "the client's copy is another version: all of it";
  EXPECT_EQ(changed.body.size(), video.size());

  EXPECT_EQ(taro.post_form("/recordings/" + id + "/progress", {{"event", "play"}}).status, 200);
  EXPECT_EQ(count("SELECT COUNT(*) FROM recording_plays"), 1);

  HttpClient other(server_.port());
  ASSERT_EQ(other.login("other@example.org", other_password_), 303);
  EXPECT_EQ(other.get(src, {{"Range", "bytes=0-0"}}).status, 404) << "not enrolled in the course";
  EXPECT_EQ(other.get("/recordings/" + id).status, 404);
}

TEST_F(RecordingsHttp, AConfidentialSessionRefusesTheUploadAndOffersNoPlayer) {
  HttpClient clerk(server_.port());
  ASSERT_EQ(clerk.login("clerk@example.org", clerk_password_), 303);
  auto page = clerk.get("/sessions/" + secret_session_ + "/recording");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("id=\"not-recorded\""), std::string::npos);
  EXPECT_EQ(page.body.find("type=\"file\""), std::string::npos) << "no upload form";
  auto refused = clerk.post_file("/sessions/" + secret_session_ + "/recording", "file", "lecture.webm", clip());
  EXPECT_EQ(refused.status, 409);
  EXPECT_NE(refused.body.find("機密の回のため、録画はアップロードできません"), std::string::npos);
  EXPECT_EQ(count("SELECT COUNT(*) FROM recordings"), 0);
  EXPECT_EQ(page.body.find("<video"), std::string::npos);

  const auto token = server_.api_token("clerk@example.org");
  auto api = clerk.request("POST", "/api/v1/recordings?session_id=" + session_, clip(),
                           {{"Content-Type", "video/webm"}, {"Authorization", "Bearer " + token}});
  EXPECT_EQ(api.status, 201) << api.body;
  EXPECT_EQ(nlohmann::json::parse(api.body)["content_type"], "video/webm");
}

}  // namespace
}  // namespace mdsc::testing
