#include "modules/invoicing/document.h"

namespace mdsc::invoicing {

int rate_percent(TaxCategory c) {
  switch (c) {
    case TaxCategory::standard10:
      return 10;
    case TaxCategory::reduced8:
      return 8;
    case TaxCategory::not_taxable:
      return 0;
  }
  return 0;
}

std::string category_code(TaxCategory c) {
  switch (c) {
    case TaxCategory::standard10:
      return "10";
    case TaxCategory::reduced8:
      return "8";
    case TaxCategory::not_taxable:
      return "none";
  }
  return "none";
}

}  // namespace mdsc::invoicing
