#include "modules/curriculum/validation.h"

#include <algorithm>
#include <cctype>

#include "platform/identity/validation.h"

namespace mdsc::curriculum {
namespace {

bool one_of(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

// Letters, digits and - _ . (course codes such as "C-L1").
bool valid_code(const std::string& s) {
  if (s.empty() || s.size() > 20) return false;
  return std::all_of(s.begin(), s.end(), [](char ch) {
    return std::isalnum(static_cast<unsigned char>(ch)) || ch == '-' || ch == '_' || ch == '.';
  });
}

void check_text(Status& st, const std::string& field, const std::string& s, std::size_t max) {
  if (s.size() > max) st.field(field, "validation.too_long");
}

}  // namespace

bool valid_date(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (std::size_t i = 0; i < 10; ++i)
    if (i != 4 && i != 7 && !std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  int y = std::stoi(s.substr(0, 4)), m = std::stoi(s.substr(5, 2)), d = std::stoi(s.substr(8, 2));
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12 || d < 1) return false;
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return d <= days[m - 1] + (m == 2 && leap ? 1 : 0);
}

Status validate_instructor(const Instructor& i) {
  Status st;
  if (auto e = identity::check_name(i.family_name, true); !e.empty()) st.field("family_name", e);
  if (auto e = identity::check_name(i.given_name, false); !e.empty()) st.field("given_name", e);
  if (auto e = identity::check_kana(i.family_name_kana); !e.empty()) st.field("family_name_kana", e);
  if (auto e = identity::check_kana(i.given_name_kana); !e.empty()) st.field("given_name_kana", e);
  if (auto e = identity::check_romaji(i.romaji_name); !e.empty()) st.field("romaji_name", e);
  check_text(st, "title", i.title, 100);
  check_text(st, "department", i.department, 200);
  if (!i.email.empty())
    if (auto e = identity::check_email(i.email); !e.empty()) st.field("email", e);
  return st;
}

void normalize_course(Course& c) {
  c.code.erase(0, c.code.find_first_not_of(' '));
  c.code.erase(c.code.find_last_not_of(' ') + 1);
}

Status validate_course(const Course& c) {
  Status st;
  if (c.fiscal_year < 2000 || c.fiscal_year > 2100) st.field("fiscal_year", "validation.fiscal_year");
  if (c.code.empty()) st.field("code", "validation.required");
  else if (!valid_code(c.code)) st.field("code", "curriculum.code_format");
  if (auto e = identity::check_name(c.title_ja, true); !e.empty()) st.field("title_ja", e);
  if (c.title_en.size() > 300) st.field("title_en", "validation.too_long");
  if (!one_of(categories(), c.category)) st.field("category", "validation.choice");
  if (c.category == "common" && !c.track.empty()) st.field("track", "curriculum.track_only_specialised");
  if (c.category == "specialised" && !one_of(tracks(), c.track)) st.field("track", "curriculum.track_required");
  if (!one_of(course_kinds(), c.kind)) st.field("kind", "validation.choice");
  if (c.periods <= 0) st.field("periods", "curriculum.periods_positive");
  else if (c.periods > kMaxPeriods) st.field("periods", "validation.too_large");
  if (!one_of(time_bands(), c.time_band)) st.field("time_band", "validation.choice");
  if (!one_of(course_statuses(), c.status)) st.field("status", "validation.choice");
  if (c.capacity && *c.capacity <= 0) st.field("capacity", "validation.positive");
  else if (c.capacity && *c.capacity > kMaxCapacity) st.field("capacity", "validation.too_large");
  if (c.description.size() > 20000) st.field("description", "curriculum.description_too_long");
  return st;
}

Status validate_year(const CurriculumYear& y) {
  Status st;
  if (y.fiscal_year < 2000 || y.fiscal_year > 2100) st.field("fiscal_year", "validation.fiscal_year");
  if (!one_of(choice_rules(), y.choice_rule)) st.field("choice_rule", "validation.choice");
  if (!y.drop_deadline.empty() && !valid_date(y.drop_deadline)) st.field("drop_deadline", "validation.date");
  if (y.notes.size() > 2000) st.field("notes", "curriculum.description_too_long");
  return st;
}

}  // namespace mdsc::curriculum
