#include "modules/invoicing/model.h"

#include "modules/invoicing/tax.h"
#include "platform/entity.h"

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

nlohmann::json to_json(const Payment& p) { return entity::to_json(p); }

nlohmann::json to_json(const Invoice& i, const std::string& today) {
  auto j = entity::to_json(i);
  j["balance"] = i.balance();
  j["status"] = i.status(today);
  j["document"] = document_to_json(i.document);
  return j;
}

namespace {
nlohmann::json party_json(const Party& p) {
  return {{"name", p.name},       {"postal_code", p.postal_code},
          {"address", p.address}, {"department", p.department},
          {"contact", p.contact}, {"phone", p.phone},
          {"email", p.email}};
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
    lines.push_back({{"description", l.description},
                     {"quantity", l.quantity},
                     {"unit_price", l.unit_price},
                     {"amount", l.amount},
                     {"tax", category_code(l.tax)}});
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
    d.lines.push_back({l.value("description", ""), l.value("quantity", std::int64_t{1}),
                       l.value("unit_price", std::int64_t{0}), l.value("amount", std::int64_t{0}),
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

std::string document_text(const InvoiceDocument& d) { return document_to_json(d).dump(); }

bool read_document(std::string_view text, InvoiceDocument& out) {
  if (text.empty()) {  // a list that does not show documents did not read them
    out = InvoiceDocument{};
    return true;
  }
  out = document_from_json(nlohmann::json::parse(text, nullptr, false));
  return true;
}

using entity::Table, entity::field, entity::columns, entity::coded_field;

// The audit log records what identifies an issued invoice and its amounts (the document is kept
// whole in the row, which never changes).
const entity::Table<Invoice>& Invoice::table() {
  using I = Invoice;
  static const Table<I> t{
      "invoice",
      {field<&I::id>().key(), columns<&I::number, &I::kind>(), field<&I::fiscal_year>().not_audited(),
       field<&I::seq>().hidden().not_audited(), field<&I::company_id>(),
       field<&I::membership_id>().nullable().not_audited(), field<&I::seat_request_id>().nullable().not_audited(),
       field<&I::references_invoice_id>().nullable().not_audited(), columns<&I::issue_date, &I::due_date>(),
       coded_field<&I::document, &document_text, &read_document>("document").hidden().not_audited(),
       columns<&I::subtotal, &I::tax_total, &I::total>(), field<&I::created_by>().nullable().hidden().not_audited(),
       field<&I::created_at>().hidden().not_audited(), field<&I::company_name>().joined(), field<&I::paid>().joined(),
       field<&I::credited_by>().joined().nullable()}};
  return t;
}

const entity::Table<Payment>& Payment::table() {
  using P = Payment;
  static const Table<P> t{
      "payment",
      {field<&P::id>().key(), columns<&P::invoice_id, &P::paid_on, &P::amount>(),
       field<&P::method>().one_of(payment_methods()), field<&P::reference>().max(200),
       field<&P::created_by>().nullable().hidden().not_audited(), field<&P::created_at>().hidden().not_audited()}};
  return t;
}

const entity::Table<YearClosure>& YearClosure::table() {
  using Y = YearClosure;
  static const Table<Y> t{
      "invoice_year",
      {field<&Y::fiscal_year>().key(), field<&Y::closed_at>(), field<&Y::closed_by>().nullable(),
       field<&Y::closed_by_name>().joined().hidden(), columns<&Y::last_invoice_seq, &Y::last_credit_note_seq>()}};
  return t;
}

}  // namespace mdsc::invoicing
