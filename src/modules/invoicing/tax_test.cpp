#include "modules/invoicing/tax.h"

#include <gtest/gtest.h>

namespace mdsc::invoicing {
namespace {

DocumentLine line(std::int64_t amount, TaxCategory c = TaxCategory::standard10) {
  return DocumentLine{"x", 1, amount, amount, c};
}

TEST(Tax, RoundsOncePerRateNotPerLine) {
  // Per line: 10.5 -> 10, three times = 30. Per invoice: 31.5 -> 31.
  auto t = compute_totals({line(105), line(105), line(105)}, Rounding::floor);
  ASSERT_EQ(t.summaries.size(), 1u);
  EXPECT_EQ(t.summaries[0].taxable, 315);
  EXPECT_EQ(t.summaries[0].tax_amount, 31);
  EXPECT_EQ(t.tax_total, 31);
  EXPECT_EQ(t.total, 346);
}

TEST(Tax, RoundingModes) {
  EXPECT_EQ(tax_for(315, 10, Rounding::floor), 31);
  EXPECT_EQ(tax_for(315, 10, Rounding::half_up), 32);
  EXPECT_EQ(tax_for(314, 10, Rounding::half_up), 31);
  EXPECT_EQ(tax_for(311, 10, Rounding::ceil), 32);
  EXPECT_EQ(tax_for(310, 10, Rounding::ceil), 31);
  EXPECT_EQ(tax_for(-315, 10, Rounding::floor), -31) << "a credit note mirrors its invoice";
}

TEST(Tax, SeparatesRatesAndKeepsNotTaxableOutOfTax) {
  auto t = compute_totals({line(2000000), line(1000, TaxCategory::reduced8), line(500000, TaxCategory::not_taxable)},
                          Rounding::floor);
  ASSERT_EQ(t.summaries.size(), 3u);
  EXPECT_EQ(t.summaries[0].tax_amount, 200000);
  EXPECT_EQ(t.summaries[1].tax_amount, 80);
  EXPECT_EQ(t.summaries[2].tax_amount, 0);
  EXPECT_EQ(t.subtotal, 2501000);
  EXPECT_EQ(t.tax_total, 200080);
  EXPECT_EQ(t.total, 2701080);
}

TEST(Tax, Codes) {
  EXPECT_EQ(category_from("10"), TaxCategory::standard10);
  EXPECT_EQ(category_from("none"), TaxCategory::not_taxable);
  EXPECT_FALSE(category_from("5").has_value());
  EXPECT_EQ(category_code(TaxCategory::reduced8), "8");
}

}  // namespace
}  // namespace mdsc::invoicing
