// The completion module's face (modules/completion.h).
#include "modules/completion.h"
#include "modules/completion/repo.h"

namespace mdsc::completion {

namespace {

SignedCompletion face_of(const Confirmation& k) {
  return {k.id, k.fiscal_year, k.user_id, k.society_signer, k.signed_off_at};
}

}  // namespace

std::optional<SignedCompletion> confirmed_completion(db::Conn& c, std::int64_t completion_id) {
  const auto k = repo::confirmation(c, completion_id);
  if (!k) return std::nullopt;
  return face_of(*k);
}

std::vector<SignedCompletion> signed_off_of_year(db::Conn& c, std::int64_t fiscal_year) {
  std::vector<SignedCompletion> out;
  for (const auto& k : repo::confirmations_of_year(c, fiscal_year))
    if (k.signed_off()) out.push_back(face_of(k));
  return out;
}

}  // namespace mdsc::completion
