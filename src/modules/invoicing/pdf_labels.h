#pragma once
// The fixed wording of the invoice PDF in Japanese (the legal document) and English (a courtesy
// translation of the labels; names, numbers and amounts are printed as given).
#include <string>
#include <string_view>

namespace mdsc::invoicing::pdf {

struct Labels {
  const char* invoice_title;
  const char* credit_title;
  const char* invoice_subtitle;
  const char* credit_subtitle;
  const char* invoice_number;
  const char* credit_number;
  const char* references;  // the invoice a credit note corrects
  const char* issue_date;
  const char* fiscal_year;
  const char* registration;
  const char* bill_to;          // above the recipient's name; "" in Japanese
  const char* honorific;        // after the recipient's name; "" in English
  const char* postal_mark;      // before the postal code
  const char* attention;        // before the recipient's contact person
  const char* attention_after;  // after it (様)
  const char* contact;          // before the issuer's contact person
  const char* phone;
  const char* invoice_intro;
  const char* credit_intro;
  const char* invoice_total;  // the amount due, in large type
  const char* credit_total;
  const char* due_date;
  const char* col_description;
  const char* col_tax;
  const char* col_quantity;
  const char* col_unit_price;
  const char* col_amount;
  const char* rate_none;       // tax column of a line outside consumption tax
  const char* reduced_mark;    // after the description of a line at the reduced rate
  const char* reduced_legend;  // explains the mark
  const char* taxable_10;      // summary: total of the lines at 10 %, tax excluded
  const char* taxable_8;
  const char* not_taxable;
  const char* tax;  // the tax at one rate
  const char* subtotal;
  const char* tax_total;
  const char* total;
  const char* payment;
  const char* notes;
  const char* verify;
  const char* continued;
  bool english;
};

// "en" gives English; anything else Japanese.
const Labels& labels_for(std::string_view lang);

// "2018-05-31" as "2018年5月31日" or "31 May 2018"; anything that is not such a date unchanged.
std::string display_date(std::string_view iso, const Labels& labels);

}  // namespace mdsc::invoicing::pdf
