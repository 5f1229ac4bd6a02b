#include "modules/invoicing/tax.h"

#include <gtest/gtest.h>

#include <limits>

#include "core/money.h"

namespace mdsc::invoicing {
namespace {

DocumentLine line(std::int64_t amount, TaxCategory c = TaxCategory::standard10) {
  return DocumentLine{"x", 1, amount, amount, c};
}

TEST(Tax, RoundsOncePerRateNotPerLine) {
  // Per line: 10.5 -> 10, three times = 30. Per invoice: 31.5 -> 31.
  auto r = compute_totals({line(105), line(105), line(105)}, Rounding::floor);
  ASSERT_TRUE(r.is_ok());
  const Totals& t = *r;
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
  auto r = compute_totals({line(2000000), line(1000, TaxCategory::reduced8), line(500000, TaxCategory::not_taxable)},
                          Rounding::floor);
  ASSERT_TRUE(r.is_ok());
  const Totals& t = *r;
  ASSERT_EQ(t.summaries.size(), 3u);
  EXPECT_EQ(t.summaries[0].tax_amount, 200000);
  EXPECT_EQ(t.summaries[1].tax_amount, 80);
  EXPECT_EQ(t.summaries[2].tax_amount, 0);
  EXPECT_EQ(t.subtotal, 2501000);
  EXPECT_EQ(t.tax_total, 200080);
  EXPECT_EQ(t.total, 2701080);
}

TEST(Tax, LargestAmountsStayExact) {
  constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
  // The largest base whose tax can be computed: base × 10 is still an int64.
  EXPECT_EQ(tax_for(kMax / 10, 10, Rounding::floor), kMax / 100);
  // (kMax / 10 - 5) × 10 ends in 50 hundredths: rounded up, and the magnitude for a credit note.
  EXPECT_EQ(tax_for(-(kMax / 10 - 5), 10, Rounding::ceil), -(kMax / 100));
  EXPECT_EQ(tax_for(kMax / 10 - 5, 10, Rounding::half_up), kMax / 100);
  EXPECT_EQ(tax_for(kMax / 10 - 5, 10, Rounding::floor), kMax / 100 - 1);
  EXPECT_EQ(tax_for(money::kMaxAmount, 10, Rounding::floor), 10'000'000);
}

TEST(Tax, OverflowIsAnErrorNotAWrappedNumber) {
  constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
  constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();
  EXPECT_EQ(tax_for(kMax / 10 + 1, 10, Rounding::floor), std::nullopt);  // base × rate overflows
  EXPECT_EQ(tax_for(kMin, 10, Rounding::floor), std::nullopt);           // -base overflows
  EXPECT_EQ(tax_for(kMin, 0, Rounding::floor), std::nullopt);
  // The sum of the lines of one rate, the sum of the rates, and the total with tax.
  auto sum = compute_totals({line(kMax / 2 + 1), line(kMax / 2 + 1, TaxCategory::standard10)}, Rounding::floor);
  ASSERT_FALSE(sum.is_ok());
  EXPECT_EQ(sum.status().message_id(), "invoicing.amount_too_large");
  auto rates = compute_totals({line(kMax / 20), line(kMax - kMax / 20 + 1, TaxCategory::not_taxable)}, Rounding::floor);
  EXPECT_FALSE(rates.is_ok()) << "the subtotal over the rates overflows";
  auto with_tax = compute_totals({line(1000), line(kMax - 1050, TaxCategory::not_taxable)}, Rounding::floor);
  EXPECT_FALSE(with_tax.is_ok()) << "the subtotal fits, the subtotal plus the tax of 100 does not";
  auto just_fits = compute_totals({line(1000), line(kMax - 1100, TaxCategory::not_taxable)}, Rounding::floor);
  ASSERT_TRUE(just_fits.is_ok());
  EXPECT_EQ(just_fits->total, kMax);
  auto fits = compute_totals({line(kMax / 11)}, Rounding::floor);
  ASSERT_TRUE(fits.is_ok());
  EXPECT_EQ(fits->total, kMax / 11 + kMax / 110);
}

TEST(Tax, Codes) {
  EXPECT_EQ(category_from("10"), TaxCategory::standard10);
  EXPECT_EQ(category_from("none"), TaxCategory::not_taxable);
  EXPECT_FALSE(category_from("5").has_value());
  EXPECT_EQ(category_code(TaxCategory::reduced8), "8");
}

}  // namespace
}  // namespace mdsc::invoicing
