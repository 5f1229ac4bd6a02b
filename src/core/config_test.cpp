#include "core/config.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <utility>

namespace mdsc {
namespace {

const char* kVars[] = {"MDSC_DB",        "MDSC_BIND",         "MDSC_PORT",         "MDSC_THREADS",
                       "MDSC_BASE_URL",  "MDSC_DATA_DIR",     "MDSC_MAIL_FROM",    "MDSC_SMTP_URL",
                       "MDSC_SMTP_USER", "MDSC_SMTP_PASSWORD", "MDSC_RESOURCE_DIR", "MDSC_LOG_LEVEL",
                       "MDSC_INVOICE_BACKDATE_DAYS", "MDSC_INVOICE_FORWARD_DAYS"};

class ConfigTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const char* v : kVars) {
      if (const char* old = std::getenv(v)) saved_.emplace_back(v, old);
      ::unsetenv(v);
    }
    path_ = std::filesystem::temp_directory_path() /
            ("mdsc-config-test-" + std::to_string(::getpid()) + ".toml");
  }
  void TearDown() override {
    for (const char* v : kVars) ::unsetenv(v);
    for (const auto& [k, v] : saved_) ::setenv(k.c_str(), v.c_str(), 1);
    std::filesystem::remove(path_);
  }
  std::string write(const std::string& toml) {
    std::ofstream(path_) << toml;
    return path_.string();
  }
  // The message of the runtime_error that load_config throws, or "" when it does not.
  std::string error_of(const std::string& path) {
    try {
      load_config(path);
    } catch (const std::runtime_error& e) {
      return e.what();
    }
    return "";
  }
  // The error of a config file with this text.
  std::string file_error(const std::string& toml) { return error_of(write(toml)); }
  // The error with the environment variable set to the value and no file; the variable is unset after.
  std::string env_error(const char* var, const char* value) {
    ::setenv(var, value, 1);
    std::string err = error_of("");
    ::unsetenv(var);
    return err;
  }

  std::vector<std::pair<std::string, std::string>> saved_;
  std::filesystem::path path_;
};

TEST_F(ConfigTest, Defaults) {
  Config c = load_config("");
  EXPECT_EQ(c.db_url, "sqlite:mdsc-data/mdsc.db");
  EXPECT_EQ(c.port, 8080);
  EXPECT_EQ(c.base_url, "http://127.0.0.1:8080");
  EXPECT_FALSE(c.behind_tls);
  EXPECT_EQ(c.outbox_dir, "mdsc-data/outbox");
  EXPECT_EQ(c.log_level, "info");
}

