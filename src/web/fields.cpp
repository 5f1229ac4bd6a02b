#include "web/fields.h"

namespace mdsc::web {

nlohmann::json field(const Context& ctx, const FieldSpec& s, const nlohmann::json& form) {
  nlohmann::json f;
  f["name"] = s.name;
  f["id"] = "f-" + s.name;
  f["label"] = ctx.t(s.label_id);
  f["type"] = s.type;
  f["required"] = s.required;
  f["required_mark"] = s.required ? ctx.t("form.required_mark") : "";
  f["autocomplete"] = s.autocomplete;
  f["inputmode"] = s.input_mode;
  f["lang_attr"] = s.lang_attr;
  f["is_select"] = s.type == "select";
  f["is_textarea"] = s.type == "textarea";
  f["is_checkbox"] = s.type == "checkbox";
  f["is_input"] = s.type != "select" && s.type != "textarea" && s.type != "checkbox";
  std::string value = s.value;
  bool typed = false;
  if (s.type != "password" && form.contains("values") && form["values"].contains(s.name)) {
    value = form["values"][s.name].get<std::string>();
    typed = true;
  }
  if (s.type == "checkbox") {
    bool submitted = form.value("has_errors", false);
    f["checked"] = submitted ? typed : (s.value == "1");
  } else if (s.type != "password") {
    f["value"] = value;
  }
  if (!s.hint_id.empty()) {
    f["hint"] = ctx.t(s.hint_id);
    f["hint_id"] = "f-" + s.name + "-hint";
  }
  if (form.contains("errors") && form["errors"].contains(s.name)) {
    f["error"] = form["errors"][s.name];
    f["error_id"] = "f-" + s.name + "-error";
  }
  if (s.type == "select") {
    auto opts = nlohmann::json::array();
    for (const auto& [v, label] : s.options)
      opts.push_back({{"value", v}, {"label", s.options_raw ? label : ctx.t(label)}, {"selected", v == value}});
    f["options"] = opts;
  }
  std::string described;
  if (f.contains("hint_id")) described += f["hint_id"].get<std::string>();
  if (f.contains("error_id")) described += (described.empty() ? "" : " ") + f["error_id"].get<std::string>();
  f["describedby"] = described;
  return f;
}

nlohmann::json fields(const Context& ctx, const std::vector<FieldSpec>& specs, const nlohmann::json& form) {
  auto out = nlohmann::json::array();
  for (const auto& s : specs) out.push_back(field(ctx, s, form));
  return out;
}

}  // namespace mdsc::web
