#include "web/rate_limit.h"

namespace mdsc::web::rate_limit {

Charge charge(db::Conn& c, const std::string& key, const Rule& rule, std::int64_t now) {
  const std::int64_t stale_before = now - rule.window_seconds;
  const std::int64_t lock_end = now + rule.lock_seconds;
  // One statement: insert the first attempt, or count one more on the stored row. The row starts a
  // new window when its window went quiet or its lock has run out. Every SET expression sees the
  // row as it was before this statement, on both backends.
  auto r = c.query_one(
      "INSERT INTO throttles AS t (key, failures, window_start, locked_until) "
      "VALUES (?, 1, ?, CASE WHEN 1 >= ? THEN ? ELSE 0 END) "
      "ON CONFLICT (key) DO UPDATE SET "
      "failures = CASE WHEN t.locked_until <= ? AND (t.window_start < ? OR t.locked_until > 0) THEN 1 "
      "  ELSE t.failures + 1 END, "
      "window_start = CASE WHEN t.locked_until <= ? AND (t.window_start < ? OR t.locked_until > 0) THEN ? "
      "  ELSE t.window_start END, "
      "locked_until = CASE WHEN t.locked_until <= ? AND (t.window_start < ? OR t.locked_until > 0) "
      "    THEN (CASE WHEN 1 >= ? THEN ? ELSE 0 END) "
      "  WHEN t.locked_until > ? THEN t.locked_until "
      "  WHEN t.failures + 1 >= ? THEN ? "
      "  ELSE 0 END "
      "RETURNING failures, locked_until",
      {key, now, rule.limit, lock_end,
       now, stale_before,
       now, stale_before, now,
       now, stale_before, rule.limit, lock_end,
       now,
       rule.limit, lock_end});
  Charge out;
  out.count = r->i64("failures");
  out.locked_until = r->i64("locked_until");
  out.allowed = out.count <= rule.limit;
  return out;
}

void refund(db::Conn& c, const std::string& key, const Rule& rule) {
  c.exec(
      "UPDATE throttles SET failures = failures - 1, "
      "locked_until = CASE WHEN failures - 1 < ? THEN 0 ELSE locked_until END "
      "WHERE key = ? AND failures > 0",
      {rule.limit, key});
}

std::int64_t locked_until(db::Conn& c, const std::string& key) {
  auto r = c.query_one("SELECT locked_until FROM throttles WHERE key = ?", {key});
  return r ? r->i64("locked_until") : 0;
}

void clear(db::Conn& c, const std::string& key) { c.exec("DELETE FROM throttles WHERE key = ?", {key}); }

}  // namespace mdsc::web::rate_limit
