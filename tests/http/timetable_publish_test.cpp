// Editing and publishing the FY2017 demo timetable against a real server: moves that break a
// rule are refused with the reason, publishing makes dated sessions with the course's
// confidentiality, a later move raises the session's SEQUENCE and mails the trainees concerned,
// publishing again keeps the sessions' ids, and trainees see only their own courses' sessions.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <vector>

#include "nlohmann/json.hpp"
#include "support/http_client.h"
#include "support/outbox.h"
#include "support/test_server.h"
#include "support/wait.h"

namespace mdsc::testing {
namespace {

using nlohmann::json;

class Publish : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new TestServer();
    auto r = server_->cli({"init", "--demo"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    passwords_ = demo_passwords(server_->dir());
    // The demo comes with its timetable published and a newer draft (issue 9): these tests
    // generate and publish the term from the start (and the demo's attendance and exams go).
    exec("DELETE FROM attendance");
    exec("DELETE FROM exam_results");
    exec("DELETE FROM exams");
    exec("DELETE FROM timetable_sessions");
    exec("DELETE FROM recording_plays");
    exec("DELETE FROM recording_views");
    exec("DELETE FROM recordings");
    exec("DELETE FROM course_sessions");
    exec("DELETE FROM timetable_runs");
    clerk_ = token("secretariat@mdsc.example");
    trainee_token_ = token("trainee@mdsc.example");
    term_ = scalar("SELECT id FROM terms WHERE fiscal_year = 2017");
    ASSERT_GT(term_, 0);
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  static std::string token(const std::string& email) { return server_->api_token(email); }
  static std::int64_t scalar(const std::string& sql, const db::Params& p = {}) {
    auto db = server_->open_db();
    return db->read([&](db::Conn& c) { return c.scalar_i64(sql, p); });
  }
  static void exec(const std::string& sql, const db::Params& p = {}) {
    auto db = server_->open_db();
    db->write([&](db::Conn& c) { return c.exec(sql, p); });
  }
  static json api(const std::string& method, const std::string& path, const std::string& body = "",
                  int expect = 200, const std::string& tok = clerk_) {
    HttpClient c(server_->port());
    auto r = method == "GET" ? c.get(path, {{"Authorization", "Bearer " + tok}}) : c.send_json(method, path, body, tok);
    EXPECT_EQ(r.status, expect) << method << " " << path << " " << body << " -> " << r.body;
    return r.body.empty() ? json() : json::parse(r.body);
  }
  // Generates a draft of the demo term and waits for it (the solver's budget bounds the wait).
  static json generate(int seed) {
    auto start = api("POST", "/api/v1/timetables", json{{"term_id", term_}, {"seed", seed}, {"seconds", 3}}.dump(), 202);
    const std::int64_t run = start["id"];
    json j;
    // The solver's budget ends the run; the wait's deadline only bounds a hang.
    wait_until([&] {
      j = api("GET", "/api/v1/timetables/" + std::to_string(run));
      return !j.is_object() || j["status"] != "running";
    });
    EXPECT_EQ(j["status"], "done") << j.dump();
    return j;
  }
  static std::pair<int, json> call(const std::string& method, const std::string& path, const std::string& body) {
    HttpClient c(server_->port());
    auto r = c.send_json(method, path, body, clerk_);
    return {r.status, r.body.empty() ? json() : json::parse(r.body)};
  }
  // The teaching days and periods of `band`, on the weekdays of `course`'s sessions, where the
  // timetable has nothing at all.
  static std::vector<std::pair<std::string, int>> free_slots(const json& sessions, const std::string& band,
                                                             std::int64_t course) {
    auto term = api("GET", "/api/v1/terms/" + std::to_string(term_));
    std::set<std::string> taken, course_days;
    for (const auto& s : sessions) {
      taken.insert(s["date"].get<std::string>() + s["band"].get<std::string>() + std::to_string(s["period"].get<int>()));
      if (s["course_id"] == course) course_days.insert(s["date"]);
    }
    std::set<int> weekdays;
    for (const auto& d : term["days"])
      if (course_days.count(d["date"])) weekdays.insert(d["weekday"].get<int>());
    std::vector<std::pair<std::string, int>> out;
    for (const auto& d : term["days"]) {
      if (d["status"] != "teaching" || !weekdays.count(d["weekday"].get<int>())) continue;
      for (const auto& p : term["periods"])
        if (p["band"] == band && !taken.count(d["date"].get<std::string>() + band + std::to_string(p["position"].get<int>())))
          out.emplace_back(d["date"], p["position"]);
    }
    return out;
  }
  // Moves to the first free slot the move is accepted at (an instructor may be away on some).
  static std::pair<std::string, int> move_to_free(const std::string& path, const json& sessions, const std::string& band,
                                                  std::int64_t course, const std::string& avoid_day, json extra = json::object()) {
    for (const auto& [day, period] : free_slots(sessions, band, course)) {
      if (day == avoid_day) continue;
      json body = extra;
      body["date"] = day;
      body["period"] = period;
      auto [status, j] = call("PATCH", path, body.dump());
      if (status == 200) return {day, period};
      EXPECT_EQ(status, 409) << j.dump();
    }
    ADD_FAILURE() << "no free " << band << " slot accepted the move";
    return {};
  }
  static TestServer* server_;
  static std::map<std::string, std::string> passwords_;
  static std::string clerk_, trainee_token_;
  static std::int64_t term_;
};
TestServer* Publish::server_ = nullptr;
std::map<std::string, std::string> Publish::passwords_;
std::string Publish::clerk_, Publish::trainee_token_;
std::int64_t Publish::term_ = 0;

TEST_F(Publish, MovesAreCheckedPublishingMakesSessionsAndLaterChangesAreMailed) {
  json draft = generate(1);
  const std::int64_t run = draft["id"];
  ASSERT_FALSE(draft["sessions"].empty());

  // A session of a course the demo trainee takes, taught by an instructor.
  const std::int64_t trainee = scalar("SELECT id FROM users WHERE email = 'trainee@mdsc.example'");
  json moving;
  for (const auto& s : draft["sessions"])
    if (scalar("SELECT COUNT(*) FROM enrollments WHERE course_id = ? AND user_id = ? AND status = 'enrolled'",
               {s["course_id"].get<std::int64_t>(), trainee}) > 0 &&
        scalar("SELECT COUNT(*) FROM course_instructors WHERE course_id = ?", {s["course_id"].get<std::int64_t>()}) > 0) {
      moving = s;
      break;
    }
  ASSERT_FALSE(moving.is_null()) << "the demo trainee takes a course with an instructor";
  const std::int64_t course = moving["course_id"];
  const std::string band = moving["band"];
  const std::string draft_path = "/api/v1/timetables/" + std::to_string(run) + "/sessions/" + std::to_string(moving["id"].get<std::int64_t>());

  // Onto a national holiday: refused, naming it.
  auto holiday = api("PATCH", draft_path, json{{"date", "2018-01-08"}}.dump(), 409);
  EXPECT_NE(holiday.dump().find("成人の日"), std::string::npos) << holiday.dump();
  // Onto a day the instructor cannot come: refused with the instructor's reason.
  const auto candidates = free_slots(draft["sessions"], band, course);
  ASSERT_FALSE(candidates.empty());
  const auto [free_day, free_period] = candidates.front();
  const std::int64_t instructor = scalar("SELECT MIN(instructor_id) FROM course_instructors WHERE course_id = ?", {course});
  exec("INSERT INTO instructor_unavailability (instructor_id, day, strength, reason, created_at) VALUES (?, ?, 'unavailable', '学会出張', 0)",
       {instructor, free_day});
  auto away = api("PATCH", draft_path, json{{"date", free_day}, {"period", free_period}}.dump(), 409);
  EXPECT_NE(away.dump().find("学会出張"), std::string::npos) << away.dump();
  // Into the other band: refused.
  auto other_band = api("PATCH", draft_path, json{{"band", band == "daytime" ? "evening" : "daytime"}, {"period", 1}}.dump(), 409);
  EXPECT_FALSE(other_band["error"]["clashes"].empty());
  // Nothing moved.
  auto unchanged = api("GET", "/api/v1/timetables/" + std::to_string(run));
  for (const auto& s : unchanged["sessions"])
    if (s["id"] == moving["id"]) {
      EXPECT_EQ(s["date"], moving["date"]);
    }
  // Into an empty period of the band on a day the instructor can come: done, and pinned.
  const auto [ok_day, ok_period] = move_to_free(draft_path, draft["sessions"], band, course, free_day, {{"pinned", true}});
  auto moved_draft = api("GET", "/api/v1/timetables/" + std::to_string(run));
  for (const auto& s : moved_draft["sessions"])
    if (s["id"] == moving["id"]) {
      EXPECT_EQ(s["date"], ok_day);
      EXPECT_EQ(s["pinned"], true);
    }

  // Publishing: one dated session per draft session, with the course's confidentiality.
  auto published = api("POST", "/api/v1/timetables/" + std::to_string(run) + "/publish", "{}", 200);
  EXPECT_EQ(published["added"], draft["sessions"].size());
  EXPECT_EQ(published["mails"], 0) << "a first publication changes nobody's published sessions";
  auto all = api("GET", "/api/v1/sessions?term_id=" + std::to_string(term_));
  ASSERT_EQ(all["items"].size(), draft["sessions"].size());
  for (const auto& s : all["items"]) {
    EXPECT_EQ(s["sequence"], 0);
    EXPECT_EQ(s["confidential"].get<bool>(),
              scalar("SELECT confidential_by_default FROM courses WHERE id = ?", {s["course_id"].get<std::int64_t>()}) == 1);
    EXPECT_FALSE(s["starts_at"].get<std::string>().empty());
  }
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM course_sessions WHERE day = ? AND course_id = ? AND pinned = 1", {ok_day, course}), 1);
  // The published draft is history now: changes go to the published sessions.
  auto late = api("PATCH", draft_path, json{{"pinned", false}}.dump(), 409);
  EXPECT_NE(late.dump().find("公開済み"), std::string::npos) << late.dump();

  // A trainee reads the sessions of their own courses only, whatever they ask for.
  auto mine = api("GET", "/api/v1/sessions?term_id=" + std::to_string(term_), "", 200, trainee_token_);
  const std::int64_t expected = scalar(
      "SELECT COUNT(*) FROM course_sessions s WHERE s.course_id IN (SELECT course_id FROM enrollments WHERE user_id = ? AND status = 'enrolled')",
      {trainee});
  EXPECT_EQ(static_cast<std::int64_t>(mine["items"].size()), expected);
  EXPECT_LT(mine["items"].size(), all["items"].size());

  // Moving a published session: SEQUENCE up, and the trainee is told by mail.
  std::int64_t sid = 0;
  for (const auto& s : mine["items"])
    if (s["course_id"] == course) sid = s["id"];
  ASSERT_GT(sid, 0);
  const auto [later_day, later_period] = move_to_free("/api/v1/sessions/" + std::to_string(sid), all["items"], band, course, free_day);
  auto session = api("GET", "/api/v1/sessions/" + std::to_string(sid));
  EXPECT_EQ(session["date"], later_day);
  EXPECT_EQ(session["sequence"], 1);
  // The trainee's mail about the move (they have others, such as their acceptance).
  std::string told;
  wait_until([&] {
    for (const auto& m : outbox_mails(server_->outbox_dir(), "To: trainee@mdsc.example", 1))
      if (m.find("/sessions/" + std::to_string(sid)) != std::string::npos) told = m;
    return !told.empty();
  });
  ASSERT_FALSE(told.empty()) << "no mail to the trainee about the move";
  EXPECT_NE(told.find(later_day), std::string::npos) << told;
  // And refused onto the instructor's day away, leaving it where it is.
  api("PATCH", "/api/v1/sessions/" + std::to_string(sid), json{{"date", free_day}, {"period", free_period}}.dump(), 409);
  EXPECT_EQ(api("GET", "/api/v1/sessions/" + std::to_string(sid))["sequence"], 1);
  EXPECT_GT(scalar("SELECT COUNT(*) FROM audit_log WHERE entity = 'session' AND entity_id = ?", {std::to_string(sid)}), 0);

  // Publishing a new draft keeps every session's id (calendars update instead of duplicating).
  std::set<std::int64_t> ids;
  for (const auto& s : all["items"]) ids.insert(s["id"].get<std::int64_t>());
  json second = generate(2);
  // The pinned session stays where it was put.
  auto pinned = api("GET", "/api/v1/sessions?term_id=" + std::to_string(term_));
  int pins = 0;
  for (const auto& p : pinned["items"]) {
    if (!p["pinned"].get<bool>()) continue;
    ++pins;
    bool kept = false;
    for (const auto& s : second["sessions"])
      kept = kept || (s["course_id"] == p["course_id"] && s["date"] == p["date"] && s["period"] == p["period"] &&
                      s["room_id"] == p["room_id"] && s["pinned"] == true);
    EXPECT_TRUE(kept) << p.dump() << " was pinned but the new draft moved it";
  }
  EXPECT_EQ(pins, 1);
  auto again = api("POST", "/api/v1/timetables/" + std::to_string(second["id"].get<std::int64_t>()) + "/publish", "{}", 200);
  EXPECT_EQ(again["added"], 0);
  EXPECT_EQ(again["cancelled"], 0);
  EXPECT_EQ(again["moved"].get<int>() + again["unchanged"].get<int>(), static_cast<int>(ids.size()));
  auto republished = api("GET", "/api/v1/sessions?term_id=" + std::to_string(term_));
  std::set<std::int64_t> ids_after;
  for (const auto& s : republished["items"]) ids_after.insert(s["id"].get<std::int64_t>());
  EXPECT_EQ(ids_after, ids);
}

TEST_F(Publish, SessionPagesAreForTheCoursesTraineesAndThePlanners) {
  auto sessions = api("GET", "/api/v1/sessions?term_id=" + std::to_string(term_));
  if (sessions["items"].empty()) {
    json draft = generate(3);
    api("POST", "/api/v1/timetables/" + std::to_string(draft["id"].get<std::int64_t>()) + "/publish", "{}", 200);
    sessions = api("GET", "/api/v1/sessions?term_id=" + std::to_string(term_));
  }
  const std::int64_t trainee = scalar("SELECT id FROM users WHERE email = 'trainee@mdsc.example'");
  std::int64_t theirs = 0, not_theirs = 0;
  for (const auto& s : sessions["items"]) {
    const bool enrolled = scalar("SELECT COUNT(*) FROM enrollments WHERE course_id = ? AND user_id = ? AND status = 'enrolled'",
                                 {s["course_id"].get<std::int64_t>(), trainee}) > 0;
    (enrolled ? theirs : not_theirs) = s["id"];
  }
  ASSERT_GT(theirs, 0);
  ASSERT_GT(not_theirs, 0);
  HttpClient t(server_->port());
  ASSERT_EQ(t.login("trainee@mdsc.example", passwords_["trainee@mdsc.example"]), 303);
  auto page = t.get("/sessions/" + std::to_string(theirs));
  EXPECT_EQ(page.status, 200);
  EXPECT_EQ(page.body.find("name=\"slot\""), std::string::npos) << "no move form for a trainee";
  EXPECT_EQ(t.get("/sessions/" + std::to_string(not_theirs)).status, 404);
  std::string week_of_theirs;
  for (const auto& s : sessions["items"])
    if (s["id"] == theirs) week_of_theirs = s["date"];
  auto week = t.get("/timetable/terms/" + std::to_string(term_) + "/week?week=" + week_of_theirs);
  EXPECT_EQ(week.status, 200);
  EXPECT_NE(week.body.find("/sessions/" + std::to_string(theirs)), std::string::npos);
  EXPECT_EQ(week.body.find("/sessions/" + std::to_string(not_theirs) + "\""), std::string::npos);

  // The dashboard lists the trainee's next sessions: the demo's are all in FY2017, so none, until
  // one is held in the future.
  auto home = t.get("/");
  EXPECT_NE(home.body.find("今後予定されている授業はありません"), std::string::npos);
  std::int64_t their_course = 0;
  for (const auto& s : sessions["items"])
    if (s["id"] == theirs) their_course = s["course_id"];
  exec("INSERT INTO course_sessions (term_id, course_id, day, band, position, starts_at, ends_at, confidential, status, "
       "sequence, created_at, updated_at) VALUES (?, ?, '2099-01-05', 'evening', 1, '18:00', '19:30', 0, 'scheduled', 0, 0, 0)",
       {term_, their_course});
  home = t.get("/");
  EXPECT_NE(home.body.find("2099-01-05 (月) 18:00–19:30"), std::string::npos) << home.body;
  exec("DELETE FROM course_sessions WHERE day = '2099-01-05'");

  HttpClient clerk(server_->port());
  ASSERT_EQ(clerk.login("secretariat@mdsc.example", passwords_["secretariat@mdsc.example"]), 303);
  auto edit = clerk.get("/sessions/" + std::to_string(not_theirs));
  EXPECT_EQ(edit.status, 200);
  EXPECT_NE(edit.body.find("name=\"slot\""), std::string::npos) << "the secretariat can move it";
  // A move onto a holiday from the form: 409, the form again with what was typed and why not.
  auto refused = clerk.post_form("/sessions/" + std::to_string(not_theirs),
                                 {{"day", "2018-01-08"}, {"slot", "daytime:1"}, {"room_id", "1"}});
  EXPECT_EQ(refused.status, 409);
  EXPECT_NE(refused.body.find("成人の日"), std::string::npos);
  EXPECT_NE(refused.body.find("value=\"2018-01-08\""), std::string::npos);
  // Whose courses a trainee takes is for those who see every roster: the secretariat may look at a
  // trainee's week, an instructor may not (page or API).
  EXPECT_EQ(clerk.get("/timetable/terms/" + std::to_string(term_) + "/week?filter=trainee:" + std::to_string(trainee)).status, 200);
  HttpClient lecturer(server_->port());
  ASSERT_EQ(lecturer.login("instructor@mdsc.example", passwords_["instructor@mdsc.example"]), 303);
  auto lecturer_week = lecturer.get("/timetable/terms/" + std::to_string(term_) + "/week");
  EXPECT_EQ(lecturer_week.status, 200);
  EXPECT_EQ(lecturer_week.body.find("value=\"trainee:"), std::string::npos) << "no trainee among an instructor's filters";
  EXPECT_EQ(lecturer.get("/timetable/terms/" + std::to_string(term_) + "/week?filter=trainee:" + std::to_string(trainee)).status, 403);
  api("GET", "/api/v1/sessions?trainee_id=" + std::to_string(trainee), "", 403, token("instructor@mdsc.example"));
  auto by_room = clerk.get("/timetable/terms/" + std::to_string(term_) + "/week?filter=room:1");
  EXPECT_EQ(by_room.status, 200);
  EXPECT_NE(by_room.body.find("week-grid"), std::string::npos);
}

}  // namespace
}  // namespace mdsc::testing
