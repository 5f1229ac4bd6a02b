#pragma once
// The certificates module's SQL.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/database.h"
#include "modules/certificates/model.h"

namespace mdsc::certificates::repo {

std::optional<Certificate> by_id(db::Conn& c, std::int64_t id);
std::optional<Certificate> by_number(db::Conn& c, const std::string& number);
std::vector<Certificate> of_year(db::Conn& c, std::int64_t fiscal_year);  // newest first
std::vector<Certificate> of_user(db::Conn& c, std::int64_t user_id);      // newest first
// The latest fiscal year with a certificate.
std::optional<std::int64_t> latest_year(db::Conn& c);
// The completion's certificate that is not revoked, if any.
std::optional<Certificate> valid_of_completion(db::Conn& c, std::int64_t completion_id);
// Inserts unless the completion has a valid certificate already (the partial unique index decides
// between two issues at once); the new id, or nullopt.
std::optional<std::int64_t> insert(db::Conn& c, const Certificate& k);
// Records the revocation if the certificate is not revoked yet (one conditional statement).
bool record_revocation(db::Conn& c, std::int64_t id, std::int64_t by, std::int64_t at, const std::string& reason);

}  // namespace mdsc::certificates::repo
