// To go once admissions, curriculum and timetable are converted to the unit of work: the
// signatures they call identity with today, each running the operation in a unit of work over
// the caller's connection (or its own).
#include "platform/identity/users.h"

namespace mdsc::identity {

Result<std::int64_t> create_user_in(db::Conn& c, const audit::Actor& actor, const User& in, std::int64_t now,
                                    const std::string& invite_base_url) {
  Work w{c, actor, now, invite_base_url};
  return create_user(w, in, !invite_base_url.empty());
}

Status grant_role_in(db::Conn& c, const audit::Actor& actor, std::int64_t user_id, const web::RoleGrant& grant,
                     std::int64_t now) {
  Work w{c, actor, now};
  return grant_role(w, user_id, grant);
}

Result<std::int64_t> create_user(db::Database& db, const audit::Actor& actor, const User& in,
                                 const std::optional<std::string>& password, std::int64_t now) {
  const Who who{actor, now};
  if (password) return create_user_with_password(db, who, in, *password);
  return write_unit(db, who, [&](Work& w) { return create_user(w, in); });
}

}  // namespace mdsc::identity
