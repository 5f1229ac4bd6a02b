// Calendar subscriptions against a real server: a trainee makes a feed from the page, a calendar
// application fetches it without logging in and a calendar parser (python3-icalendar) reads the
// trainee's sessions from it; revoking stops the URL; a trainee may not subscribe to a room; the
// API makes, lists and revokes feeds; the token never reaches the server's log.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <unistd.h>

#include "nlohmann/json.hpp"
#include "support/http_client.h"
#include "support/test_server.h"

namespace mdsc::testing {
namespace {

constexpr const char* kPw = "Kanazawa-seminar-2017-pw";

class FeedsHttp : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new TestServer();
    server_->add_user("clerk@example.org", {"secretariat"}, kPw);
    server_->add_user("trainee@example.org", {"trainee"}, kPw);
    clerk_token_ = server_->api_token("clerk@example.org");
    trainee_token_ = server_->api_token("trainee@example.org");
    // The published timetable is not made through the API yet: the rows are written directly.
    auto db = server_->open_db();
    db->write([](db::Conn& c) {
      trainee_id_ = c.scalar_i64("SELECT id FROM users WHERE email = 'trainee@example.org'");
      c.exec("UPDATE users SET family_name = '金沢', given_name = '太郎' WHERE id = ?", {trainee_id_});
      const auto instructor = c.insert(
          "INSERT INTO instructors (family_name, given_name, created_at, updated_at) VALUES ('田中', '博', 'x', 'x')");
      const auto course = c.insert(
          "INSERT INTO courses (fiscal_year, code, title_ja, category, kind, periods, time_band, created_at, updated_at) "
          "VALUES (2017, 'C1', '医療データ科学概論', 'common', 'lecture', 8, 'daytime', 'x', 'x')");
      const auto other = c.insert(
          "INSERT INTO courses (fiscal_year, code, title_ja, category, kind, periods, time_band, created_at, updated_at) "
          "VALUES (2017, 'C2', 'Python演習', 'common', 'practical', 8, 'daytime', 'x', 'x')");
      c.exec("INSERT INTO course_instructors (course_id, instructor_id) VALUES (?, ?)", {course, instructor});
      c.exec("INSERT INTO enrollments (course_id, user_id, status, created_at, enrolled_at, updated_at) "
             "VALUES (?, ?, 'enrolled', 1, 1, 1)",
             {course, trainee_id_});
      const auto term = c.insert(
          "INSERT INTO terms (fiscal_year, name, starts_on, ends_on, created_at, updated_at) "
          "VALUES (2017, '試行期間', '2017-12-01', '2018-02-28', 'x', 'x')");
      room_id_ = c.insert("INSERT INTO rooms (name, capacity, created_at, updated_at) VALUES ('第1講義室', 80, 'x', 'x')");
      const char* insert =
          "INSERT INTO course_sessions (term_id, course_id, day, band, position, starts_at, ends_at, room_id, status, sequence, "
          "created_at, updated_at) VALUES (?, ?, ?, 'daytime', 1, '09:00', '10:30', ?, ?, ?, 1, 2)";
      held_ = c.insert(insert, {term, course, "2017-12-04", room_id_, "scheduled", 0});
      cancelled_ = c.insert(insert, {term, course, "2017-12-05", room_id_, "cancelled", 1});
      c.insert(insert, {term, other, "2017-12-06", room_id_, "scheduled", 0});
    });
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  static std::int64_t feed_count() {
    auto db = server_->open_db();
    return db->read([](db::Conn& c) { return c.scalar_i64("SELECT COUNT(*) FROM calendar_feeds"); });
  }
  static HttpClient as(const char* email) {
    HttpClient c(server_->port());
    EXPECT_EQ(c.login(email, kPw), 303) << email;
    return c;
  }
  // The subscription URL shown once on the page after making a feed.
  static std::string shown_url(const std::string& html) {
    std::smatch m;
    static const std::regex re("id=\"feed-url\"[^>]*value=\"([^\"]+)\"");
    return std::regex_search(html, m, re) ? m[1].str() : "";
  }
  // The path of a URL on the server's base URL (http: the test server is not behind TLS).
  static std::string path_of(const std::string& url) {
    if (url.rfind("http://", 0) != 0) return "";
    const auto slash = url.find('/', 7);
    return slash == std::string::npos ? "" : url.substr(slash);
  }
  static std::string origin_of(const std::string& url) { return url.substr(0, url.size() - path_of(url).size()); }
  // What python3-icalendar reads from the feed: the calendar's name, then one line per event.
  static std::string parsed(const std::string& ics) {
    const auto dir = std::filesystem::path(make_temp_dir("ical"));
    std::ofstream(dir / "feed.ics", std::ios::binary) << ics;
    std::ofstream(dir / "read.py") << "import sys, icalendar\n"
                                      "cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())\n"
                                      "print(cal.get('X-WR-CALNAME'))\n"
                                      "for e in cal.walk('VEVENT'):\n"
                                      "    s = e.decoded('DTSTART')\n"
                                      "    print('|'.join([str(e['UID']), str(e['SUMMARY']), s.isoformat(),\n"
                                      "                    str(e['LOCATION']), str(e['STATUS']), str(e['SEQUENCE']), str(e['URL'])]))\n";
    FILE* p = ::popen(("/usr/bin/python3 " + (dir / "read.py").string() + " " + (dir / "feed.ics").string() + " 2>&1").c_str(), "r");
    if (!p) return "popen failed";
    std::string out;
    char buf[4096];
    for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, p)) > 0;) out.append(buf, n);
    const int status = ::pclose(p);
    return status == 0 ? out : "python failed: " + out;
  }

  static TestServer* server_;
  static std::string clerk_token_, trainee_token_;
  static std::int64_t trainee_id_, room_id_, held_, cancelled_;
};
TestServer* FeedsHttp::server_ = nullptr;
std::string FeedsHttp::clerk_token_, FeedsHttp::trainee_token_;
std::int64_t FeedsHttp::trainee_id_ = 0, FeedsHttp::room_id_ = 0, FeedsHttp::held_ = 0, FeedsHttp::cancelled_ = 0;

