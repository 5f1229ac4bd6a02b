#include "platform/work.h"

#include "platform/outbox.h"

namespace mdsc {

void Work::audit(std::string_view action, std::string_view entity, std::string_view entity_id,
                 const nlohmann::json& before, const nlohmann::json& after) const {
  audit::record(conn, actor, action, entity, entity_id, before, after, now);
}

void Work::mail(const mail::Message& m) const {
  mail::enqueue(conn, m, now);
  if (on_mail && *on_mail) conn.after_commit(*on_mail);
}

}  // namespace mdsc
