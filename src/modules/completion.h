#pragma once
// The completion module's face (decision 0018): a confirmed completion and the event of the
// society's sign-off, for the certificates. Reads take the caller's connection.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/database.h"

namespace mdsc::completion {

struct SignedCompletion {
  std::int64_t id = 0;
  std::int64_t fiscal_year = 0;
  std::int64_t user_id = 0;
  std::string society_signer;
  std::int64_t signed_off_at = 0;  // 0: not signed off yet
};

// nullopt: no such confirmed completion.
std::optional<SignedCompletion> confirmed_completion(db::Conn& c, std::int64_t completion_id);
// The year's confirmed completions that the society has signed off.
std::vector<SignedCompletion> signed_off_of_year(db::Conn& c, std::int64_t fiscal_year);

// Published when the society's sign-off of a confirmed completion is recorded: the certificate is
// issued (the certificates module reacts, in the same transaction).
struct CompletionSignedOff {
  std::int64_t completion_id = 0;
};

}  // namespace mdsc::completion
