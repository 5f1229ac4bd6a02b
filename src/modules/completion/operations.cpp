#include "modules/completion/operations.h"

#include "modules/completion.h"
#include "modules/completion/repo.h"
#include "modules/completion/verdicts.h"

namespace mdsc::completion {

Status set_rule(Work& w, Rule r) {
  Status st = entity::validate(r);
  if (!st) return st;
  const Rule before = repo::rule_of(w.conn, r.fiscal_year);
  r.updated_at = w.now;
  repo::save_rule(w.conn, r);
  w.audit("set_rule", "completion_rules", r.fiscal_year, entity::snapshot(before), entity::snapshot(r));
  return Status::ok();
}

Result<std::int64_t> confirm(Work& w, int fiscal_year, std::int64_t user_id) {
  const auto yv = verdicts_of_year(w.conn, fiscal_year, w.now, user_id);
  if (yv.trainees.empty()) return Status::not_found();
  const auto& v = yv.trainees.front().verdict;
  if (!v.completes) return Status(Code::conflict, "completion.does_not_complete");
  Confirmation k;
  k.fiscal_year = fiscal_year;
  k.user_id = user_id;
  k.confirmed_by = w.actor.user_id;
  k.confirmed_at = w.now;
  // The UNIQUE (year, trainee) decides between two confirmations at once.
  if (!repo::insert_confirmation(w.conn, k)) return Status(Code::conflict, "completion.already_confirmed");
  const auto saved = repo::confirmation_of(w.conn, fiscal_year, user_id);
  w.audit("confirm", "completions", saved->id, nlohmann::json::object(), entity::snapshot(*saved));
  return saved->id;
}

Status sign_off(Work& w, std::int64_t completion_id, const std::string& signer) {
  if (signer.empty()) return Status::invalid().field("signer", "completion.signer_required");
  if (signer.size() > 600) return Status::invalid().field("signer", "validation.longer_than", {{"max", "200"}});
  const auto before = repo::confirmation(w.conn, completion_id);
  if (!before) return Status::not_found();
  if (!repo::record_sign_off(w.conn, completion_id, signer, w.actor.user_id, w.now))
    return Status(Code::conflict, "completion.already_signed_off");
  const auto after = repo::confirmation(w.conn, completion_id);
  w.audit("sign_off", "completions", completion_id, entity::snapshot(*before), entity::snapshot(*after));
  w.publish(CompletionSignedOff{completion_id});
  return Status::ok();
}

}  // namespace mdsc::completion
