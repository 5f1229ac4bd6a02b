// The command line's contract: --version; wrong arguments exit 2 with one line on stderr saying
// what is wrong and change nothing; user add/list/token; init --demo; migrate.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "nlohmann/json.hpp"
#include "support/http_client.h"
#include "support/test_db.h"
#include "support/test_server.h"

namespace mdsc::testing {
namespace {

constexpr const char* kGoodPw = "Kanazawa-seminar-2017-pw";

std::string read_file(const std::string& path) {
  std::ifstream f(path);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

std::vector<std::string> lines_of(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

// Exactly one non-empty line, ending in a newline.
::testing::AssertionResult one_line(const CommandResult& r) {
  auto n = std::count(r.err.begin(), r.err.end(), '\n');
  if (n == 1 && r.err.back() == '\n' && r.err.size() > 1) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "stderr is not exactly one line (" << n << " newlines):\n" << r.err;
}

class Cli : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new TestServer();
    server_->add_user("admin@example.org", {"secretariat"}, kGoodPw);
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  static std::int64_t users() {
    auto db = server_->open_db();
    return db->read([](db::Conn& c) { return c.scalar_i64("SELECT COUNT(*) FROM users"); });
  }
  // A usage error: exit code 2, one line on stderr that contains `about`, nothing on stdout,
  // and no user added or removed.
  static void expect_usage_error(const std::vector<std::string>& args, const std::string& about,
                                 const std::string& stdin_text = "") {
    SCOPED_TRACE("mdsc " + [&] {
      std::string s;
      for (const auto& a : args) s += a + " ";
      return s;
    }());
    auto before = users();
    auto r = server_->cli(args, stdin_text);
    EXPECT_EQ(r.exit_code, 2) << r.err;
    EXPECT_TRUE(one_line(r));
    EXPECT_NE(r.err.find(about), std::string::npos) << "stderr does not mention " << about << ": " << r.err;
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(users(), before);
  }
  static TestServer* server_;
};
TestServer* Cli::server_ = nullptr;

TEST_F(Cli, VersionPrintsNameAndVersion) {
  auto r = run_mdsc({"--version"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "mdsc 0.1.0\n");
  EXPECT_EQ(r.err, "");
}

TEST_F(Cli, UnknownSubcommand) { expect_usage_error({"frobnicate"}, "mdsc: "); }

// The one line names what is wrong: the word that is not a command.
TEST_F(Cli, UnknownSubcommandIsNamedInTheError) {
  expect_usage_error({"frobnicate"}, "frobnicate");
  expect_usage_error({"user", "frobnicate"}, "frobnicate");
}

TEST_F(Cli, NoSubcommand) {
  auto r = server_->cli({});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_TRUE(one_line(r));
}

TEST_F(Cli, UserAddWithoutEmail) { expect_usage_error({"user", "add", "--role", "trainee"}, "--email"); }

TEST_F(Cli, ServeOnAPortOutOfRange) {
  auto r = server_->cli({"serve", "--port", "70000"});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_TRUE(one_line(r));
  EXPECT_NE(r.err.find("70000"), std::string::npos) << r.err;
}

TEST_F(Cli, UserAddWithAnUnknownRole) {
  expect_usage_error({"user", "add", "--email", "x", "--role", "wizard"}, "wizard");
}

TEST_F(Cli, UserAddWithABadEmail) {
  expect_usage_error({"user", "add", "--email", "bad-email", "--role", "trainee", "--password-stdin"}, "mail",
                     std::string(kGoodPw) + "\n");
}

TEST_F(Cli, UserAddWithATooShortPassword) {
  expect_usage_error({"user", "add", "--email", "short@example.org", "--role", "trainee", "--password-stdin"},
                     "password", "abc\n");
}

TEST_F(Cli, UserAddWithATakenEmail) {
  expect_usage_error({"user", "add", "--email", "ADMIN@example.org", "--role", "trainee", "--password-stdin"}, "mail",
                     std::string(kGoodPw) + "\n");
}

TEST_F(Cli, UserAddThenListShowsTheUserAndRoles) {
  auto r = server_->cli({"user", "add", "--email", "listed@example.org", "--role", "trainee", "--role",
                         "steering_committee", "--password-stdin"},
                        "Quiet-lantern-night-17\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto list = server_->cli({"user", "list"});
  ASSERT_EQ(list.exit_code, 0) << list.err;
  auto lines = lines_of(list.out);
  ASSERT_FALSE(lines.empty());
  EXPECT_EQ(lines[0], "id\temail\tactive\troles");
  std::string listed, admin;
  for (const auto& l : lines) {
    if (l.find("\tlisted@example.org\t") != std::string::npos) listed = l;
    if (l.find("\tadmin@example.org\t") != std::string::npos) admin = l;
  }
  ASSERT_FALSE(listed.empty()) << list.out;
  EXPECT_NE(listed.find("\tyes\t"), std::string::npos) << listed;
  EXPECT_NE(listed.find("trainee"), std::string::npos) << listed;
  EXPECT_NE(listed.find("steering_committee"), std::string::npos) << listed;
  EXPECT_NE(admin.find("secretariat"), std::string::npos) << list.out;
  // The password given on stdin is the one that logs in.
  HttpClient c(server_->port());
  EXPECT_EQ(c.login("listed@example.org", "Quiet-lantern-night-17"), 303);
}

TEST_F(Cli, UserTokenPrintsABearerTokenForTheApi) {
  auto r = server_->cli({"user", "token", "--email", "admin@example.org", "--name", "cli test"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto lines = lines_of(r.out);
  ASSERT_EQ(lines.size(), 1u) << r.out;
  HttpClient c(server_->port());
  auto me = c.get("/api/v1/me", {{"Authorization", "Bearer " + lines[0]}});
  ASSERT_EQ(me.status, 200) << me.body;
  EXPECT_EQ(nlohmann::json::parse(me.body)["email"], "admin@example.org");
  // A token for nobody is a usage error.
  auto none = server_->cli({"user", "token", "--email", "nobody@example.org"});
  EXPECT_EQ(none.exit_code, 2);
  EXPECT_TRUE(one_line(none));
}

// --db goes after the command's name for init, serve, migrate and backup; `user` commands too.
TEST_F(Cli, UserCommandsTakeDbAfterTheirNameLikeTheOthers) {
  // MDSC_DB points elsewhere, so only --db can find the server's users.
  std::map<std::string, std::string> env{{"MDSC_DB", "sqlite:" + make_temp_dir("elsewhere") + "/unused.db"},
                                         {"MDSC_LOG_LEVEL", "warn"}};
  auto list = run_mdsc({"user", "list", "--db", server_->db_url()}, "", env);
  EXPECT_EQ(list.exit_code, 0) << list.err;
  EXPECT_NE(list.out.find("admin@example.org"), std::string::npos) << list.out;
  auto token = run_mdsc({"user", "token", "--email", "admin@example.org", "--db", server_->db_url()}, "", env);
  EXPECT_EQ(token.exit_code, 0) << token.err;
  // The form that works today, for comparison: the option before the sub-subcommand.
  auto before = run_mdsc({"user", "--db", server_->db_url(), "list"}, "", env);
  EXPECT_EQ(before.exit_code, 0) << before.err;
  EXPECT_NE(before.out.find("admin@example.org"), std::string::npos) << before.out;
}

TEST_F(Cli, UserCommandsOnADatabaseNeverMigratedSayWhatToRun) {
  std::string url = fresh_database_url();
  for (auto args : std::vector<std::vector<std::string>>{{"user", "list", "--db", url},
                                                         {"user", "token", "--email", "a@example.org", "--db", url}}) {
    auto r = run_mdsc(args);
    EXPECT_EQ(r.exit_code, 2) << r.err;
    EXPECT_TRUE(one_line(r));
    EXPECT_NE(r.err.find("mdsc migrate"), std::string::npos) << r.err;
  }
  auto migrated = run_mdsc({"migrate", "--db", url});
  ASSERT_EQ(migrated.exit_code, 0) << migrated.err;
  EXPECT_EQ(run_mdsc({"user", "list", "--db", url}).exit_code, 0);
}

TEST_F(Cli, MigrateTwiceIsUpToDateTheSecondTime) {
  std::string url = fresh_database_url();
  auto first = run_mdsc({"migrate", "--db", url});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_NE(first.out.find("migrations applied"), std::string::npos) << first.out;
  EXPECT_EQ(first.out.find("Up to date"), std::string::npos) << first.out;
  auto second = run_mdsc({"migrate", "--db", url});
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_EQ(second.out, "Up to date.\n");
}

// On a fresh database of the backend under test (a new SQLite file in the SQLite run).
TEST(CliDemo, InitDemoPrintsOneLoginPerRoleAndASecondRunChangesNothing) {
  std::string url = fresh_database_url();
  std::string dir = make_temp_dir("demo");
  std::map<std::string, std::string> env{{"MDSC_DATA_DIR", dir}, {"MDSC_LOG_LEVEL", "warn"}};
  auto r = run_mdsc({"init", "--demo", "--db", url}, "", env);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // "  role<TAB>email<TAB>password" for each role.
  std::map<std::string, std::pair<std::string, std::string>> logins;
  for (const auto& l : lines_of(r.out)) {
    if (l.rfind("  ", 0) != 0) continue;
    std::istringstream in(l);
    std::string role, email, pw;
    in >> role >> email >> pw;
    role = role.substr(0, role.find(':'));
    EXPECT_FALSE(logins.count(role)) << "two logins for " << role;
    logins[role] = {email, pw};
  }
  for (const char* role : {"secretariat", "steering_committee", "promotion_office", "career_office", "instructor",
                           "trainee", "supervisor", "partner_representative", "institution_officer"})
    EXPECT_TRUE(logins.count(role)) << "no demo login for " << role << " in:\n" << r.out;
  EXPECT_EQ(logins.size(), 9u) << r.out;
  const std::string credentials = read_file(dir + "/demo-credentials.txt");
  EXPECT_NE(credentials.find(logins["secretariat"].second), std::string::npos);

  auto count = [&](const char* sql) {
    auto db = db::Database::open(url, 1);
    return db->read([&](db::Conn& c) { return c.scalar_i64(sql); });
  };
  const auto users = count("SELECT COUNT(*) FROM users");
  const auto audit = count("SELECT COUNT(*) FROM audit_log");
  // The nine logins plus the demo's other people (applicants, company staff), all there.
  EXPECT_GE(users, 9);
  for (const auto& [role, login] : logins)
    EXPECT_EQ(count(("SELECT COUNT(*) FROM users WHERE email = '" + login.first + "'").c_str()), 1) << role;

  auto again = run_mdsc({"init", "--demo", "--db", url}, "", env);
  EXPECT_NE(again.exit_code, 0);
  EXPECT_TRUE(one_line(again));
  EXPECT_NE(again.err.find("already"), std::string::npos) << again.err;
  EXPECT_EQ(count("SELECT COUNT(*) FROM users"), users);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log"), audit);
  EXPECT_EQ(read_file(dir + "/demo-credentials.txt"), credentials) << "the saved logins were overwritten";

  // The printed logins work (the secretariat's, and one with an English preference).
  TestServer::Options o;
  o.db_url = url;
  TestServer server(o);
  for (const char* role : {"secretariat", "partner_representative"}) {
    HttpClient c(server.port());
    EXPECT_EQ(c.login(logins[role].first, logins[role].second), 303) << role;
  }
}

}  // namespace
}  // namespace mdsc::testing
