#pragma once
// Attempts that must be limited (logins, mails sent from public forms), counted per key in the
// database so that every instance behind a load balancer sees the same count.
//
// An attempt is charged *before* the work it guards (a password check, a mail), and the count and
// the decision come from one statement: concurrent attempts each see the others' charges, so at
// most `limit` of them get through in a window, on PostgreSQL as on SQLite.
#include <cstdint>
#include <string>

#include "db/database.h"

namespace mdsc::web::rate_limit {

struct Rule {
  std::int64_t limit = 10;            // attempts allowed per window
  std::int64_t window_seconds = 900;  // the count restarts after a quiet window
  std::int64_t lock_seconds = 900;    // reaching the limit refuses further attempts this long
};

struct Charge {
  bool allowed = false;           // the attempt may go ahead
  std::int64_t count = 0;         // attempts in the window, this one included
  std::int64_t locked_until = 0;  // unix time; > now when the limit has been reached
};

// Counts one attempt against `key` and says whether it may go ahead. The attempt that reaches the
// limit is still allowed, and locks the key for lock_seconds from then.
Charge charge(db::Conn& c, const std::string& key, const Rule& rule, std::int64_t now);
// Gives back one attempt (it turned out to be legitimate, e.g. a successful login from an address).
void refund(db::Conn& c, const std::string& key, const Rule& rule);
// Until when the key is locked (unix time; 0 when it is not, or unknown).
std::int64_t locked_until(db::Conn& c, const std::string& key);
// Forgets the key (a successful login clears its account's failures).
void clear(db::Conn& c, const std::string& key);

}  // namespace mdsc::web::rate_limit