TEST_F(FeedsHttp, ATraineeSubscribesFromThePageAndACalendarParserReadsTheirSessions) {
  auto c = as("trainee@example.org");
  auto page = c.get("/calendar");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("name=\"kind\" value=\"trainee\""), std::string::npos);
  EXPECT_EQ(page.body.find("name=\"kind\" value=\"room\""), std::string::npos) << "no room feeds for a trainee";

  const auto nonce_at = page.body.find("name=\"form_nonce\" value=\"");
  ASSERT_NE(nonce_at, std::string::npos);
  const std::string nonce = page.body.substr(nonce_at + 26, page.body.find('"', nonce_at + 26) - nonce_at - 26);
  const auto feeds_before = feed_count();
  auto made = c.post_form("/calendar/feeds", {{"kind", "trainee"}, {"subject_id", std::to_string(trainee_id_)}, {"form_nonce", nonce}});
  ASSERT_EQ(made.status, 200) << made.body;
  EXPECT_EQ(made.header("cache-control"), "no-store");
  // Reloading that page sends the form again: no second feed, and a word on why.
  auto again = c.post_form("/calendar/feeds", {{"kind", "trainee"}, {"subject_id", std::to_string(trainee_id_)}, {"form_nonce", nonce}});
  EXPECT_EQ(again.status, 409);
  EXPECT_NE(again.body.find("すでに作成しました"), std::string::npos);
  EXPECT_EQ(feed_count(), feeds_before + 1);
  const std::string url = shown_url(made.body);
  const std::string path = path_of(url);
  ASSERT_EQ(path.rfind("/ical/", 0), 0u) << url;
  ASSERT_EQ(path.substr(path.size() - 4), ".ics");
  const std::string token = path.substr(6, path.size() - 10);
  const std::string base = origin_of(url);
  EXPECT_NE(made.body.find("webcal://" + base.substr(7) + path), std::string::npos);
  EXPECT_EQ(c.get("/calendar").body.find(token), std::string::npos) << "the URL is shown once";

  HttpClient app(server_->port());  // a calendar application: no cookie
  auto feed = app.get(path);
  ASSERT_EQ(feed.status, 200) << feed.body;
  EXPECT_EQ(feed.header("content-type"), "text/calendar; charset=utf-8");
  EXPECT_EQ(feed.header("cache-control").find("public"), std::string::npos);
  EXPECT_EQ(parsed(feed.body),
            "mdsc: 金沢 太郎\n"
            "session-" + std::to_string(held_) + "@mdsc|医療データ科学概論|2017-12-04T09:00:00+09:00|第1講義室|CONFIRMED|0|" +
                base + "/sessions/" + std::to_string(held_) + "\n" +
            "session-" + std::to_string(cancelled_) + "@mdsc|医療データ科学概論|2017-12-05T09:00:00+09:00|第1講義室|CANCELLED|1|" +
                base + "/sessions/" + std::to_string(cancelled_) + "\n")
      << feed.body;
  EXPECT_EQ(server_->log().find(token), std::string::npos) << "the token is a secret: not in the log";

  // Revoked from the page: the URL stops at once.
  auto listed = c.get("/calendar");
  std::smatch m;
  const std::regex revoke_re("action=\"(/calendar/feeds/[0-9]+/revoke)\"");
  ASSERT_TRUE(std::regex_search(listed.body, m, revoke_re)) << listed.body;
  auto revoked = c.post_form(m[1].str(), {});
  EXPECT_EQ(revoked.status, 303);
  EXPECT_EQ(app.get(path).status, 404);
  EXPECT_EQ(app.get("/ical/not-a-token.ics").status, 404);
  EXPECT_EQ(app.get("/ical/" + token).status, 404) << "without .ics";
}

