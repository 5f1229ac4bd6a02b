#include "db/where.h"

namespace mdsc::db {

std::string placeholders(const std::vector<std::int64_t>& ids, Params& p) {
  std::string out;
  for (auto id : ids) {
    out += out.empty() ? "?" : ", ?";
    p.emplace_back(id);
  }
  return out;
}

std::string page(Params& p, std::int64_t limit, std::int64_t offset) {
  p.emplace_back(limit);
  p.emplace_back(offset);
  return " LIMIT ? OFFSET ?";
}

Where& Where::add(std::string_view condition, std::initializer_list<Param> values) {
  sql_ += " AND ";
  sql_ += condition;
  params_.insert(params_.end(), values.begin(), values.end());
  return *this;
}

Where& Where::in(std::string_view column_in, const std::vector<std::int64_t>& ids) {
  if (ids.empty()) return add("1=0");
  sql_ += " AND ";
  sql_ += column_in;
  sql_ += " (" + placeholders(ids, params_) + ")";
  return *this;
}

}  // namespace mdsc::db
