#pragma once
// Form fields for templates/layout/field.html: label, input, hint and the error beside the field,
// with what the user typed kept (never for passwords).
#include <string>
#include <utility>
#include <vector>

#include "core/result.h"
#include "nlohmann/json.hpp"
#include "web/context.h"

namespace mdsc::web {

struct FieldSpec {
  std::string name;
  std::string label_id;
  std::string type = "text";  // text, email, password, number, date, select, textarea, checkbox
  bool required = false;
  std::string autocomplete;
  std::string hint_id;
  std::vector<std::pair<std::string, std::string>> options;  // select: value, label id
  bool options_raw = false;                                   // option labels are data, not ids
  std::string value;                                          // initial value when nothing was typed
  std::string input_mode;
  std::string lang_attr;                                      // e.g. "en" for romaji
};

// values/errors: from form_state(); a field shows the typed value if any, else spec.value.
nlohmann::json field(const Context& ctx, const FieldSpec& spec, const nlohmann::json& form);
nlohmann::json fields(const Context& ctx, const std::vector<FieldSpec>& specs, const nlohmann::json& form);

}  // namespace mdsc::web
