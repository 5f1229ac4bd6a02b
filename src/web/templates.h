#pragma once
// Mustache templates (kainjow), escaped by default. Two things happen when a template is loaded,
// once per language: `{{#t}}message.id{{/t}}` is replaced by the escaped translation, and
// `{{> name}}` partials are inlined. The parsed result is cached per thread; with a resource
// override directory (development) templates are re-read on every render.
#include <string>
#include <string_view>
#include <vector>

#include "nlohmann/json.hpp"

namespace mdsc::web {

// name: a resource path under templates/, e.g. "layout/base.html" or "accounts/login.html".
// Throws std::runtime_error when the template is missing or malformed (a bug, not user input).
std::string render_template(std::string_view name, std::string_view lang, const nlohmann::json& data);

// Message ids used by a template source ({{#t}}id{{/t}}), for the catalogue completeness test.
std::vector<std::string> template_message_ids(std::string_view source);

// HTML escaping for the few places where we assemble markup ourselves.
std::string html_escape(std::string_view s);

}  // namespace mdsc::web
