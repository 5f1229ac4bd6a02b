#include "web/fiscal_years.h"

#include <charconv>

#include "core/i18n.h"

namespace mdsc::web {

int current_fiscal_year(std::int64_t now) {
  std::string d = i18n::tokyo_date_iso(now);
  return i18n::fiscal_year_of(std::stoi(d.substr(0, 4)), std::stoi(d.substr(5, 2)), std::stoi(d.substr(8, 2)));
}

int requested_fiscal_year(const Context& ctx) {
  std::string s = ctx.query.get("fy");
  int fy = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), fy);
  if (ec == std::errc() && p == s.data() + s.size() && fy >= 2000 && fy <= 2100) return fy;
  return current_fiscal_year(ctx.now());
}

nlohmann::json fiscal_year_nav(const Context& ctx, const std::string& path, int fy) {
  return {{"label", i18n::fiscal_year_display(ctx.lang, fy)},
          {"prev_href", path + "?fy=" + std::to_string(fy - 1)},
          {"prev_label", i18n::fiscal_year_label(fy - 1)},
          {"next_href", path + "?fy=" + std::to_string(fy + 1)},
          {"next_label", i18n::fiscal_year_label(fy + 1)}};
}

int api_fiscal_year(const Context& ctx, Status& st) {
  const std::string asked = ctx.query.get("fiscal_year");
  if (asked.empty()) return current_fiscal_year(ctx.now());
  if (asked.size() != 4 || asked.find_first_not_of("0123456789") != std::string::npos) {
    st.field("fiscal_year", "validation.number");
    return 0;
  }
  return std::stoi(asked);
}

}  // namespace mdsc::web
