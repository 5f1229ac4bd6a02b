#include "modules/invoicing/tax.h"

#include <array>

#include "core/money.h"

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

std::optional<std::int64_t> tax_for(std::int64_t taxable, int rate, Rounding r) {
  bool negative = taxable < 0;
  auto base = negative ? money::negate(taxable) : taxable;
  auto scaled = base ? money::mul(*base, rate) : std::nullopt;  // in hundredths of a yen
  if (!scaled) return std::nullopt;
  std::int64_t whole = *scaled / 100, rest = *scaled % 100;
  std::int64_t tax = whole;  // ≤ scaled / 100, so the increments below cannot overflow
  if (r == Rounding::half_up && rest >= 50) ++tax;
  if (r == Rounding::ceil && rest > 0) ++tax;
  return negative ? -tax : tax;
}

Result<Totals> compute_totals(const std::vector<DocumentLine>& lines, Rounding r) {
  constexpr std::array<TaxCategory, 3> order{TaxCategory::standard10, TaxCategory::reduced8,
                                             TaxCategory::not_taxable};
  const Status too_large(Code::invalid, "invoicing.amount_too_large");
  Totals t;
  for (auto cat : order) {
    bool any = false;
    std::optional<std::int64_t> taxable = 0;
    for (const auto& l : lines) {
      if (l.tax != cat) continue;
      any = true;
      taxable = money::add(*taxable, l.amount);
      if (!taxable) return too_large;
    }
    if (!any) continue;
    auto tax = tax_for(*taxable, rate_percent(cat), r);
    auto subtotal = money::add(t.subtotal, *taxable);
    auto tax_total = tax ? money::add(t.tax_total, *tax) : std::nullopt;
    if (!tax || !subtotal || !tax_total) return too_large;
    t.subtotal = *subtotal;
    t.tax_total = *tax_total;
    t.summaries.push_back(TaxSummary{cat, *taxable, *tax});
  }
  auto total = money::add(t.subtotal, t.tax_total);
  if (!total) return too_large;
  t.total = *total;
  return t;
}

}  // namespace mdsc::invoicing
