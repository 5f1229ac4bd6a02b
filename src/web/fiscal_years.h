#pragma once
// Pages that show one fiscal year at a time: the year a page asks for, and the links to the
// neighbouring years.
#include <cstdint>
#include <string>

#include "core/result.h"
#include "nlohmann/json.hpp"
#include "web/context.h"

namespace mdsc::web {

// The fiscal year (April–March, Asia/Tokyo) that `now` falls in.
int current_fiscal_year(std::int64_t now);
// A fiscal year chosen with ?fy=, else the current one.
int requested_fiscal_year(const Context& ctx);
// An API's ?fiscal_year=2017, else the current one; a field error (validation.number) in st for
// anything but four digits.
int api_fiscal_year(const Context& ctx, Status& st);
// {label, prev_href, prev_label, next_href, next_label} for a page at `path`.
nlohmann::json fiscal_year_nav(const Context& ctx, const std::string& path, int fy);

}  // namespace mdsc::web
