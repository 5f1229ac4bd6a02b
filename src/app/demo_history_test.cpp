// The FY2017 demo as it stood on its day, 2018-01-15 (issue 9), on both databases: the timetable
// published before the term with a newer draft waiting, the mail of its past delivered but for one
// the relay refused, the day recorded for `mdsc serve` — and the secretariat's work queue counting
// exactly what each module's own list shows (its one statement restates their rules).
#include <gtest/gtest.h>

#include <tuple>

#include "app/app.h"
#include "app/demo.h"
#include "app/demo_mail.h"
#include "core/crypto.h"
#include "core/i18n.h"
#include "modules/admissions/repo.h"
#include "modules/dashboard/repo.h"
#include "modules/invoicing/repo.h"
#include "modules/members/overview.h"
#include "support/test_db.h"

namespace mdsc::app {
namespace {

class DemoHistory : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    crypto::init();
    db_ = testing::fresh_database().release();
    load_demo(*db_);
  }
  static void TearDownTestSuite() {
    delete db_;
    db_ = nullptr;
  }
  static std::int64_t scalar(const std::string& sql, const db::Params& p = {}) {
    return db_->read([&](db::Conn& c) { return c.scalar_i64(sql, p); });
  }
  static std::int64_t total(const std::string& key) {
    for (const auto& item : db_->read([](db::Conn& c) { return dashboard::repo::work_queue(c, kDemoDay); }))
      if (item.key == key) return item.total();
    ADD_FAILURE() << "no work queue item " << key;
    return -1;
  }
  static db::Database* db_;
};
db::Database* DemoHistory::db_ = nullptr;

TEST_F(DemoHistory, TheDaysTimetableIsPublishedAndANewerDraftWaits) {
  EXPECT_EQ(app::clock_for(*db_)->demo_day(), "2018-01-15");
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM course_sessions WHERE status = 'scheduled'"),
            scalar("SELECT SUM(periods) FROM courses WHERE fiscal_year = 2017")) << "every period of every course";
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM timetable_runs WHERE published_at IS NOT NULL"), 1);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM timetable_runs WHERE status = 'done' AND published_at IS NULL"), 1);
  EXPECT_EQ(total("drafts"), 1) << "the January draft can still be published";
  // Both sides of the demo's day: sessions held, sessions ahead for the demo trainee.
  EXPECT_GT(scalar("SELECT COUNT(*) FROM course_sessions WHERE day < '2018-01-15'"), 0);
  EXPECT_GT(scalar("SELECT COUNT(*) FROM course_sessions s JOIN enrollments e ON e.course_id = s.course_id "
                   "JOIN users u ON u.id = e.user_id WHERE u.email = 'trainee@mdsc.example' AND s.day >= '2018-01-15'"),
            0);
}

TEST_F(DemoHistory, ItsPastMailIsDeliveredButTheMistypedAddress) {
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM mail_outbox WHERE status IN ('pending', 'sending')"), 0);
  EXPECT_GT(scalar("SELECT COUNT(*) FROM mail_outbox WHERE status = 'sent'"), 50);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM mail_outbox WHERE status = 'failed' AND attempts = 10 AND to_addr LIKE ?",
                   {std::string("%") + kDemoBouncingDomain}),
            1);
  EXPECT_EQ(total("mail"), 1);
  std::int64_t day_began = 0;
  ASSERT_TRUE(i18n::tokyo_to_unix(kDemoDay, "00:00:00", day_began));
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM mail_outbox WHERE sent_at >= ?", {day_began}), 0)
      << "the demo's past ends where its day begins";
}

