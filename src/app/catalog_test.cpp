// Every message a user can see comes from the catalogues, in both languages, explained in qqq.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "core/i18n.h"
#include "modules/curriculum/model.h"
#include "modules/timetable/feeds/feeds.h"
#include "nlohmann/json.hpp"
#include "web/principal.h"
#include "web/templates.h"

namespace mdsc {
namespace {
namespace fs = std::filesystem;

std::string slurp(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

nlohmann::json catalogue(const std::string& lang) {
  return nlohmann::json::parse(slurp(fs::path(MDSC_SOURCE_DIR) / "i18n" / (lang + ".json")));
}

std::vector<fs::path> files_under(const fs::path& root, const std::string& ext) {
  std::vector<fs::path> out;
  if (!fs::exists(root)) return out;
  for (const auto& e : fs::recursive_directory_iterator(root))
    if (e.is_regular_file() && e.path().extension() == ext) out.push_back(e.path());
  return out;
}

std::vector<fs::path> template_files() {
  auto out = files_under(fs::path(MDSC_SOURCE_DIR) / "templates", ".html");
  for (const auto& p : files_under(fs::path(MDSC_SOURCE_DIR) / "src" / "modules", ".html")) out.push_back(p);
  return out;
}

// Ids built at run time from a known list rather than written out.
std::set<std::string> dynamic_ids() {
  std::set<std::string> ids;
  for (auto r : web::all_roles()) {
    std::string n(web::role_name(r));
    ids.insert("role." + n);
  }
  for (const char* k : {"applications", "consultations", "overdue", "drafts", "mail"}) ids.insert(std::string("dashboard.queue.") + k);
  for (const char* s : {"pending", "sending", "sent", "failed"}) ids.insert(std::string("mail.status.") + s);
  for (int code : {400, 401, 403, 404, 405, 409, 413, 429, 500, 503}) ids.insert("error.heading." + std::to_string(code));
  for (const char* d : {"accepted", "waitlisted", "declined"}) {
    ids.insert(std::string("mail.decision.") + d + ".subject");
    ids.insert(std::string("mail.decision.") + d + ".body");
    ids.insert(std::string("application.decide.") + d);
    ids.insert(std::string("application.status.") + d);
  }
  for (const char* t : {"common", "bigdata_medicine", "ai_drug_discovery"}) ids.insert(std::string("track.") + t);
  for (const char* t : {"pharma", "medical_it", "medical_devices", "cro", "other"}) ids.insert(std::string("company_type.") + t);
  for (const char* s : {"applied", "active", "ended", "cancelled"}) ids.insert(std::string("membership.status.") + s);
  for (const char* s : {"issued", "partly_paid", "paid", "overdue", "credited", "credit_note", "none"})
    ids.insert(std::string("invoice.status.") + s);
  for (const char* s : {"accepted", "consultation", "declined", "withdrawn"}) ids.insert(std::string("seat.status.") + s);
  for (int code : {400, 408, 413, 431, 503}) ids.insert("error.transport." + std::to_string(code));
  for (const char* s : {"running", "done", "infeasible", "failed", "cancelled"}) ids.insert(std::string("timetable.run.") + s);
  for (const char* b : {"daytime", "evening"}) ids.insert(std::string("timetable.band.") + b);
  for (const auto& k : timetable::feed_kinds()) ids.insert("calendar.kind." + k);
  for (const char* s : {"unavailable", "avoid"}) ids.insert(std::string("availability.strength.") + s);
  // The curriculum's labels, from the model's own lists of values.
  namespace cur = curriculum;
  for (const auto& [prefix, values] : std::vector<std::pair<std::string, const std::vector<std::string>*>>{
           {"course.category.", &cur::categories()},
           {"course.track.", &cur::tracks()},
           {"course.kind.", &cur::course_kinds()},
           {"course.time_band.", &cur::time_bands()},
           {"course.status.", &cur::course_statuses()},
           {"year.choice_rule.", &cur::choice_rules()}})
    for (const auto& v : *values) ids.insert(prefix + v);
  for (const char* s : {"enrolled", "waitlisted", "dropped"}) ids.insert(std::string("enrollment.status.") + s);
  return ids;
}

// String literals in our C++ that look like message ids ("login.failed"), minus file names.
std::set<std::string> code_ids() {
  static const std::regex literal("\"([a-z][a-z0-9_]*(\\.[a-z0-9_]+)+)\"");
  static const std::regex file_like(".*\\.(html|json|sql|txt|css|js|mjs|db|toml|eml|png|pdf|csv|ics|svg|log|tsv|cpp|h)$");
  std::set<std::string> ids;
  for (const auto& p : files_under(fs::path(MDSC_SOURCE_DIR) / "src", ".cpp")) {
    if (p.filename().string().find("_test.cpp") != std::string::npos) continue;
    std::string text = slurp(p);
    for (auto it = std::sregex_iterator(text.begin(), text.end(), literal); it != std::sregex_iterator(); ++it) {
      std::string id = (*it)[1];
      if (!std::regex_match(id, file_like)) ids.insert(id);
    }
  }
  return ids;
}

TEST(Catalogue, LanguagesHaveTheSameIdsAndEveryIdIsExplained) {
  auto ja = catalogue("ja"), en = catalogue("en"), qqq = catalogue("qqq");
  for (auto it = ja.begin(); it != ja.end(); ++it) {
    EXPECT_TRUE(en.contains(it.key())) << it.key() << " missing in en.json";
    EXPECT_TRUE(qqq.contains(it.key())) << it.key() << " missing in qqq.json";
    EXPECT_FALSE(it.value().get<std::string>().empty()) << it.key() << " is empty in ja.json";
  }
  for (auto it = en.begin(); it != en.end(); ++it) EXPECT_TRUE(ja.contains(it.key())) << it.key() << " missing in ja.json";
}

TEST(Catalogue, EveryIdUsedInTemplatesExists) {
  auto ja = catalogue("ja");
  auto templates = template_files();
  ASSERT_FALSE(templates.empty());
  for (const auto& p : templates)
    for (const auto& id : web::template_message_ids(slurp(p)))
      EXPECT_TRUE(ja.contains(id)) << "template " << p.filename() << " uses " << id << ", not in the catalogues";
}

TEST(Catalogue, EveryIdUsedInCodeExists) {
  auto ja = catalogue("ja");
  auto ids = code_ids();
  ASSERT_GT(ids.size(), 50u) << "the scan found too few ids to be working";
  for (const auto& id : ids) EXPECT_TRUE(ja.contains(id)) << "code uses " << id << ", not in the catalogues";
  for (const auto& id : dynamic_ids()) EXPECT_TRUE(ja.contains(id)) << id << " (built at run time) missing";
}

// Text in templates must come from the catalogues: after removing tags, mustache tags and entities,
// no letters may remain (a string typed straight into a template would not be translated).
TEST(Catalogue, TemplatesHoldNoUntranslatedText) {
  static const std::regex mustache("\\{\\{\\{?[^}]*\\}?\\}\\}");
  static const std::regex entity("&[a-zA-Z0-9#]+;");
  static const std::regex translatable_attr("(aria-label|title|placeholder|alt)=\"([^\"{]*)\"");
  for (const auto& p : template_files()) {
    std::string text = slurp(p);
    std::smatch m;
    std::string scan = text;
    while (std::regex_search(scan, m, translatable_attr)) {
      EXPECT_TRUE(m[2].str().empty()) << p.filename() << ": attribute " << m[1] << "=\"" << m[2] << "\" is not translated";
      scan = m.suffix();
    }
    static const std::regex translated("\\{\\{#t\\}\\}[^{]*\\{\\{/t\\}\\}");
    std::string stripped = std::regex_replace(std::regex_replace(text, translated, " "), mustache, " ");
    // Drop tags (their names and attributes are markup, not text).
    std::string no_tags;
    bool in_tag = false;
    for (char c : stripped) {
      if (c == '<') in_tag = true;
      else if (c == '>') in_tag = false;
      else if (!in_tag) no_tags += c;
    }
    no_tags = std::regex_replace(no_tags, entity, " ");
    std::string letters;
    for (std::size_t i = 0; i < no_tags.size(); ++i) {
      unsigned char c = static_cast<unsigned char>(no_tags[i]);
      if (std::isalpha(c) || c >= 0xE3) letters += no_tags[i];  // ASCII letters, or kana/kanji (E3–E9 lead bytes)
    }
    // The doctype line is markup as well.
    EXPECT_TRUE(letters.empty()) << p.filename() << " has untranslated text: " << letters;
  }
}

// A page shows what works; what is still to come is said in the README's roadmap, not in a panel
// that promises it (issue 9).
TEST(Catalogue, NoMessagePromisesWhatIsNotThereYet) {
  auto ja = catalogue("ja"), en = catalogue("en");
  for (auto it = ja.begin(); it != ja.end(); ++it)
    EXPECT_EQ(it.value().get<std::string>().find("ここに表示されます"), std::string::npos) << it.key();
  for (auto it = en.begin(); it != en.end(); ++it)
    EXPECT_EQ(it.value().get<std::string>().find("will appear here"), std::string::npos) << it.key();
}

TEST(Catalogue, TestLanguageShowsIds) {
  EXPECT_EQ(i18n::t("qqx", "login.title"), "⧼login.title⧽");
}

}  // namespace
}  // namespace mdsc
