#pragma once
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "db/database.h"

namespace mdsc::db {

// "?, ?, ?" for the ids, which are appended to p: the inside of an IN list.
std::string placeholders(const std::vector<std::int64_t>& ids, Params& p);

// " LIMIT ? OFFSET ?", its two values appended to p: one page of a list. Appended last, after the
// WHERE clause's values.
std::string page(Params& p, std::int64_t limit, std::int64_t offset);

// A list page's WHERE clause, grown one filter at a time; each filter's values are appended to the
// query's parameters in the same order. It starts as " WHERE 1=1", so that more may be appended.
class Where {
 public:
  explicit Where(Params& p) : params_(p) {}
  // " AND condition", its "?" bound to values.
  Where& add(std::string_view condition, std::initializer_list<Param> values = {});
  // in("i.company_id IN", ids) adds " AND i.company_id IN (?, ...)"; an empty list matches nothing.
  Where& in(std::string_view column_in, const std::vector<std::int64_t>& ids);
  const std::string& sql() const { return sql_; }

 private:
  Params& params_;
  std::string sql_ = " WHERE 1=1";
};

}  // namespace mdsc::db
