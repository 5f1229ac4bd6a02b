#pragma once
// Consumption tax the way Japan's qualified-invoice rules want it: lines are summed per tax rate
// (tax excluded) and the tax of each rate is rounded once per invoice — never per line.
// Every sum and product is overflow-checked (core/money.h): amounts too large for int64 are an
// error value, never a wrapped number on an invoice.
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "modules/invoicing/document.h"

namespace mdsc::invoicing {

enum class Rounding { floor, half_up, ceil };
// "floor", "half_up", "ceil"; unknown text reads as floor (the default).
Rounding rounding_from(const std::string& s);

struct Totals {
  std::vector<TaxSummary> summaries;  // in the order 10 %, 8 %, not taxable; rates with no lines left out
  std::int64_t subtotal = 0;
  std::int64_t tax_total = 0;
  std::int64_t total = 0;
};

// Rounds the magnitude, so a credit note's tax mirrors the invoice's (-31, not -32). nullopt when
// taxable × rate does not fit in int64.
std::optional<std::int64_t> tax_for(std::int64_t taxable, int rate_percent, Rounding r);
// invalid "invoicing.amount_too_large" when a sum or a tax overflows.
Result<Totals> compute_totals(const std::vector<DocumentLine>& lines, Rounding r);

std::optional<TaxCategory> category_from(const std::string& code);  // "10", "8", "none"

}  // namespace mdsc::invoicing
