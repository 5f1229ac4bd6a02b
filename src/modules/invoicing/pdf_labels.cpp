#include "modules/invoicing/pdf_labels.h"

#include <charconv>

namespace mdsc::invoicing::pdf {
namespace {

// The labels are fixed legal wording of this one document, not page text: they live here rather
// than in i18n/*.json so that the PDF cannot change when a page's catalogue entry does.
constexpr Labels kJapanese{
    .invoice_title = "請求書",
    .credit_title = "適格返還請求書",
    .invoice_subtitle = "適格請求書",
    .credit_subtitle = "返還インボイス",
    .invoice_number = "請求書番号",
    .credit_number = "返還請求書番号",
    .references = "対象請求書番号",
    .issue_date = "発行日",
    .fiscal_year = "年度",
    .registration = "登録番号",
    .bill_to = "",
    .honorific = " 御中",
    .postal_mark = "〒",
    .attention = "ご担当: ",
    .attention_after = " 様",
    .contact = "担当: ",
    .phone = "TEL ",
    .invoice_intro = "下記のとおりご請求申し上げます。",
    .credit_intro = "下記のとおり対価の返還をいたします。",
    .invoice_total = "ご請求金額 (税込)",
    .credit_total = "返還金額 (税込)",
    .due_date = "お支払期限",
    .col_description = "内容 / 品名",
    .col_tax = "税率",
    .col_quantity = "数量",
    .col_unit_price = "単価",
    .col_amount = "金額",
    .rate_none = "不課税",
    .reduced_mark = " ※",
    .reduced_legend = "※ 軽減税率対象",
    .taxable_10 = "10%対象",
    .taxable_8 = "8%対象",
    .not_taxable = "不課税",
    .tax = "消費税",
    .subtotal = "小計 (税抜)",
    .tax_total = "消費税",
    .total = "合計 (税込)",
    .payment = "振込先",
    .notes = "備考",
    .verify = "この書類の内容は右のQRコードまたは下記のURLで確認できます。",
    .continued = "(続き)",
    .english = false,
};

constexpr Labels kEnglish{
    .invoice_title = "Invoice",
    .credit_title = "Credit note",
    .invoice_subtitle = "Qualified invoice (適格請求書)",
    .credit_subtitle = "Qualified credit note (適格返還請求書)",
    .invoice_number = "Invoice No.",
    .credit_number = "Credit note No.",
    .references = "Corrects invoice No.",
    .issue_date = "Issue date",
    .fiscal_year = "Fiscal year",
    .registration = "Registration No.",
    .bill_to = "Bill to",
    .honorific = "",
    .postal_mark = "",
    .attention = "Attn: ",
    .attention_after = "",
    .contact = "Contact: ",
    .phone = "Tel. ",
    .invoice_intro = "Please find our invoice below.",
    .credit_intro = "We credit you with the amounts below.",
    .invoice_total = "Total due (tax incl.)",
    .credit_total = "Credit total (tax incl.)",
    .due_date = "Due date",
    .col_description = "Description",
    .col_tax = "Tax",
    .col_quantity = "Qty",
    .col_unit_price = "Unit price",
    .col_amount = "Amount",
    .rate_none = "Not taxable",
    .reduced_mark = " ※",
    .reduced_legend = "※ Reduced tax rate (8%)",
    .taxable_10 = "Taxable at 10%",
    .taxable_8 = "Taxable at 8%",
    .not_taxable = "Not taxable",
    .tax = "Consumption tax",
    .subtotal = "Subtotal",
    .tax_total = "Consumption tax",
    .total = "Total",
    .payment = "Payment",
    .notes = "Notes",
    .verify = "Scan the code or open the address below to check this document.",
    .continued = "(continued)",
    .english = true,
};

constexpr const char* kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                   "July",    "August",   "September", "October", "November", "December"};

bool number_at(std::string_view s, std::size_t pos, std::size_t len, int& out) {
  const char* first = s.data() + pos;
  auto r = std::from_chars(first, first + len, out);
  return r.ec == std::errc() && r.ptr == first + len;
}

}  // namespace

const Labels& labels_for(std::string_view lang) { return lang == "en" ? kEnglish : kJapanese; }

std::string display_date(std::string_view iso, const Labels& labels) {
  int y = 0, m = 0, d = 0;
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-' || !number_at(iso, 0, 4, y) || !number_at(iso, 5, 2, m) ||
      !number_at(iso, 8, 2, d) || m < 1 || m > 12 || d < 1 || d > 31) {
    return std::string(iso);
  }
  if (labels.english) return std::to_string(d) + " " + kMonths[m - 1] + " " + std::to_string(y);
  return std::to_string(y) + "年" + std::to_string(m) + "月" + std::to_string(d) + "日";
}

}  // namespace mdsc::invoicing::pdf
