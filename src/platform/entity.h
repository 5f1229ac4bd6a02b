#pragma once
// An entity's fields described once (decision 0017): for each member, its column (which is also
// its JSON name and its form field's name), how it is stored, its form label, its checks and
// whether the audit log records it. The table drives reading rows, binding parameters, JSON out
// and in, reading forms and the audit snapshot; SQL stays hand-written and visible in the
// repositories, in the table's column order.
//
//   struct Room { ...; static const entity::Table<Room>& table(); };     (room.h)
//   const entity::Table<Room>& Room::table() {                            (model.cpp)
//     static const Table<Room> t{"room", {
//         field<&Room::id>().key(),
//         field<&Room::name>().label("rooms.name").required().max(100),
//         field<&Room::capacity>().label("rooms.capacity").range(0, 10000),
//         columns<&Room::location, &Room::network>(),  // plain ones: no label, no check
//         field("active", &Room::is_active),            // a column named otherwise than its member
//     }};
//     return t;
//   }
//   Room r = entity::from_row<Room>(row);          db::Params p = entity::params(r);
//   json j = entity::to_json(r);                    entity::from_json(body, r, st);
//   entity::from_form(ctx.form, r, st);             auto before = entity::snapshot(r);
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/result.h"
#include "db/database.h"
#include "nlohmann/json.hpp"
#include "platform/entity_fwd.h"
#include "platform/states.h"
#include "web/fields.h"
#include "web/form.h"

namespace mdsc::entity {

// A check beyond the table's own (required, length, range, choice): "" or the message id.
using Check = std::string (*)(std::string_view value);

template <typename T>
struct Field {
  using Member = std::variant<std::string T::*, std::int64_t T::*, int T::*, bool T::*,
                              std::optional<std::int64_t> T::*, std::vector<std::string> T::*>;

  std::string_view column;  // SQL column, JSON name and form field name
  Member member;
  // A member stored as text through its own table (a status enum: see enum_field); when set,
  // `member` is unused.
  std::string (*get_text)(const T&) = nullptr;
  bool (*set_text)(T&, std::string_view) = nullptr;
  std::string_view label_id;        // message id of the form label; "" when not on forms
  std::string_view input = "text";  // the form input type (text, email, date, textarea, select, checkbox...)
  bool is_key = false;              // the id: read, shown, never written from input
  bool stored = true;               // a column of the table (false: filled by a join, read only)
  bool null_when_empty = false;     // "" or 0 is stored as NULL and shown as null
  bool null_in_json = true;         // with null_when_empty: shown as null (else as "" or 0)
  bool is_instant = false;          // unix seconds, shown and taken in JSON as ISO 8601 UTC
  bool audited = true;
  bool in_json = true;
  bool writable = true;  // taken from forms and JSON input
  bool is_required = false;
  std::size_t max_chars = 0;  // 0: no limit
  std::int64_t min_value = INT64_MIN, max_value = INT64_MAX;
  const std::vector<std::string>* choices = nullptr;  // allowed values of a text field
  Check extra = nullptr;

