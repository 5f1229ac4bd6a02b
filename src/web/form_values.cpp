#include "web/form_values.h"

#include "core/jp_numbers.h"
#include "web/form.h"

namespace mdsc::web {

std::optional<std::int64_t> read_number(const std::string& text, const std::string& field, Status& st) {
  std::string t = trim(text);
  if (t.empty()) return std::nullopt;
  auto v = parse_whole_number(t);
  if (!v) st.field(field, "validation.number");
  return v;
}

}  // namespace mdsc::web
