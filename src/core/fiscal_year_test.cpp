#include <gtest/gtest.h>

#include <thread>

#include "core/i18n.h"

namespace mdsc::i18n {
namespace {

TEST(FiscalYear, StartsInApril) {
  EXPECT_EQ(fiscal_year_of(2018, 3, 31), 2017);
  EXPECT_EQ(fiscal_year_of(2017, 4, 1), 2017);
  EXPECT_EQ(fiscal_year_of(2018, 1, 1), 2017);
  EXPECT_EQ(fiscal_year_of(2017, 12, 31), 2017);
  EXPECT_EQ(fiscal_year_label(2017), "FY2017");
}

TEST(FiscalYear, EraBoundaries) {
  EXPECT_EQ(fiscal_year_era_label(1988), "昭和63年度");
  EXPECT_EQ(fiscal_year_era_label(1989), "平成元年度");  // Heisei began 1989-01-08
  EXPECT_EQ(fiscal_year_era_label(1990), "平成2年度");
  EXPECT_EQ(fiscal_year_era_label(2017), "平成29年度");
  EXPECT_EQ(fiscal_year_era_label(2018), "平成30年度");
  EXPECT_EQ(fiscal_year_era_label(2019), "令和元年度");  // override: began in Heisei 31
  EXPECT_EQ(fiscal_year_era_label(2020), "令和2年度");
  EXPECT_EQ(fiscal_year_era_label(2025), "令和7年度");
  EXPECT_EQ(fiscal_year_era_label(1926), "大正15年度");  // Showa began 1926-12-25
  EXPECT_EQ(fiscal_year_era_label(1927), "昭和2年度");
  EXPECT_EQ(fiscal_year_era_label(1900), "明治33年度");
  EXPECT_EQ(fiscal_year_era_label(1700), "FY1700");  // before the eras we name
}

TEST(FiscalYear, Display) {
  EXPECT_EQ(fiscal_year_display("ja", 2017), "平成29年度 (FY2017)");
  EXPECT_EQ(fiscal_year_display("en", 2017), "FY2017 (平成29年度)");
}

TEST(FiscalYear, WorksOnOtherThreads) {
  std::string a, b;
  std::thread t1([&] { a = fiscal_year_era_label(2017); });
  std::thread t2([&] { b = fiscal_year_era_label(2020); });
  t1.join();
  t2.join();
  EXPECT_EQ(a, "平成29年度");
  EXPECT_EQ(b, "令和2年度");
}

}  // namespace
}  // namespace mdsc::i18n
