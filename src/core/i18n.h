#pragma once
// Message catalogues (i18n/ja.json, en.json, qqq.json; ids like "login.title") and locale-aware
// formatting: yen, Asia/Tokyo dates and times, Japanese fiscal years (April–March) in both the
// Western form "FY2017" and the era form "平成29年度".
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace mdsc::i18n {

// "ja" (default), "en", and "qqx": a test language that shows message ids instead of text so that
// any text left untranslated stands out.
inline constexpr const char* kDefaultLang = "ja";
bool is_supported(std::string_view lang);
const std::vector<std::string>& supported_languages();  // {"ja", "en"} (qqx not listed)

using Args = std::map<std::string, std::string>;

class Catalog {
 public:
  // Loads i18n/<lang>.json for every supported language from the embedded resources.
  static const Catalog& instance();
  // Loads from explicit JSON texts (tests).
  static Catalog from_json(const std::map<std::string, std::string>& lang_to_json);

  // Text for id in lang with {name} placeholders replaced by args (values inserted as given;
  // HTML escaping is the template's job). Falls back to ja, then to the id itself.
  std::string text(std::string_view lang, std::string_view id, const Args& args = {}) const;
  bool has(std::string_view lang, std::string_view id) const;
  std::vector<std::string> ids(std::string_view lang) const;

 private:
  std::map<std::string, std::map<std::string, std::string, std::less<>>, std::less<>> by_lang_;
};

// Shorthand for Catalog::instance().text(...).
std::string t(std::string_view lang, std::string_view id, const Args& args = {});

// Picks the language from an Accept-Language header ("en-US,en;q=0.9,ja;q=0.8"), or "" if none fits.
std::string from_accept_language(std::string_view header);

// ¥2,000,000 ; negative amounts as -¥1,000. Whole yen only.
std::string yen(std::int64_t amount);
// 2,000,000 (no symbol).
std::string grouped(std::int64_t n);

// Japanese fiscal year of a civil date (April 1 starts the year): 2018-03-31 -> 2017.
int fiscal_year_of(int year, int month, int day);
// "FY2017"
std::string fiscal_year_label(int fy);
// "平成29年度", "令和元年度" (FY2019 is officially named in Reiwa though it began in Heisei),
// "令和7年度". Computed with ICU's Japanese calendar at April 1 of the year, with an override table.
std::string fiscal_year_era_label(int fy);
// Both, in the order the language prefers: ja "平成29年度 (FY2017)", en "FY2017 (平成29年度)".
std::string fiscal_year_display(std::string_view lang, int fy);

// Asia/Tokyo presentation of a UTC instant.
//   ja: "2017年10月30日 9:00" / en: "30 Oct 2017, 09:00"
std::string format_datetime(std::string_view lang, std::int64_t unix_seconds);
//   ja: "2017年10月30日(月)" / en: "Mon, 30 Oct 2017"
std::string format_date(std::string_view lang, std::int64_t unix_seconds);
// Wall-clock time in Asia/Tokyo: "09:05" (Japan keeps no summer time).
std::string tokyo_time_hm(std::int64_t unix_seconds);
// Civil date in Asia/Tokyo: "2017-10-30".
std::string tokyo_date_iso(std::int64_t unix_seconds);
// The UTC instant of a local Asia/Tokyo wall time ("2017-10-30", "00:00:00"); false on bad input.
bool tokyo_to_unix(std::string_view date_iso, std::string_view time_hms, std::int64_t& unix_seconds);

}  // namespace mdsc::i18n
