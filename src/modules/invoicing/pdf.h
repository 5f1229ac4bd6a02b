#pragma once
// Invoices and credit notes as PDF (cairo + pango, Noto Sans CJK JP embedded as a subset), A4
// portrait, text extractable with pdftotext.
#include <string>
#include <string_view>

#include "modules/invoicing/document.h"

namespace mdsc::invoicing {

// lang: "ja" (the legal document) or "en" (a courtesy translation of the labels; amounts and
// names unchanged). Returns the PDF bytes. Throws std::runtime_error if cairo fails.
std::string render_pdf(const InvoiceDocument& doc, std::string_view lang);

}  // namespace mdsc::invoicing
