#include "db/where.h"

#include <gtest/gtest.h>

namespace mdsc::db {
namespace {

std::vector<std::int64_t> ints(const Params& p) {
  std::vector<std::int64_t> out;
  for (const auto& x : p) out.push_back(std::get<std::int64_t>(x.v));
  return out;
}

TEST(Where, FiltersJoinWithAndTheirValuesFollowInOrder) {
  Params p{7};  // a value of the query before the WHERE
  Where w(p);
  w.add("a.fiscal_year = ?", {2017}).add("a.user_id IN (SELECT id FROM users WHERE x = ? OR y = ?)", {3, 4});
  EXPECT_EQ(w.sql(), " WHERE 1=1 AND a.fiscal_year = ? AND a.user_id IN (SELECT id FROM users WHERE x = ? OR y = ?)");
  EXPECT_EQ(ints(p), (std::vector<std::int64_t>{7, 2017, 3, 4}));
}

TEST(Where, NoFilterKeepsEveryRow) {
  Params p;
  Where w(p);
  EXPECT_EQ(w.sql(), " WHERE 1=1");
  EXPECT_TRUE(p.empty());
}

TEST(Where, AnInListHasAPlaceholderPerIdAndAnEmptyListMatchesNothing) {
  Params p;
  Where w(p);
  w.in("i.company_id IN", {5, 6, 9});
  EXPECT_EQ(w.sql(), " WHERE 1=1 AND i.company_id IN (?, ?, ?)");
  EXPECT_EQ(ints(p), (std::vector<std::int64_t>{5, 6, 9}));
  Params q;
  Where none(q);
  none.in("i.company_id IN", {});
  EXPECT_EQ(none.sql(), " WHERE 1=1 AND 1=0");
  EXPECT_TRUE(q.empty());
}

}  // namespace
}  // namespace mdsc::db
