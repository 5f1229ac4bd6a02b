#include "modules/members/eligibility.h"

#include <gtest/gtest.h>

namespace mdsc::members {
namespace {

Organization company(std::optional<std::int64_t> employees, std::string founded) {
  Organization c;
  c.kind = "company";
  c.company_type = "other";
  c.employee_count = employees;
  c.founded_on = std::move(founded);
  return c;
}

FeeTier tier(std::string eligibility) {
  FeeTier t;
  t.code = eligibility == "venture" ? "B" : "A";
  t.eligibility = std::move(eligibility);
  return t;
}

TEST(Eligibility, FortyNineEmployeesIsAVentureFiftyIsNot) {
  EXPECT_TRUE(is_venture(company(49, "2016-01-01"), 2018));
  EXPECT_FALSE(is_venture(company(50, "2016-01-01"), 2018));
  EXPECT_TRUE(is_venture(company(0, "2016-01-01"), 2018));
}

TEST(Eligibility, FoundedExactlyFiveYearsBeforeAprilFirstStillCounts) {
  EXPECT_TRUE(is_venture(company(10, "2013-04-01"), 2018));
  EXPECT_FALSE(is_venture(company(10, "2013-03-31"), 2018));
  EXPECT_TRUE(is_venture(company(10, "2018-04-01"), 2018));
  EXPECT_FALSE(is_venture(company(10, "2018-04-02"), 2018)) << "not founded yet on April 1";
}

TEST(Eligibility, UnknownFactsAreNotAVenture) {
  EXPECT_FALSE(is_venture(company(std::nullopt, "2016-01-01"), 2018));
  EXPECT_FALSE(is_venture(company(10, ""), 2018));
}

TEST(Eligibility, TiersSayWhyNot) {
  auto large = company(5000, "1950-06-01");
  auto st = check_eligibility(large, tier("venture"), 2018);
  ASSERT_FALSE(st.is_ok());
  EXPECT_EQ(st.fields().at("tier").message_id, "members.tier_venture_only");
  EXPECT_EQ(st.fields().at("tier").args.at("employees"), "5000");
  EXPECT_TRUE(check_eligibility(large, tier("non_venture"), 2018).is_ok());
  auto venture = company(12, "2016-05-01");
  EXPECT_TRUE(check_eligibility(venture, tier("venture"), 2018).is_ok());
  EXPECT_EQ(check_eligibility(venture, tier("non_venture"), 2018).fields().at("tier").message_id,
            "members.tier_not_for_venture");
  EXPECT_TRUE(check_eligibility(venture, tier("any"), 2018).is_ok());
}

TEST(Eligibility, FiscalYearBounds) {
  EXPECT_EQ(fiscal_year_start(2017), "2017-04-01");
  EXPECT_EQ(fiscal_year_end(2017), "2018-03-31");
}

}  // namespace
}  // namespace mdsc::members
