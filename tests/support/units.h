#pragma once
// Units of work in tests: an operation's test runs it as a request would, in one transaction with
// an actor, a time and a base URL; a refusal rolls back as it does for a request.
//
//   testing::Units units(*db_, now_);
//   auto id = units.write([&](Work& w) { return create_course(w, c); });
#include <cstdint>
#include <string>
#include <utility>

#include "platform/work.h"

namespace mdsc::testing {

// The actor a request of the signed-in user carries (no request id).
inline audit::Actor user_actor(std::int64_t user_id) { return {user_id, "user:" + std::to_string(user_id), ""}; }

class Units {
 public:
  Units(db::Database& db, std::int64_t now, std::string base_url = "http://x")
      : db_(db) {
    who_.actor = audit::Actor::system("test");
    who_.now = now;
    who_.base_url = std::move(base_url);
  }
  template <typename F>
  auto write(F&& fn) {
    return write_unit(db_, who_, std::forward<F>(fn));
  }
  template <typename F>
  auto read(F&& fn) {
    return read_unit(db_, who_, std::forward<F>(fn));
  }
  Who& who() { return who_; }
  void set_now(std::int64_t now) { who_.now = now; }
  void act_as(audit::Actor actor) { who_.actor = std::move(actor); }
  // Acts as the signed-in user, labelled as a request labels its user.
  void act_as_user(std::int64_t user_id) { act_as(user_actor(user_id)); }
  void publish_to(const events::Bus* bus) { who_.bus = bus; }

 private:
  db::Database& db_;
  Who who_;
};

}  // namespace mdsc::testing
