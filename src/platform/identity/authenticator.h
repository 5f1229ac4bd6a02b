#pragma once
#include "core/clock.h"
#include "db/database.h"
#include "web/services.h"

namespace mdsc::identity {

// Sessions and API tokens from the database, so that any server instance can serve any request.
class DbAuthenticator final : public web::Authenticator {
 public:
  DbAuthenticator(db::Database& db, const Clock& clock) : db_(db), clock_(clock) {}
  std::optional<web::Principal> from_session(std::string_view token) override;
  std::optional<web::Principal> from_api_token(std::string_view token) override;

 private:
  db::Database& db_;
  const Clock& clock_;
};

}  // namespace mdsc::identity
