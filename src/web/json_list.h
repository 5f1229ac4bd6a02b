#pragma once
// API lists: each record of a list as its JSON, and the {"items": [...]} answer of a list that is
// not paged.
#include <utility>

#include "http/message.h"
#include "nlohmann/json.hpp"
#include "web/render.h"

namespace mdsc::web {

// A JSON array of json_of(x) for each x of `list`, in the list's order.
template <typename List, typename JsonOf>
nlohmann::json json_array(const List& list, JsonOf&& json_of) {
  auto out = nlohmann::json::array();
  for (const auto& x : list) out.push_back(json_of(x));
  return out;
}

// 200 {"items": [...]}: how the API answers with a whole list.
template <typename List, typename JsonOf>
http::Response json_items(const List& list, JsonOf&& json_of) {
  return json(200, {{"items", json_array(list, std::forward<JsonOf>(json_of))}});
}

}  // namespace mdsc::web