TEST_F(ConfigTest, TomlSections) {
  Config c = load_config(write(R"(
log_level = "debug"
data_dir = "/srv/mdsc"

[server]
bind = "0.0.0.0"
port = 9000
threads = 4
base_url = "https://mdsc.example.jp/"

[database]
db_url = "postgresql://dbname=mdsc"
db_pool = 12

[mail]
mail_from = "MDSC 事務局 <office@mdsc.example.jp>"
smtp_url = "smtp://relay.example.jp:587"
smtp_user = "mdsc"
smtp_password = "s3cret"
)"));
  EXPECT_EQ(c.log_level, "debug");
  EXPECT_EQ(c.bind, "0.0.0.0");
  EXPECT_EQ(c.port, 9000);
  EXPECT_EQ(c.threads, 4u);
  EXPECT_EQ(c.base_url, "https://mdsc.example.jp");
  EXPECT_TRUE(c.behind_tls);
  EXPECT_EQ(c.db_url, "postgresql://dbname=mdsc");
  EXPECT_EQ(c.db_pool, 12u);
  EXPECT_EQ(c.mail_from, "MDSC 事務局 <office@mdsc.example.jp>");
  EXPECT_EQ(c.smtp_url, "smtp://relay.example.jp:587");
  EXPECT_EQ(c.smtp_user, "mdsc");
  EXPECT_EQ(c.smtp_password, "s3cret");
  EXPECT_EQ(c.outbox_dir, "/srv/mdsc/outbox");
}

TEST_F(ConfigTest, EnvironmentWinsOverFile) {
  const auto path = write("[server]\nport = 9000\nbind = \"0.0.0.0\"\n[database]\ndb_url = \"sqlite:a.db\"\n");
  ::setenv("MDSC_PORT", "9100", 1);
  ::setenv("MDSC_DB", "sqlite:b.db", 1);
  ::setenv("MDSC_BIND", "", 1);  // empty counts as unset
  ::setenv("MDSC_BASE_URL", "https://x.example", 1);
  ::setenv("MDSC_LOG_LEVEL", "warn", 1);
  ::setenv("MDSC_SMTP_PASSWORD", "pw", 1);
  Config c = load_config(path);
  EXPECT_EQ(c.port, 9100);
  EXPECT_EQ(c.db_url, "sqlite:b.db");
  EXPECT_EQ(c.bind, "0.0.0.0");
  EXPECT_TRUE(c.behind_tls);
  EXPECT_EQ(c.log_level, "warn");
  EXPECT_EQ(c.smtp_password, "pw");
}

TEST_F(ConfigTest, BadPortNamesTheSetting) {
  for (const char* bad : {"abc", "0", "65536", "80x", "-1", " 80"}) {
    std::string err = env_error("MDSC_PORT", bad);
    EXPECT_NE(err.find("MDSC_PORT"), std::string::npos) << bad << ": " << err;
    EXPECT_EQ(err.find('\n'), std::string::npos);
  }
  EXPECT_NE(file_error("[server]\nport = \"80\"\n").find("server.port"), std::string::npos);
  EXPECT_NE(file_error("[server]\nport = 70000\n").find("server.port"), std::string::npos);
}

TEST_F(ConfigTest, OtherBadValues) {
  for (const auto& [var, bad] :
       {std::pair{"MDSC_THREADS", "many"}, std::pair{"MDSC_LOG_LEVEL", "verbose"},
        std::pair{"MDSC_BASE_URL", "mdsc.example.jp"}, std::pair{"MDSC_SMTP_URL", "http://relay"}})
    EXPECT_NE(env_error(var, bad).find(var), std::string::npos) << var << "=" << bad;
  EXPECT_NE(file_error("[server]\nprot = 80\n").find("server.prot"), std::string::npos);
  EXPECT_NE(file_error("[srever]\nport = 80\n").find("[srever]"), std::string::npos);
  EXPECT_NE(file_error("port = 80\n").find("port"), std::string::npos);
  EXPECT_NE(file_error("[server\n").find(path_.string() + ":1:"), std::string::npos);
  EXPECT_NE(error_of("/nonexistent/mdsc.toml").find("/nonexistent/mdsc.toml"), std::string::npos);
}

TEST_F(ConfigTest, InvoiceDateWindow) {
  Config d = load_config("");
  EXPECT_EQ(d.invoice_backdate_days, 30);
  EXPECT_EQ(d.invoice_forward_days, 3);
  Config f = load_config(write("[invoicing]\ninvoice_backdate_days = 60\ninvoice_forward_days = 0\n"));
  EXPECT_EQ(f.invoice_backdate_days, 60);
  EXPECT_EQ(f.invoice_forward_days, 0);
  ::setenv("MDSC_INVOICE_BACKDATE_DAYS", "400", 1);
  EXPECT_EQ(load_config("").invoice_backdate_days, 400);
  EXPECT_NE(env_error("MDSC_INVOICE_BACKDATE_DAYS", "-1").find("MDSC_INVOICE_BACKDATE_DAYS"), std::string::npos);
  EXPECT_NE(env_error("MDSC_INVOICE_FORWARD_DAYS", "367").find("MDSC_INVOICE_FORWARD_DAYS"), std::string::npos);
  EXPECT_NE(file_error("[invoicing]\ninvoice_backdate_days = 5000\n").find("invoicing.invoice_backdate_days"),
            std::string::npos);
}

// Whole numbers within a range, the lower end included: a credit needs at least 1 % watched.
TEST_F(ConfigTest, RecordingCreditRange) {
  Config f = load_config(write("[recordings]\ncredit_percent = 1\ncredit_days = 0\n"));
  EXPECT_EQ(f.recording_credit_percent, 1);
  EXPECT_EQ(f.recording_credit_days, 0);
  for (const char* bad : {"0", "101", "-5", "half"}) {
    const std::string err = env_error("MDSC_RECORDING_CREDIT_PERCENT", bad);
    EXPECT_NE(err.find("MDSC_RECORDING_CREDIT_PERCENT"), std::string::npos) << bad << ": " << err;
    EXPECT_NE(err.find("1-100"), std::string::npos) << bad << ": " << err;
  }
  EXPECT_NE(file_error("[attendance]\nlate_after_minutes = 181\n").find("attendance.late_after_minutes"),
            std::string::npos);
}

TEST_F(ConfigTest, Ipv6BindInDefaultBaseUrl) {
  ::setenv("MDSC_BIND", "::1", 1);
  EXPECT_EQ(load_config("").base_url, "http://[::1]:8080");
}

}  // namespace
}  // namespace mdsc