  Field label(std::string_view id, std::string_view type = "text") const {
    Field f = *this;
    f.label_id = id;
    f.input = type;
    return f;
  }
  Field key() const {
    Field f = *this;
    f.is_key = true;
    f.writable = false;
    f.audited = false;
    return f;
  }
  Field joined() const {  // from another table: read when the query selects it, never written
    Field f = *this;
    f.stored = false;
    f.writable = false;
    f.audited = false;
    return f;
  }
  Field nullable() const {
    Field f = *this;
    f.null_when_empty = true;
    return f;
  }
  Field null_in_db() const {  // stored as NULL when empty, still shown as "" or 0
    Field f = *this;
    f.null_when_empty = true;
    f.null_in_json = false;
    return f;
  }
  Field instant() const {
    Field f = *this;
    f.is_instant = true;
    return f;
  }
  Field read_only() const {
    Field f = *this;
    f.writable = false;
    return f;
  }
  Field secret() const {  // never in JSON, never taken from input, never in the audit log
    Field f = *this;
    f.in_json = false;
    f.audited = false;
    f.writable = false;
    return f;
  }
  Field hidden() const {  // not in the JSON representation (still read, written and audited)
    Field f = *this;
    f.in_json = false;
    return f;
  }
  Field not_audited() const {
    Field f = *this;
    f.audited = false;
    return f;
  }
  Field required() const {
    Field f = *this;
    f.is_required = true;
    return f;
  }
  Field max(std::size_t chars) const {
    Field f = *this;
    f.max_chars = chars;
    return f;
  }
  Field range(std::int64_t lo, std::int64_t hi) const {
    Field f = *this;
    f.min_value = lo;
    f.max_value = hi;
    return f;
  }
  Field one_of(const std::vector<std::string>& values) const {
    Field f = *this;
    f.choices = &values;
    return f;
  }
  Field check(Check fn) const {
    Field f = *this;
    f.extra = fn;
    return f;
  }
};

template <typename T, typename M>
Field<T> field(std::string_view column, M T::*member) {
  Field<T> f;
  f.column = column;
  f.member = member;
  return f;
}

// The member's own name, read from GCC's signature of this function ("... [with auto M =
// &mdsc::timetable::Room::capacity; ...]"), so that a field named after its member says it once.
template <auto M>
consteval std::string_view member_name() {
  std::string_view f = __PRETTY_FUNCTION__;
  const auto end = f.find_first_of(";]", f.find("M = "));
  const auto start = f.rfind("::", end) + 2;
  return f.substr(start, end - start);
}

// field<&Room::capacity>() is field("capacity", &Room::capacity).
template <auto M>
auto field() {
  return field(member_name<M>(), M);
}

template <typename P>
struct owner_of;
template <typename T, typename V>
struct owner_of<V T::*> {
  using type = T;
};

// A run of plain fields, each named after its member: columns<&Room::name, &Room::location>().
template <auto First, auto... Rest>
std::vector<Field<typename owner_of<decltype(First)>::type>> columns() {
  return {field<First>(), field<Rest>()...};
}

// A status enum stored as its name (platform/states.h): enum_field<&Membership::status>("status").
template <auto M>
auto enum_field(std::string_view column) {
  using Pointer = decltype(M);
  return []<typename T, typename E>(E T::*, std::string_view col) {
    Field<T> f;
    f.column = col;
    f.get_text = [](const T& v) { return std::string(states<E>().name(v.*M)); };
    f.set_text = [](T& v, std::string_view text) {
      auto e = states<E>().parse(text);
      if (e) v.*M = *e;
      return e.has_value();
    };
    return f;
  }(Pointer{M}, column);
}

// A member stored as text through its own two functions (an invoice's document kept as JSON):
// coded_field<&Invoice::document, &document_text, &read_document>("document").
template <auto M, auto ToText, auto FromText>
auto coded_field(std::string_view column) {
  using Pointer = decltype(M);
  return []<typename T, typename V>(V T::*, std::string_view col) {
    Field<T> f;
    f.column = col;
    f.get_text = [](const T& v) { return std::string(ToText(v.*M)); };
    f.set_text = [](T& v, std::string_view text) { return FromText(text, v.*M); };
    return f;
  }(Pointer{M}, column);
}

// One entry of a table's list: a field, or a run of them (columns<...>()). Implicit, so that the
// list mixes both.
template <typename T>
struct FieldRun {
  std::vector<Field<T>> fields;
  FieldRun(Field<T> f) : fields{std::move(f)} {}
  FieldRun(std::vector<Field<T>> run) : fields(std::move(run)) {}
};

template <typename T>
struct Table {
  std::string_view entity;  // the audit log's entity name
  std::vector<Field<T>> fields;