TEST_F(FeedsHttp, ATraineeMayNotSubscribeToARoomNorWithoutTheCsrfToken) {
  auto c = as("trainee@example.org");
  c.get("/calendar");
  EXPECT_EQ(c.post_form("/calendar/feeds", {{"kind", "room"}, {"subject_id", std::to_string(room_id_)}}).status, 403);
  EXPECT_EQ(c.post_form("/calendar/feeds", {{"kind", "trainee"}, {"subject_id", std::to_string(trainee_id_)}}, false).status,
            403);
  auto api = HttpClient(server_->port()).send_json(
      "POST", "/api/v1/calendar-feeds", nlohmann::json{{"kind", "room"}, {"subject_id", room_id_}}.dump(), trainee_token_);
  EXPECT_EQ(api.status, 403) << api.body;
  EXPECT_EQ(HttpClient(server_->port()).get("/calendar").status, 303) << "the page needs a login";
}

TEST_F(FeedsHttp, TheSecretariatChoosesAnyCourseRoomInstructorOrTraineeAndSeesEveryActiveFeed) {
  auto c = as("clerk@example.org");
  auto page = c.get("/calendar");
  ASSERT_EQ(page.status, 200);
  for (const char* kind : {"course", "room", "instructor", "trainee"})
    EXPECT_NE(page.body.find(std::string("id=\"feed-subject-") + kind + "\""), std::string::npos) << kind;
  EXPECT_NE(page.body.find("第1講義室"), std::string::npos);
  EXPECT_NE(page.body.find("田中 博"), std::string::npos);
  auto made = c.post_form("/calendar/feeds", {{"kind", "room"}, {"subject_id", std::to_string(room_id_)}});
  ASSERT_EQ(made.status, 200) << made.body;
  EXPECT_EQ(path_of(shown_url(made.body)).rfind("/ical/", 0), 0u);
  auto missing = c.post_form("/calendar/feeds", {{"kind", "room"}, {"subject_id", "999999"}});
  EXPECT_EQ(missing.status, 422);
  EXPECT_NE(missing.body.find("error-summary"), std::string::npos);
}

TEST_F(FeedsHttp, TheApiMakesListsAndRevokesFeeds) {
  HttpClient c(server_->port());
  auto made = c.send_json("POST", "/api/v1/calendar-feeds", nlohmann::json{{"kind", "room"}, {"subject_id", room_id_}}.dump(),
                          clerk_token_);
  ASSERT_EQ(made.status, 201) << made.body;
  auto j = nlohmann::json::parse(made.body);
  const std::int64_t id = j["id"];
  const std::string path = path_of(j["url"].get<std::string>());
  ASSERT_EQ(path.rfind("/ical/", 0), 0u) << made.body;
  EXPECT_EQ(j["subject_name"], "第1講義室");
  auto feed = c.get(path);
  ASSERT_EQ(feed.status, 200);
  EXPECT_NE(feed.body.find("X-WR-CALNAME:mdsc: 第1講義室"), std::string::npos);
  EXPECT_NE(feed.body.find("SUMMARY:Python演習"), std::string::npos) << "a room's feed holds every course in it";

  auto list = c.get("/api/v1/calendar-feeds", {{"Authorization", "Bearer " + clerk_token_}});
  ASSERT_EQ(list.status, 200);
  auto items = nlohmann::json::parse(list.body)["items"];
  ASSERT_FALSE(items.empty());
  EXPECT_EQ(items[0]["id"], id);
  EXPECT_FALSE(items[0].contains("token"));
  const auto theirs = nlohmann::json::parse(c.get("/api/v1/calendar-feeds", {{"Authorization", "Bearer " + trainee_token_}}).body);
  for (const auto& f : theirs["items"]) EXPECT_NE(f["id"], id) << "a trainee sees only their own";

  EXPECT_EQ(c.send_json("DELETE", "/api/v1/calendar-feeds/" + std::to_string(id), "", trainee_token_).status, 404);
  EXPECT_EQ(c.get(path).status, 200);
  EXPECT_EQ(c.send_json("DELETE", "/api/v1/calendar-feeds/" + std::to_string(id), "", clerk_token_).status, 200);
  EXPECT_EQ(c.get(path).status, 404);

  auto bad = c.send_json("POST", "/api/v1/calendar-feeds", R"({"kind":"building","subject_id":1})", clerk_token_);
  EXPECT_EQ(bad.status, 422) << bad.body;
}

}  // namespace
}  // namespace mdsc::testing
