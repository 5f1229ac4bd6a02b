#pragma once
// What the demo's loaders share: the demo's actor, Asia/Tokyo times, a step in a unit of work of
// its own, a failed step that stops the load saying what failed, and a person's name fields.
#include <cstdint>
#include <string>
#include <utility>

#include "core/result.h"
#include "db/database.h"
#include "platform/audit.h"
#include "platform/work.h"

namespace mdsc::app::demo {

audit::Actor actor();

// Unix seconds of an Asia/Tokyo wall-clock time; a bad date stops the load.
std::int64_t tokyo(const char* date, const char* time = "10:00:00");

// A step the demo cannot do without: its refusal stops the load, naming the step and the fields.
void must(const Status& st, const std::string& what);
template <typename T>
T must(Result<T> r, const std::string& what) {
  if (!r) must(r.status(), what);
  return *r;
}

// An operation in a unit of work of its own at `now`, as the demo's actor.
template <typename F>
auto step(db::Database& db, std::int64_t now, F&& fn) {
  return write_unit(db, Who{actor(), now, ""}, std::forward<F>(fn));
}

// Copies a demo person's names (family, given, their kana, romaji) into an account, an instructor
// or an application: every person-shaped record names them the same way.
template <typename Record, typename Person>
void set_name(Record& r, const Person& p) {
  r.family_name = p.family;
  r.given_name = p.given;
  r.family_name_kana = p.family_kana;
  r.given_name_kana = p.given_kana;
  r.romaji_name = p.romaji;
}

}  // namespace mdsc::app::demo