  Table(std::string_view name, std::initializer_list<FieldRun<T>> runs) : entity(name) {
    for (const auto& run : runs) fields.insert(fields.end(), run.fields.begin(), run.fields.end());
  }
  const Field<T>* find(std::string_view column) const {
    for (const auto& f : fields)
      if (f.column == column) return &f;
    return nullptr;
  }
};

// Each entity's table: declared in the entity's struct, defined in its module's model.cpp.
template <typename T>
const Table<T>& table() {
  return T::table();
}

namespace detail {
db::Param to_param(const std::string& v, bool null_when_empty);
db::Param to_param(std::int64_t v, bool null_when_empty);
db::Param to_param(const std::vector<std::string>& v, bool null_when_empty);
db::Param to_param(int v, bool null_when_empty);
db::Param to_param(bool v, bool null_when_empty);
db::Param to_param(const std::optional<std::int64_t>& v, bool null_when_empty);
void read_value(const db::Row& r, std::string_view column, std::string& out);
void read_value(const db::Row& r, std::string_view column, std::int64_t& out);
void read_value(const db::Row& r, std::string_view column, int& out);
void read_value(const db::Row& r, std::string_view column, bool& out);
void read_value(const db::Row& r, std::string_view column, std::optional<std::int64_t>& out);
void read_value(const db::Row& r, std::string_view column, std::vector<std::string>& out);
nlohmann::json json_of(const std::string& v, bool null_when_empty);
nlohmann::json json_of(std::int64_t v, bool null_when_empty);
nlohmann::json json_of(int v, bool null_when_empty);
nlohmann::json json_of(bool v, bool null_when_empty);
nlohmann::json json_of(const std::optional<std::int64_t>& v, bool null_when_empty);
nlohmann::json json_of(const std::vector<std::string>& v, bool null_when_empty);
// From JSON input: false when the value has the wrong type (the field gets an error).
bool assign(const nlohmann::json& j, std::string& out);
bool assign(const nlohmann::json& j, std::int64_t& out);
bool assign(const nlohmann::json& j, int& out);
bool assign(const nlohmann::json& j, bool& out);
bool assign(const nlohmann::json& j, std::optional<std::int64_t>& out);
bool assign(const nlohmann::json& j, std::vector<std::string>& out);
// From a form: text is trimmed; numbers must be whole numbers ("" is 0, or nullopt); a checkbox is "1".
bool parse(const web::Form& form, std::string_view name, std::string& out);
bool parse(const web::Form& form, std::string_view name, std::int64_t& out);
bool parse(const web::Form& form, std::string_view name, int& out);
bool parse(const web::Form& form, std::string_view name, bool& out);
bool parse(const web::Form& form, std::string_view name, std::optional<std::int64_t>& out);
bool parse(const web::Form& form, std::string_view name, std::vector<std::string>& out);
std::string iso(std::int64_t unix_seconds);
// Instants: unix seconds as ISO 8601 UTC ("2017-10-30T00:00:00Z"); other member types are not instants.
template <typename V>
nlohmann::json instant_json(const V& v, bool null_when_empty) {
  if constexpr (std::is_same_v<V, std::int64_t>)
    return null_when_empty && v == 0 ? nlohmann::json() : nlohmann::json(iso(v));
  else
    return json_of(v, null_when_empty);
}
bool parse_instant(const nlohmann::json& j, std::int64_t& out);
template <typename V>
bool assign_instant(const nlohmann::json& j, V& out) {
  if constexpr (std::is_same_v<V, std::int64_t>)
    return parse_instant(j, out);
  else
    return assign(j, out);
}
std::string text_of(const std::string& v);
std::string text_of(std::int64_t v);
std::string text_of(int v);
std::string text_of(bool v);
std::string text_of(const std::optional<std::int64_t>& v);
std::string text_of(const std::vector<std::string>& v);
// The table's own checks of one value: "" or a message id (with args for ranges and lengths).
FieldError check_text(const std::string& v, bool required, std::size_t max_chars,
                      const std::vector<std::string>* choices, Check extra);
FieldError check_number(std::int64_t v, bool required, std::int64_t lo, std::int64_t hi);
}  // namespace detail

namespace detail {
template <typename T>
nlohmann::json json_value(const T& v, const Field<T>& f) {
  if (f.get_text) {
    std::string text = f.get_text(v);
    return f.null_when_empty && f.null_in_json && text.empty() ? nlohmann::json() : nlohmann::json(std::move(text));
  }
  const bool null_when_empty = f.null_when_empty && f.null_in_json;
  if (f.is_instant) return std::visit([&](auto m) { return instant_json(v.*m, null_when_empty); }, f.member);
  return std::visit([&](auto m) { return json_of(v.*m, null_when_empty); }, f.member);
}
}  // namespace detail

template <typename T>
T from_row(const db::Row& r) {
  T out{};
  for (const auto& f : table<T>().fields) {
    if (!f.stored && !r.has(f.column)) continue;
    if (f.set_text)
      f.set_text(out, r.str(f.column));
    else
      std::visit([&](auto m) { detail::read_value(r, f.column, out.*m); }, f.member);
  }
  return out;
}

template <typename T>
std::vector<T> from_rows(const std::vector<db::Row>& rows) {
  std::vector<T> out;
  out.reserve(rows.size());
  for (const auto& r : rows) out.push_back(from_row<T>(r));
  return out;
}

// A repository's SELECT read as entities: every row, or the first if there is one.
template <typename T>
std::vector<T> select(db::Conn& c, const std::string& sql, const db::Params& p = {}) {
  return from_rows<T>(c.query(sql, p));
}

template <typename T>
std::optional<T> select_first(db::Conn& c, const std::string& sql, const db::Params& p = {}) {
  auto r = c.query_one(sql, p);
  return r ? std::optional<T>(from_row<T>(*r)) : std::nullopt;
}

// The stored, non-key columns in the table's order: the parameters of the repository's INSERT
// (and, with the id appended, of its UPDATE ... WHERE id = ?).
template <typename T>
db::Params params(const T& v) {
  db::Params p;
  for (const auto& f : table<T>().fields) {
    if (!f.stored || f.is_key) continue;
    if (f.get_text) {
      p.push_back(db::Param(f.get_text(v)));
      continue;
    }
    // The conversions are out of line (entity.cpp): inlined here, GCC 12 took db::Param's variant
    // for maybe-uninitialized (-Werror) in some repositories.
    p.push_back(std::visit([&](auto m) { return detail::to_param(v.*m, f.null_when_empty); }, f.member));
  }
  return p;
}

// "kind, company_type, name, ..." — the same columns as params(), for a test that the
// repository's hand-written SQL names them in that order.
template <typename T>
std::vector<std::string> stored_columns() {
  std::vector<std::string> out;
  for (const auto& f : table<T>().fields)
    if (f.stored && !f.is_key) out.emplace_back(f.column);
  return out;
}

namespace detail {
// v's fields that have the flag, as a JSON object.
template <typename T>
nlohmann::json object_of(const T& v, bool Field<T>::*flag) {
  nlohmann::json j = nlohmann::json::object();
  for (const auto& f : table<T>().fields)
    if (f.*flag) j[std::string(f.column)] = json_value(v, f);
  return j;
}
}  // namespace detail

template <typename T>
nlohmann::json to_json(const T& v) {
  return detail::object_of(v, &Field<T>::in_json);
}

// The audit log's before/after: the audited fields.
template <typename T>
nlohmann::json snapshot(const T& v) {
  return detail::object_of(v, &Field<T>::audited);
}

// A JSON body onto v: only the writable fields present in it (a PATCH leaves the others).
template <typename T>
void from_json(const nlohmann::json& j, T& v, Status& st) {
  if (!j.is_object()) return;
  for (const auto& f : table<T>().fields) {
    if (!f.writable || !j.contains(f.column)) continue;
    if (f.set_text) {
      const auto& x = j.at(std::string(f.column));
      if (!x.is_string() || !f.set_text(v, x.get<std::string>())) st.field(std::string(f.column), "validation.choice");
      continue;
    }
    if (f.is_instant) {
      std::visit(
          [&](auto m) {
            if (!detail::assign_instant(j.at(std::string(f.column)), v.*m))
              st.field(std::string(f.column), "validation.date");
          },
          f.member);
      continue;
    }
    std::visit(
        [&](auto m) {
          if (!detail::assign(j.at(std::string(f.column)), v.*m))
            st.field(std::string(f.column), "validation.invalid_input");
        },
        f.member);
  }
}

// A form onto v: the writable fields that have a label (those the page shows). A checkbox left
// unticked is sent as nothing, so it reads as false.
template <typename T>
void from_form(const web::Form& form, T& v, Status& st) {
  for (const auto& f : table<T>().fields) {
    if (!f.writable || f.label_id.empty()) continue;
    if (f.set_text) {
      if (!f.set_text(v, form.trimmed(f.column))) st.field(std::string(f.column), "validation.choice");
      continue;
    }
    std::visit(
        [&](auto m) {
          if (!detail::parse(form, f.column, v.*m)) st.field(std::string(f.column), "validation.number");
        },
        f.member);
  }
}

// The table's checks (required, length, range, choices, extra) of the writable fields.
template <typename T>
Status validate(const T& v, Status st = {}) {
  for (const auto& f : table<T>().fields) {
    if (!f.writable || f.set_text || st.fields().count(std::string(f.column))) continue;
    std::visit(
        [&](auto m) {
          using V = std::decay_t<decltype(v.*m)>;
          FieldError e;
          if constexpr (std::is_same_v<V, std::string>)
            e = detail::check_text(v.*m, f.is_required, f.max_chars, f.choices, f.extra);
          else if constexpr (std::is_same_v<V, std::int64_t> || std::is_same_v<V, int>)
            e = detail::check_number(static_cast<std::int64_t>(v.*m), false, f.min_value, f.max_value);
          else if constexpr (std::is_same_v<V, std::optional<std::int64_t>>)
            e = v.*m ? detail::check_number(*(v.*m), false, f.min_value, f.max_value)
                     : FieldError{f.is_required ? "validation.required" : "", {}};
          if (!e.message_id.empty()) st.field(std::string(f.column), e.message_id, e.args);
        },
        f.member);
  }
  return st;
}

// The page's fields (templates/layout/field.html) for the labelled fields, with v's values.
template <typename T>
std::vector<web::FieldSpec> form_fields(const T& v) {
  std::vector<web::FieldSpec> out;
  for (const auto& f : table<T>().fields) {
    if (f.label_id.empty()) continue;
    web::FieldSpec s;
    s.name = std::string(f.column);
    s.label_id = std::string(f.label_id);
    s.type = std::string(f.input);
    s.required = f.is_required;
    if (f.get_text)
      s.value = f.get_text(v);
    else
      std::visit([&](auto m) { s.value = detail::text_of(v.*m); }, f.member);
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace mdsc::entity
