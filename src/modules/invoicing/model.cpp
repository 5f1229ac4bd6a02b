#include "modules/invoicing/model.h"

#include "modules/invoicing/tax.h"

namespace mdsc::invoicing {

std::string Invoice::status(const std::string& today) const {
  if (kind == "credit_note") return "credit_note";
  if (!credited_by.empty()) return "credited";
  if (paid >= total) return "paid";
  if (!due_date.empty() && today > due_date) return "overdue";
  if (paid > 0) return "partly_paid";
  return "issued";
}

const std::vector<std::string>& payment_methods() {
  static const std::vector<std::string> v{"bank_transfer", "cash", "other"};
  return v;
}

const std::vector<std::string>& invoice_statuses() {
  static const std::vector<std::string> v{"issued", "partly_paid", "paid", "overdue", "credited", "credit_note"};
  return v;
}

nlohmann::json to_json(const Payment& p) {
  return {{"id", p.id}, {"invoice_id", p.invoice_id}, {"paid_on", p.paid_on}, {"amount", p.amount},
          {"method", p.method}, {"reference", p.reference}};
}

nlohmann::json to_json(const Invoice& i, const std::string& today) {
  auto opt = [](std::int64_t v) { return v ? nlohmann::json(v) : nlohmann::json(); };
  return {{"id", i.id},
          {"number", i.number},
          {"kind", i.kind},
          {"fiscal_year", i.fiscal_year},
          {"company_id", i.company_id},
          {"company_name", i.company_name},
          {"membership_id", opt(i.membership_id)},
          {"seat_request_id", opt(i.seat_request_id)},
          {"references_invoice_id", opt(i.references_invoice_id)},
          {"issue_date", i.issue_date},
          {"due_date", i.due_date},
          {"subtotal", i.subtotal},
          {"tax_total", i.tax_total},
          {"total", i.total},
          {"paid", i.paid},
          {"balance", i.balance()},
          {"status", i.status(today)},
          {"credited_by", i.credited_by.empty() ? nlohmann::json() : nlohmann::json(i.credited_by)},
          {"document", document_to_json(i.document)}};
}

namespace {
nlohmann::json party_json(const Party& p) {
  return {{"name", p.name}, {"postal_code", p.postal_code}, {"address", p.address}, {"department", p.department},
          {"contact", p.contact}, {"phone", p.phone}, {"email", p.email}};
}
Party party_from(const nlohmann::json& j) {
  Party p;
  p.name = j.value("name", "");
  p.postal_code = j.value("postal_code", "");
  p.address = j.value("address", "");
  p.department = j.value("department", "");
  p.contact = j.value("contact", "");
  p.phone = j.value("phone", "");
  p.email = j.value("email", "");
  return p;
}
}  // namespace

nlohmann::json document_to_json(const InvoiceDocument& d) {
  auto lines = nlohmann::json::array();
  for (const auto& l : d.lines)
    lines.push_back({{"description", l.description}, {"quantity", l.quantity}, {"unit_price", l.unit_price},
                     {"amount", l.amount}, {"tax", category_code(l.tax)}});
  auto sums = nlohmann::json::array();
  for (const auto& s : d.summaries)
    sums.push_back({{"tax", category_code(s.tax)}, {"taxable", s.taxable}, {"tax_amount", s.tax_amount}});
  return {{"credit_note", d.credit_note},
          {"number", d.number},
          {"references_number", d.references_number},
          {"issue_date", d.issue_date},
          {"due_date", d.due_date},
          {"fiscal_year_label", d.fiscal_year_label},
          {"issuer", party_json(d.issuer)},
          {"registration_number", d.registration_number},
          {"recipient", party_json(d.recipient)},
          {"lines", lines},
          {"summaries", sums},
          {"subtotal", d.subtotal},
          {"tax_total", d.tax_total},
          {"total", d.total},
          {"payment_terms", d.payment_terms},
          {"notes", d.notes}};
}

InvoiceDocument document_from_json(const nlohmann::json& j) {
  InvoiceDocument d;
  d.credit_note = j.value("credit_note", false);
  d.number = j.value("number", "");
  d.references_number = j.value("references_number", "");
  d.issue_date = j.value("issue_date", "");
  d.due_date = j.value("due_date", "");
  d.fiscal_year_label = j.value("fiscal_year_label", "");
  if (j.contains("issuer")) d.issuer = party_from(j["issuer"]);
  d.registration_number = j.value("registration_number", "");
  if (j.contains("recipient")) d.recipient = party_from(j["recipient"]);
  for (const auto& l : j.value("lines", nlohmann::json::array()))
    d.lines.push_back({l.value("description", ""), l.value("quantity", std::int64_t{1}), l.value("unit_price", std::int64_t{0}),
                       l.value("amount", std::int64_t{0}),
                       category_from(l.value("tax", "10")).value_or(TaxCategory::standard10)});
  for (const auto& s : j.value("summaries", nlohmann::json::array()))
    d.summaries.push_back({category_from(s.value("tax", "10")).value_or(TaxCategory::standard10),
                           s.value("taxable", std::int64_t{0}), s.value("tax_amount", std::int64_t{0})});
  d.subtotal = j.value("subtotal", std::int64_t{0});
  d.tax_total = j.value("tax_total", std::int64_t{0});
  d.total = j.value("total", std::int64_t{0});
  d.payment_terms = j.value("payment_terms", "");
  d.notes = j.value("notes", "");
  return d;
}

}  // namespace mdsc::invoicing
