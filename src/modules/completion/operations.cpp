#include "modules/completion/operations.h"

#include "modules/completion/repo.h"

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

}  // namespace mdsc::completion
