// Invoices against a real server with the FY2017 demo (issue 9): the public verification address
// printed on each PDF, the dates an invoice may carry, closing a fiscal year, bounded amounts.
// The server runs on the real clock, so dates are computed from today; it accepts invoices dated up
// to 400 days back (MDSC_INVOICE_BACKDATE_DAYS), enough to reach last fiscal year's final day.
#include <gtest/gtest.h>

#include <cstdio>
#include <ctime>
#include <fstream>
#include <map>
#include <regex>

#include "core/i18n.h"
#include "nlohmann/json.hpp"
#include "support/http_client.h"
#include "support/outbox.h"
#include "support/test_server.h"

namespace mdsc::testing {
namespace {

std::string pdf_text(const std::string& pdf) {
  std::string path = make_temp_dir("pdf") + "/x.pdf";
  std::ofstream(path, std::ios::binary) << pdf;
  std::string out;
  FILE* p = popen(("pdftotext -layout " + path + " - 2>/dev/null").c_str(), "r");
  char buf[4096];
  std::size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  pclose(p);
  return out;
}

std::string today() { return i18n::tokyo_date_iso(std::time(nullptr)); }
std::string days_from_today(int days) { return i18n::tokyo_date_iso(std::time(nullptr) + days * 86400L); }
int current_fy() {
  int y, m, d;
  std::sscanf(today().c_str(), "%4d-%2d-%2d", &y, &m, &d);
  return i18n::fiscal_year_of(y, m, d);
}

class InvoicingHttp : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new TestServer(TestServer::Options{{{"MDSC_INVOICE_BACKDATE_DAYS", "400"}}, {}, ""});
    auto r = server_->cli({"init", "--demo"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    passwords_ = demo_passwords(server_->dir());
    token_ = server_->api_token("secretariat@mdsc.example");
    ASSERT_FALSE(token_.empty());
    // Fee schedules for last year and this year, which the FY2017 demo does not have.
    HttpClient api(server_->port());
    for (int fy : {current_fy() - 1, current_fy()}) {
      auto s = api.send_json("POST", "/api/v1/fee-schedules",
                             R"({"fiscal_year":)" + std::to_string(fy) +
                                 R"(,"tiers":[{"code":"C","name_ja":"C会員","name_en":"Tier C","annual_fee":500000}]})",
                             token_);
      ASSERT_EQ(s.status, 201) << s.body;
    }
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  static HttpClient as(const std::string& email) {
    HttpClient c(server_->port());
    EXPECT_EQ(c.login(email, passwords_[email]), 303) << email;
    return c;
  }
  static std::int64_t count(const std::string& sql) {
    auto db = server_->open_db();
    return db->read([&](db::Conn& c) { return c.scalar_i64(sql); });
  }
  // A tier-C membership of the next demo company not yet a member in fiscal year fy.
  static std::int64_t membership(int fy) {
    auto company = count("SELECT MIN(o.id) FROM organizations o WHERE o.kind = 'company' AND NOT EXISTS "
                         "(SELECT 1 FROM memberships m WHERE m.company_id = o.id AND m.fiscal_year = " +
                         std::to_string(fy) + ")");
    HttpClient api(server_->port());
    auto r = api.send_json("POST", "/api/v1/memberships",
                           R"({"company_id":)" + std::to_string(company) + R"(,"fiscal_year":)" + std::to_string(fy) +
                               R"(,"tier":"C","status":"active"})",
                           token_);
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? nlohmann::json::parse(r.body)["id"].get<std::int64_t>() : 0;
  }
  static TestServer* server_;
  static std::map<std::string, std::string> passwords_;
  static std::string token_;
};
TestServer* InvoicingHttp::server_ = nullptr;
std::map<std::string, std::string> InvoicingHttp::passwords_;
std::string InvoicingHttp::token_;

// Issue 9 item 13.
TEST_F(InvoicingHttp, ThePdfsVerificationAddressAnswersAnyoneWithTheFactsAndNothingElse) {
  auto secretariat = as("secretariat@mdsc.example");
  auto [id, number, issuer] = server_->open_db()->read([](db::Conn& c) {
    auto r = c.query_one("SELECT i.id, i.number FROM invoices i WHERE i.kind = 'invoice' AND NOT EXISTS "
                         "(SELECT 1 FROM invoices cn WHERE cn.references_invoice_id = i.id) ORDER BY i.id LIMIT 1");
    return std::make_tuple(r->i64("id"), r->str("number"), c.query_one("SELECT name FROM issuer_profile")->str("name"));
  });
  auto pdf = secretariat.get("/invoices/" + std::to_string(id) + "/pdf");
  ASSERT_EQ(pdf.status, 200);
  const std::string text = pdf_text(pdf.body);
  std::smatch url;
  ASSERT_TRUE(std::regex_search(text, url, std::regex(R"(https?://[^\s/]+(/invoices/verify/([A-Za-z0-9_-]{22,})))")))
      << "the PDF prints its verification address:\n" << text;
  EXPECT_NE(pdf.body.find("/URI (" + url.str(0) + ")"), std::string::npos) << "and links it (the QR code holds it too)";
  const std::string path = url.str(1), token = url.str(2);

  HttpClient anyone(server_->port());
  auto page = anyone.get(path);
  ASSERT_EQ(page.status, 200) << "no login needed";
  for (const std::string& fact : {number, issuer, std::string("2017-11-01"), std::string("¥550,000"),
                                  std::string("あおば架空製薬株式会社"), std::string("取り消されていません")})
    EXPECT_NE(page.body.find(fact), std::string::npos) << fact;
  for (const std::string& private_fact : {std::string("billing+"), std::string("架空町"), std::string("振込"),
                                          std::string("経理 担当"), std::string("/invoices/" + std::to_string(id) + "\"")})
    EXPECT_EQ(page.body.find(private_fact), std::string::npos) << private_fact << " is not for the public";
  EXPECT_EQ(page.header("cache-control"), "no-store");
  EXPECT_NE(page.header("x-robots-tag").find("noindex"), std::string::npos);
  auto en = anyone.get(path + "?lang=en");
  EXPECT_NE(en.body.find("Invoice verification"), std::string::npos);
  EXPECT_NE(en.body.find("has not been cancelled"), std::string::npos);

  std::string wrong = token;
  wrong[5] = wrong[5] == 'A' ? 'B' : 'A';
  EXPECT_EQ(anyone.get("/invoices/verify/" + wrong).status, 404);
  EXPECT_EQ(anyone.get("/invoices/verify/" + std::to_string(id)).status, 404) << "the id opens nothing";
  EXPECT_EQ(anyone.get("/invoices/verify/" + number).status, 404) << "nor the number";
}

TEST_F(InvoicingHttp, TheVerificationPageOfACancelledInvoiceNamesTheCreditNote) {
  auto [invoice_token, cn_token, invoice_number, cn_number] = server_->open_db()->read([](db::Conn& c) {
    auto r = c.query_one(
        "SELECT vi.token AS invoice_token, vc.token AS cn_token, i.number AS invoice_number, cn.number AS cn_number "
        "FROM invoices cn JOIN invoices i ON i.id = cn.references_invoice_id "
        "JOIN invoice_verifications vi ON vi.invoice_id = i.id JOIN invoice_verifications vc ON vc.invoice_id = cn.id "
        "ORDER BY cn.id LIMIT 1");
    return std::make_tuple(r->str("invoice_token"), r->str("cn_token"), r->str("invoice_number"), r->str("cn_number"));
  });
  HttpClient anyone(server_->port());
  auto cancelled = anyone.get("/invoices/verify/" + invoice_token);
  ASSERT_EQ(cancelled.status, 200);
  EXPECT_NE(cancelled.body.find("返還請求書 " + cn_number), std::string::npos) << cancelled.body;
  EXPECT_NE(cancelled.body.find("取り消されています"), std::string::npos);
  EXPECT_EQ(cancelled.body.find("取り消されていません"), std::string::npos);
  auto note = anyone.get("/invoices/verify/" + cn_token + "?lang=en");
  ASSERT_EQ(note.status, 200);
  EXPECT_NE(note.body.find("cancels invoice " + invoice_number), std::string::npos) << note.body;
}

// Issue 9 item 8.
TEST_F(InvoicingHttp, ADateOutsideTheWindowIsRefusedOnTheFormWithWhatWasTyped) {
  auto m = membership(current_fy());
  auto c = as("secretariat@mdsc.example");
  c.get("/memberships/" + std::to_string(m));
  const auto invoices = count("SELECT COUNT(*) FROM invoices");
  const std::string ahead = days_from_today(400);
  auto late = c.post_form("/memberships/" + std::to_string(m) + "/invoice",
                          {{"issue_date", ahead}, {"due_date", ""}, {"notes", "前払い"}});
  EXPECT_EQ(late.status, 422);
  EXPECT_NE(late.body.find("より後の日付は指定できません"), std::string::npos) << late.body;
  EXPECT_NE(late.body.find("id=\"f-issue_date-error\""), std::string::npos);
  EXPECT_NE(late.body.find("value=\"" + ahead + "\""), std::string::npos) << "what was typed stays in the field";
  EXPECT_NE(late.body.find("前払い"), std::string::npos);
  EXPECT_EQ(late.body.find("id=\"f-due_date-error\""), std::string::npos) << "an empty due date is allowed";
  EXPECT_NE(late.body.find("action=\"/memberships/" + std::to_string(m) + "/invoice\""), std::string::npos)
      << "the form posts to the same membership again";
  EXPECT_NE(late.body.find("請求書を発行</button>"), std::string::npos);
  auto early = c.post_form("/memberships/" + std::to_string(m) + "/invoice", {{"issue_date", days_from_today(-401)}});
  EXPECT_EQ(early.status, 422);
  EXPECT_NE(early.body.find("より前の日付は指定できません"), std::string::npos);
  EXPECT_EQ(count("SELECT COUNT(*) FROM invoices"), invoices);

  // The credit note form: the same rules, the reason and the date kept.
  auto issued = c.post_form("/memberships/" + std::to_string(m) + "/invoice", {{"issue_date", ""}});
  ASSERT_EQ(issued.status, 303);
  const std::string invoice_path = issued.header("location");
  c.get(invoice_path);
  auto cn = c.post_form(invoice_path + "/credit-note?lang=en", {{"reason", "wrong department"}, {"issue_date", ahead}});
  EXPECT_EQ(cn.status, 422);
  EXPECT_NE(cn.body.find("The date cannot be after"), std::string::npos) << cn.body;
  EXPECT_NE(cn.body.find("value=\"" + ahead + "\""), std::string::npos);
  EXPECT_NE(cn.body.find("wrong department"), std::string::npos);
  EXPECT_EQ(count("SELECT COUNT(*) FROM invoices WHERE kind = 'credit_note'"), 1) << "only the demo's";
}

TEST_F(InvoicingHttp, TheSecretariatClosesAnEndedYearAndNothingCanBeDatedInItAfterwards) {
  const int last_year = current_fy() - 1;
  const std::string last_day = std::to_string(last_year + 1) + "-03-31";
  auto before = membership(last_year), after = membership(last_year);
  auto c = as("secretariat@mdsc.example");
  c.get("/memberships/" + std::to_string(before));
  ASSERT_EQ(c.post_form("/memberships/" + std::to_string(before) + "/invoice", {{"issue_date", last_day}}).status, 303)
      << "last year's final day is within the configured 400 days";

  auto this_year = c.get("/invoices?fy=" + std::to_string(current_fy()));
  EXPECT_EQ(this_year.body.find("action=\"/invoices/close-year\""), std::string::npos) << "a running year cannot be closed";
  auto list = c.get("/invoices?fy=" + std::to_string(last_year));
  ASSERT_NE(list.body.find("action=\"/invoices/close-year\""), std::string::npos) << list.body;
  auto unconfirmed = c.post_form("/invoices/close-year", {{"fiscal_year", std::to_string(last_year)}});
  EXPECT_EQ(unconfirmed.status, 422);
  EXPECT_NE(unconfirmed.body.find("元に戻せないことを確認して"), std::string::npos);
  EXPECT_EQ(count("SELECT COUNT(*) FROM invoice_counters WHERE closed_at IS NOT NULL"), 0);
  auto closed = c.post_form("/invoices/close-year", {{"fiscal_year", std::to_string(last_year)}, {"confirm", "1"}});
  ASSERT_EQ(closed.status, 303);
  auto shown = c.get(closed.header("location"));
  EXPECT_NE(shown.body.find("締められました"), std::string::npos);
  EXPECT_EQ(shown.body.find("action=\"/invoices/close-year\""), std::string::npos);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'close' AND entity = 'invoice_year'"), 1);

  c.get("/memberships/" + std::to_string(after));
  auto refused = c.post_form("/memberships/" + std::to_string(after) + "/invoice", {{"issue_date", last_day}});
  EXPECT_EQ(refused.status, 422);
  EXPECT_NE(refused.body.find("締められているため"), std::string::npos) << refused.body;
  EXPECT_NE(refused.body.find("value=\"" + last_day + "\""), std::string::npos);
  EXPECT_EQ(count("SELECT COUNT(*) FROM invoices WHERE fiscal_year = " + std::to_string(last_year)), 1);
  EXPECT_EQ(c.post_form("/memberships/" + std::to_string(after) + "/invoice", {{"issue_date", ""}}).status, 303)
      << "today is always open";

  HttpClient api(server_->port());
  auto listed = api.send_json("GET", "/api/v1/invoice-year-closures", "", token_);
  ASSERT_EQ(listed.status, 200);
  EXPECT_EQ(nlohmann::json::parse(listed.body)["items"][0]["fiscal_year"], last_year) << listed.body;
  const std::string year = std::to_string(last_year);
  EXPECT_EQ(api.send_json("POST", "/api/v1/invoice-year-closures", R"({"fiscal_year":)" + year + R"(,"confirm":true})", token_).status,
            409);
  EXPECT_EQ(api.send_json("POST", "/api/v1/invoice-year-closures", R"({"fiscal_year":2017})", token_).status, 422)
      << "the API also wants the confirmation";
  EXPECT_EQ(api.send_json("POST", "/api/v1/invoice-year-closures",
                          R"({"fiscal_year":)" + std::to_string(current_fy()) + R"(,"confirm":true})", token_)
                .status,
            422);
  auto rep = as("partner@mdsc.example");
  EXPECT_EQ(rep.get("/invoices?fy=2017").body.find("close-year"), std::string::npos);
}

// Issue 9 item 10.
TEST_F(InvoicingHttp, AHugeExtraFeeIsRefusedWithAMessage) {
  auto m = membership(current_fy());
  auto c = as("secretariat@mdsc.example");
  c.get("/memberships/" + std::to_string(m));
  ASSERT_EQ(c.post_form("/memberships/" + std::to_string(m) + "/seats", {{"trainee_name", "受講 花子"}}).status, 303);
  auto seat = count("SELECT id FROM seat_requests WHERE membership_id = " + std::to_string(m));
  c.get("/memberships/" + std::to_string(m));
  auto huge = c.post_form("/seat-requests/" + std::to_string(seat) + "/decide",
                          {{"extra_fee", "100000001"}, {"reason", ""}, {"decision", "accept"}});
  EXPECT_EQ(huge.status, 422);
  EXPECT_NE(huge.body.find("金額は¥100,000,000以下で入力してください"), std::string::npos) << huge.body;
  EXPECT_EQ(count("SELECT COUNT(*) FROM seat_requests WHERE status = 'consultation' AND id = " + std::to_string(seat)), 1);

  HttpClient api(server_->port());
  auto pay = api.send_json("POST", "/api/v1/payments?lang=en",
                           R"({"invoice_id":1,"paid_on":")" + today() + R"(","amount":9000000000000000000,"method":"cash"})",
                           token_);
  EXPECT_EQ(pay.status, 422) << pay.body;
  EXPECT_NE(nlohmann::json::parse(pay.body)["error"]["fields"]["amount"].get<std::string>().find("at most ¥100,000,000"),
            std::string::npos)
      << pay.body;
}

}  // namespace
}  // namespace mdsc::testing
