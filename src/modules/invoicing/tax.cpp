#include "modules/invoicing/tax.h"

#include <array>

namespace mdsc::invoicing {

std::optional<TaxCategory> category_from(const std::string& code) {
  if (code == "10") return TaxCategory::standard10;
  if (code == "8") return TaxCategory::reduced8;
  if (code == "none") return TaxCategory::not_taxable;
  return std::nullopt;
}

Rounding rounding_from(const std::string& s) {
  if (s == "half_up") return Rounding::half_up;
  if (s == "ceil") return Rounding::ceil;
  return Rounding::floor;
}

std::int64_t tax_for(std::int64_t taxable, int rate, Rounding r) {
  bool negative = taxable < 0;
  std::int64_t base = negative ? -taxable : taxable;
  std::int64_t scaled = base * rate;  // in hundredths of a yen
  std::int64_t whole = scaled / 100, rest = scaled % 100;
  std::int64_t tax = whole;
  if (r == Rounding::half_up && rest >= 50) ++tax;
  if (r == Rounding::ceil && rest > 0) ++tax;
  return negative ? -tax : tax;
}

Totals compute_totals(const std::vector<DocumentLine>& lines, Rounding r) {
  constexpr std::array<TaxCategory, 3> order{TaxCategory::standard10, TaxCategory::reduced8,
                                             TaxCategory::not_taxable};
  Totals t;
  for (auto cat : order) {
    bool any = false;
    std::int64_t taxable = 0;
    for (const auto& l : lines) {
      if (l.tax != cat) continue;
      any = true;
      taxable += l.amount;
    }
    if (!any) continue;
    TaxSummary s{cat, taxable, tax_for(taxable, rate_percent(cat), r)};
    t.subtotal += s.taxable;
    t.tax_total += s.tax_amount;
    t.summaries.push_back(s);
  }
  t.total = t.subtotal + t.tax_total;
  return t;
}

}  // namespace mdsc::invoicing
