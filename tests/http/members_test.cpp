// Partner companies, memberships and invoices against a real server with the FY2017 demo.
#include <gtest/gtest.h>
#include <unicode/ucnv.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

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

std::string to_cp932(const std::string& utf8) {
  UErrorCode err = U_ZERO_ERROR;
  std::string out(utf8.size() * 2 + 16, '\0');
  auto n = ucnv_convert("cp932", "UTF-8", out.data(), static_cast<int32_t>(out.size()), utf8.data(),
                        static_cast<int32_t>(utf8.size()), &err);
  out.resize(static_cast<std::size_t>(n));
  return out;
}

class Members : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new TestServer();
    auto r = server_->cli({"init", "--demo"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    passwords_ = demo_passwords(server_->dir());
    ASSERT_FALSE(passwords_.empty());
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
  // A demo company's id, by its name (demo_members.cpp): ids depend on the order of creation.
  static std::int64_t company_id(const std::string& name) {
    auto db = server_->open_db();
    return db->read([&](db::Conn& c) {
      return c.scalar_i64("SELECT id FROM organizations WHERE kind = 'company' AND name = ?", {name});
    });
  }
  static TestServer* server_;
  static std::map<std::string, std::string> passwords_;
};
TestServer* Members::server_ = nullptr;
std::map<std::string, std::string> Members::passwords_;

TEST_F(Members, ARepresentativeSeesOnlyTheirOwnCompanysInvoices) {
  auto db = server_->open_db();
  auto [own_company, own_invoice, other_invoice] = db->read([](db::Conn& c) {
    auto company = c.scalar_i64("SELECT scope_id FROM roles r JOIN users u ON u.id = r.user_id WHERE u.email = 'partner@mdsc.example'");
    return std::make_tuple(company, c.scalar_i64("SELECT MIN(id) FROM invoices WHERE company_id = ?", {company}),
                           c.scalar_i64("SELECT MIN(id) FROM invoices WHERE company_id <> ?", {company}));
  });
  auto rep = as("partner@mdsc.example");
  auto list = rep.get("/invoices?fy=2017");
  ASSERT_EQ(list.status, 200);
  std::smatch m;
  std::string body = list.body;
  int numbers = 0;
  while (std::regex_search(body, m, std::regex("MDSC-FY2017-\\d{4}"))) {
    ++numbers;
    body = m.suffix();
  }
  EXPECT_EQ(numbers, 1) << "the demo representative's company has one invoice";
  EXPECT_EQ(rep.get("/invoices/" + std::to_string(own_invoice)).status, 200);
  auto pdf = rep.get("/invoices/" + std::to_string(own_invoice) + "/pdf");
  EXPECT_EQ(pdf.status, 200);
  EXPECT_EQ(pdf.body.substr(0, 5), "%PDF-");
  EXPECT_EQ(rep.get("/invoices/" + std::to_string(other_invoice)).status, 404);
  EXPECT_EQ(rep.get("/invoices/" + std::to_string(other_invoice) + "/pdf").status, 404);
  EXPECT_EQ(rep.get("/api/v1/invoices/" + std::to_string(other_invoice)).status, 404);
  const auto other_company = company_id("デモ創薬ファーマ株式会社");
  ASSERT_NE(other_company, own_company);
  EXPECT_EQ(rep.get("/companies/" + std::to_string(other_company)).status, 404);
  EXPECT_EQ(rep.get("/companies/" + std::to_string(own_company)).status, 200);
  EXPECT_EQ(rep.get("/fee-schedules").status, 403) << "nobody but the secretariat sees fees";
  // The API lists exactly the invoices of the representative's company, not an empty list.
  std::set<std::int64_t> own_invoices;
  for (const auto& r : db->read([&](db::Conn& c) {
         return c.query("SELECT id FROM invoices WHERE company_id = ?", {own_company});
       }))
    own_invoices.insert(r.i64("id"));
  ASSERT_FALSE(own_invoices.empty()) << "the demo gives the representative's company an invoice";
  auto api = rep.get("/api/v1/invoices");
  ASSERT_EQ(api.status, 200) << api.body;
  // Kept in a variable: a range-for over a member of a temporary reads freed memory.
  const auto invoices = nlohmann::json::parse(api.body);
  ASSERT_TRUE(invoices.contains("items")) << api.body;
  std::set<std::int64_t> listed;
  for (const auto& inv : invoices["items"]) {
    EXPECT_EQ(inv["company_id"], own_company) << inv.dump();
    listed.insert(inv["id"].get<std::int64_t>());
  }
  EXPECT_EQ(listed, own_invoices) << api.body;
  auto trainee = as("trainee@mdsc.example");
  EXPECT_EQ(trainee.get("/invoices").status, 403);
  EXPECT_EQ(trainee.get("/api/v1/invoices").status, 403);
}

TEST_F(Members, TheInvoicePdfCarriesWhatAQualifiedInvoiceMust) {
  auto c = as("secretariat@mdsc.example");
  auto db = server_->open_db();
  auto [id, number, reg] = db->read([](db::Conn& x) {
    auto r = x.query_one("SELECT id, number FROM invoices WHERE kind = 'invoice' ORDER BY id LIMIT 1");
    return std::make_tuple(r->i64("id"), r->str("number"),
                           x.query_one("SELECT registration_number FROM issuer_profile")->str("registration_number"));
  });
  auto pdf = c.get("/invoices/" + std::to_string(id) + "/pdf");
  ASSERT_EQ(pdf.status, 200);
  EXPECT_EQ(pdf.header("content-type"), "application/pdf");
  std::string text = pdf_text(pdf.body);
  EXPECT_NE(text.find(number), std::string::npos) << text;
  EXPECT_NE(text.find(reg), std::string::npos);
  EXPECT_NE(text.find("¥550,000"), std::string::npos);
  EXPECT_NE(text.find("¥50,000"), std::string::npos) << "the tax at 10 %";
  EXPECT_NE(text.find("あおば架空製薬株式会社"), std::string::npos);
}

TEST_F(Members, TheMembersListExportsCsvThatExcelOpens) {
  auto c = as("secretariat@mdsc.example");
  auto csv = c.get("/members.csv?fy=2017");
  ASSERT_EQ(csv.status, 200);
  EXPECT_EQ(csv.body.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_NE(csv.body.find("\r\n"), std::string::npos);
  std::size_t lf = 0, crlf = 0;
  for (std::size_t i = 0; i < csv.body.size(); ++i)
    if (csv.body[i] == '\n') {
      ++lf;
      if (i > 0 && csv.body[i - 1] == '\r') ++crlf;
    }
  EXPECT_EQ(lf, crlf);
  EXPECT_EQ(lf, 13u) << "a header and the 12 demo members";
  auto page = c.get("/members?fy=2017");
  EXPECT_NE(page.body.find("<svg"), std::string::npos) << "the dashboard chart";
}

TEST_F(Members, BadInputNamesTheFieldAndWritesNothing) {
  auto token = server_->cli({"user", "token", "--email", "secretariat@mdsc.example"}).out;
  token = token.substr(0, token.find('\n'));
  HttpClient c(server_->port());
  auto memberships = count("SELECT COUNT(*) FROM memberships");
  auto payments = count("SELECT COUNT(*) FROM payments");
  // Looked up, not assumed: a large company (not a venture), and an invoice the demo leaves unpaid.
  const auto large = company_id("デモ創薬ファーマ株式会社");
  const auto unpaid = company_id("デモヘルスケアデータ株式会社");
  const auto invoice = server_->open_db()->read([&](db::Conn& x) {
    return x.scalar_i64("SELECT id FROM invoices WHERE company_id = ? AND kind = 'invoice'", {unpaid});
  });
  auto membership = [&](int fiscal_year, const std::string& tier) {
    return nlohmann::json{{"company_id", large}, {"fiscal_year", fiscal_year}, {"tier", tier}}.dump();
  };
  auto big = c.send_json("POST", "/api/v1/memberships?lang=en", membership(2019, "B"), token);
  EXPECT_EQ(big.status, 422);
  EXPECT_TRUE(nlohmann::json::parse(big.body)["error"]["fields"].contains("fiscal_year")) << big.body;
  auto b = c.send_json("POST", "/api/v1/memberships?lang=en", membership(2018, "B"), token);
  EXPECT_EQ(b.status, 422);
  EXPECT_NE(nlohmann::json::parse(b.body)["error"]["fields"]["tier"].get<std::string>().find("ventures only"), std::string::npos)
      << b.body;
  auto unknown = c.send_json("POST", "/api/v1/memberships", membership(2018, "Z"), token);
  EXPECT_EQ(unknown.status, 422);
  EXPECT_TRUE(nlohmann::json::parse(unknown.body)["error"]["fields"].contains("tier"));
  auto negative = c.send_json("POST", "/api/v1/payments",
                              nlohmann::json{{"invoice_id", invoice}, {"paid_on", "2017-12-01"}, {"amount", -5},
                                             {"method", "cash"}}.dump(),
                              token);
  EXPECT_EQ(negative.status, 422) << negative.body;
  EXPECT_TRUE(nlohmann::json::parse(negative.body)["error"]["fields"].contains("amount"));
  EXPECT_EQ(count("SELECT COUNT(*) FROM memberships"), memberships);
  EXPECT_EQ(count("SELECT COUNT(*) FROM payments"), payments);

  auto page = as("secretariat@mdsc.example");
  page.get("/settings/issuer");
  auto before = server_->open_db()->read([](db::Conn& x) {
    return x.query_one("SELECT registration_number FROM issuer_profile")->str("registration_number");
  });
  auto r = page.post_form("/settings/issuer", {{"name", "事務局"}, {"registration_number", "T12345678901234"},
                                               {"number_prefix", "MDSC"}, {"rounding", "floor"}, {"payment_days", "30"}});
  EXPECT_EQ(r.status, 422);
  EXPECT_NE(r.body.find("id=\"f-registration_number-error\""), std::string::npos);
  EXPECT_NE(r.body.find("action=\"/settings/issuer\""), std::string::npos);
  EXPECT_NE(r.body.find("保存する</button>"), std::string::npos);
  EXPECT_NE(r.body.find("T12345678901234"), std::string::npos) << "what was typed stays in the field";
  auto after = server_->open_db()->read([](db::Conn& x) {
    return x.query_one("SELECT registration_number FROM issuer_profile")->str("registration_number");
  });
  EXPECT_EQ(after, before);
}

TEST_F(Members, CompaniesSurviveACsvRoundTripIncludingShiftJis) {
  auto c = as("secretariat@mdsc.example");
  auto exported = c.get("/companies.csv");
  ASSERT_EQ(exported.status, 200);
  // Into a fresh system, once as the UTF-8 export and once as Excel's CP932 would save it.
  for (bool cp932 : {false, true}) {
    TestServer fresh;
    fresh.add_user("admin@example.org", {"secretariat"}, "Kanazawa-seminar-2017-pw");
    HttpClient f(fresh.port());
    ASSERT_EQ(f.login("admin@example.org", "Kanazawa-seminar-2017-pw"), 303);
    f.get("/companies/import");
    std::string content = cp932 ? to_cp932(exported.body.substr(3)) : exported.body;
    auto preview = f.post_file("/companies/import", "file", "companies.csv", content);
    ASSERT_EQ(preview.status, 200) << preview.body;
    std::smatch m;
    ASSERT_TRUE(std::regex_search(preview.body, m, std::regex("action=\"(/companies/import/\\d+/confirm)\"")));
    auto done = f.post_form(m[1], {});
    EXPECT_EQ(done.status, 303);
    auto again = f.get("/companies.csv");
    EXPECT_EQ(again.body, exported.body) << (cp932 ? "CP932" : "UTF-8");
  }
}

TEST_F(Members, ACsvWithOneBadRowListsEveryErrorAndWritesNothing) {
  auto c = as("secretariat@mdsc.example");
  auto before = count("SELECT COUNT(*) FROM organizations");
  c.get("/companies/import");
  std::string csv =
      "名称,業種,法人番号,従業員数\r\n"
      "架空インポート一号株式会社,製薬,,10\r\n"
      "架空インポート二号株式会社,パン屋,1234567890123,many\r\n"
      "架空インポート三号株式会社,CRO,,300\r\n";
  auto r = c.post_file("/companies/import", "file", "x.csv", csv);
  EXPECT_EQ(r.status, 422);
  EXPECT_NE(r.body.find("チェックディジット"), std::string::npos) << "the corporate number's problem, in words";
  EXPECT_NE(r.body.find("<td>3</td>"), std::string::npos) << "the bad row's line number";
  EXPECT_EQ(r.body.find("/confirm\""), std::string::npos) << "no confirm button while a row is wrong";
  int errors = 0;
  for (std::size_t p = 0; (p = r.body.find("class=\"field-error\"", p)) != std::string::npos; ++p) ++errors;
  EXPECT_EQ(errors, 3) << "type, corporate number and employees of row 3";
  EXPECT_EQ(count("SELECT COUNT(*) FROM organizations"), before);
  EXPECT_EQ(count("SELECT COUNT(*) FROM pending_imports"), 0);
}

}  // namespace
}  // namespace mdsc::testing
