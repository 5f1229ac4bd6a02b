#include "platform/audit.h"

#include "core/clock.h"
#include "core/i18n.h"
#include "db/where.h"
#include "platform/entity.h"

namespace mdsc {

using entity::Table, entity::field, entity::columns, entity::coded_field;
namespace audit {
namespace {
std::string changes_text(const nlohmann::json& changes) { return changes.dump(); }
bool read_changes(std::string_view text, nlohmann::json& out) {
  out = nlohmann::json::parse(text, nullptr, false);
  return true;  // an entry written before is shown as it is, even if it is not JSON
}

}  // namespace
}  // namespace audit

// The log itself is not audited: an entry records changes, it is none.
const entity::Table<audit::Entry>& audit::Entry::table() {
  using E = audit::Entry;
  static const Table<E> t{
      "audit_log",
      {field<&E::id>().key(), field<&E::at>(), field<&E::actor_user_id>().null_in_db(),
       columns<&E::actor_label, &E::action, &E::entity, &E::entity_id>(),
       coded_field<&E::changes, &audit::changes_text, &audit::read_changes>("changes"), field<&E::request_id>()}};
  return t;
}

}  // namespace mdsc

namespace mdsc::audit {
namespace {

bool is_secret(const std::string& field) {
  return field.rfind("password", 0) == 0 || field.find("token") != std::string::npos ||
         (field.size() > 5 && field.substr(field.size() - 5) == "_hash");
}

std::string where_clause(const Filter& f, db::Params& params) {
  db::Where w(params);
  if (!f.entity.empty()) w.add("entity = ?", {f.entity});
  if (!f.entity_id.empty()) w.add("entity_id = ?", {f.entity_id});
  if (f.actor_user_id) w.add("actor_user_id = ?", {f.actor_user_id});
  if (!f.action.empty()) w.add("action = ?", {f.action});
  // The days are Asia/Tokyo days, as the log shows its times: 2017-12-01 is from 2017-11-30T15:00:00Z.
  std::int64_t t = 0;
  if (!f.from_date.empty() && i18n::tokyo_to_unix(f.from_date, "00:00:00", t)) w.add("at >= ?", {to_iso_utc(t)});
  if (!f.to_date.empty() && i18n::tokyo_to_unix(f.to_date, "23:59:59", t)) w.add("at <= ?", {to_iso_utc(t)});
  return w.sql();
}

}  // namespace

nlohmann::json diff(const nlohmann::json& before, const nlohmann::json& after) {
  nlohmann::json out = nlohmann::json::object();
  auto value_of = [](const nlohmann::json& obj, const std::string& k) {
    return obj.is_object() && obj.contains(k) ? obj.at(k) : nlohmann::json();
  };
  auto visit = [&](const std::string& k) {
    if (out.contains(k)) return;
    nlohmann::json b = value_of(before, k), a = value_of(after, k);
    if (b == a) return;
    if (is_secret(k)) {
      out[k] = {{"before", b.is_null() ? nlohmann::json() : nlohmann::json("[redacted]")},
                {"after", a.is_null() ? nlohmann::json() : nlohmann::json("[redacted]")}};
    } else {
      out[k] = {{"before", b}, {"after", a}};
    }
  };
  if (before.is_object())
    for (auto it = before.begin(); it != before.end(); ++it) visit(it.key());
  if (after.is_object())
    for (auto it = after.begin(); it != after.end(); ++it) visit(it.key());
  return out;
}

void record(db::Conn& conn, const Actor& actor, std::string_view action, std::string_view entity,
            std::string_view entity_id, const nlohmann::json& before, const nlohmann::json& after, std::int64_t now) {
  nlohmann::json changes = diff(before, after);
  conn.exec(
      "INSERT INTO audit_log (at, actor_user_id, actor_label, action, entity, entity_id, changes, "
      "request_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      {to_iso_utc(now), db::null_if_zero(actor.user_id), actor.label, std::string(action), std::string(entity),
       std::string(entity_id), changes.dump(), actor.request_id});
}

std::vector<Entry> list(db::Conn& conn, const Filter& f) {
  db::Params params;
  std::string sql =
      "SELECT id, at, actor_user_id, actor_label, action, entity, entity_id, changes, request_id FROM audit_log" +
      where_clause(f, params) + " ORDER BY id DESC";
  return entity::select<Entry>(conn, sql + db::page(params, f.limit, f.offset), params);
}

long count(db::Conn& conn, const Filter& f) {
  db::Params params;
  std::string sql = "SELECT COUNT(*) FROM audit_log" + where_clause(f, params);
  return static_cast<long>(conn.scalar_i64(sql, params));
}

nlohmann::json to_json(const Entry& e) {
  return {{"id", e.id},
          {"at", e.at},
          {"actor_user_id", e.actor_user_id ? nlohmann::json(e.actor_user_id) : nlohmann::json()},
          {"actor", e.actor_label},
          {"action", e.action},
          {"entity", e.entity},
          {"entity_id", e.entity_id},
          {"changes", e.changes},
          {"request_id", e.request_id}};
}

}  // namespace mdsc::audit
