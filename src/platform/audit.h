#pragma once
// The audit log: every change records who, when, which record, and each field before and after.
// Entries are appended inside the transaction that makes the change, so a change and its audit
// entry exist together or not at all. The table rejects UPDATE and DELETE (a trigger).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "db/database.h"
#include "nlohmann/json.hpp"
#include "platform/entity_fwd.h"

namespace mdsc::audit {

// Who is acting: a user, or the system / a CLI command (user_id 0, label says which).
struct Actor {
  std::int64_t user_id = 0;
  std::string label;       // "user:12", "cli", "system"
  std::string request_id;  // ties the entry to the access-log line
  static Actor system(std::string label = "system") { return {0, std::move(label), ""}; }
};

// Field-by-field difference: {"field": {"before": x, "after": y}} for every field that differs.
// Fields named like secrets (password*, *token*, *_hash) are recorded as "[redacted]".
nlohmann::json diff(const nlohmann::json& before, const nlohmann::json& after);

// Appends one entry. action: "create", "update", "delete", or a verb such as "login".
void record(db::Conn& conn, const Actor& actor, std::string_view action, std::string_view entity,
            std::string_view entity_id, const nlohmann::json& before, const nlohmann::json& after,
            std::int64_t now);

struct Entry {
  std::int64_t id = 0;
  std::string at;  // ISO UTC
  std::int64_t actor_user_id = 0;
  std::string actor_label;
  std::string action, entity, entity_id;
  nlohmann::json changes;
  std::string request_id;

  static const entity::Table<Entry>& table();  // its fields, described once
};

struct Filter {
  std::string entity;
  std::string entity_id;
  std::int64_t actor_user_id = 0;
  std::string action;
  std::string from_date;  // inclusive, YYYY-MM-DD, a day in Asia/Tokyo
  std::string to_date;    // inclusive, YYYY-MM-DD, a day in Asia/Tokyo
  long limit = 50;
  long offset = 0;
};

std::vector<Entry> list(db::Conn& conn, const Filter& f);
long count(db::Conn& conn, const Filter& f);
nlohmann::json to_json(const Entry& e);

}  // namespace mdsc::audit