// Every role finds attendance and exams filled: the trainee's courses with rates and warnings,
// the first course's mid-term with scores (one retake), the second course's exam ahead.
TEST_F(DemoHistory, AttendanceWarningsAndExamResultsAreThere) {
  // The solver places the sessions (how many fall before the demo's day varies from run to run):
  // the demo trainee has a record of every held session of their courses.
  EXPECT_GT(scalar("SELECT COUNT(*) FROM attendance"), 0);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM attendance a JOIN users u ON u.id = a.user_id "
                   "WHERE u.email = 'trainee@mdsc.example'"),
            scalar("SELECT COUNT(*) FROM course_sessions s JOIN enrollments e ON e.course_id = s.course_id "
                   "JOIN users u ON u.id = e.user_id WHERE u.email = 'trainee@mdsc.example' "
                   "AND e.status = 'enrolled' AND s.status = 'scheduled' AND s.day < '2018-01-15'"));
  EXPECT_GE(scalar("SELECT COUNT(*) FROM attendance_warnings WHERE kind = 'missed_in_row'"), 1)
      << "the trainee who missed two sessions in a row was warned";
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM attendance_warnings"),
            scalar("SELECT COUNT(*) FROM mail_outbox WHERE subject LIKE '【出席】%' OR subject LIKE '[Attendance]%'"))
      << "one mail to the trainee per warning";
  EXPECT_GE(scalar("SELECT COUNT(*) FROM mail_outbox WHERE subject LIKE '【出席警告】%' OR subject LIKE "
                   "'[Attendance warning]%'"),
            scalar("SELECT COUNT(*) FROM attendance_warnings"))
      << "and the secretariat hears of each";
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM attendance_rules WHERE excused_counts = 1"), 1);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM exams"), 2);
  EXPECT_GE(scalar("SELECT COUNT(*) FROM exam_results WHERE attempt = 1"), 1);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM exam_results WHERE attempt = 2 AND passed = 1"), 1);
  EXPECT_GT(scalar("SELECT COUNT(*) FROM exam_results r JOIN users u ON u.id = r.user_id "
                   "WHERE u.email = 'trainee@mdsc.example'"),
            0)
      << "the demo trainee has a result to see";
}

TEST_F(DemoHistory, TheWorkQueueCountsWhatEachListShows) {
  const std::string today = kDemoDay;
  const auto [applications, overdue, consultations] = db_->read([&](db::Conn& c) {
    admissions::repo::Query submitted;
    submitted.fiscal_year = 2017;
    submitted.status = "submitted";
    invoicing::InvoiceQuery late;
    late.fiscal_year = 2017;
    late.status = "overdue";
    late.today = today;
    return std::make_tuple(static_cast<std::int64_t>(admissions::repo::count_applications(c, submitted)),
                           static_cast<std::int64_t>(invoicing::repo::invoices(c, late).size()),
                           static_cast<std::int64_t>(members::year_figures(c, 2017, today).consultations));
  });
  EXPECT_EQ(total("applications"), applications) << "the review list filtered by 'submitted'";
  EXPECT_EQ(total("overdue"), overdue) << "the invoice list filtered by 'overdue'";
  EXPECT_EQ(total("consultations"), consultations) << "the members overview's count";
  // Each has something in the demo (so the browser test can follow every link).
  for (const char* key : {"applications", "consultations", "overdue", "drafts", "mail"}) EXPECT_GT(total(key), 0) << key;
  // A credited invoice and a paid one are not overdue; a partly paid one past its due date is.
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM invoices i WHERE EXISTS (SELECT 1 FROM invoices cn WHERE cn.references_invoice_id = i.id)"), 1);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM payments WHERE amount < 550000"), 1);
}

TEST_F(DemoHistory, ADraftOlderThanThePublishedTimetablesLastChangeIsNoLongerWaiting) {
  // A published session changed after the draft was made: the draft would undo that (publish_run
  // refuses it as outdated), so it is no work for anyone.
  db_->write([](db::Conn& c) {
    return c.exec("UPDATE course_sessions SET updated_at = (SELECT MAX(finished_at) + 1 FROM timetable_runs) "
                  "WHERE id = (SELECT MIN(id) FROM course_sessions)");
  });
  EXPECT_EQ(total("drafts"), 0);
  db_->write([](db::Conn& c) {
    return c.exec("UPDATE course_sessions SET updated_at = created_at WHERE id = (SELECT MIN(id) FROM course_sessions)");
  });
  EXPECT_EQ(total("drafts"), 1);
}

// Mid-term nobody has completed FY2017: the certificates are the FY2016 pilot's, signed, one revoked.
TEST_F(DemoHistory, ThePilotsCertificatesOneRevoked) {
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM certificates WHERE fiscal_year = 2016"), 2);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM certificates WHERE revoked_at IS NOT NULL AND revoke_reason <> ''"), 1);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM completions WHERE fiscal_year = 2017"), 0);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM certificates WHERE signature = '' OR key_id = ''"), 0);
}

}  // namespace
}  // namespace mdsc::app
