#include "modules/attendance/rollcall.h"

#include <map>

#include "modules/attendance/repo.h"

namespace mdsc::attendance {

RollCall roll_call_of(db::Conn& c, std::int64_t session_id, std::int64_t course_id) {
  std::map<std::int64_t, Attendance> by_user;
  for (auto& a : repo::of_session(c, session_id)) by_user.emplace(a.user_id, std::move(a));
  RollCall rc;
  for (auto& t : curriculum::roster(c, course_id)) {
    RollCallLine line{std::move(t), std::nullopt};
    if (auto it = by_user.find(line.trainee.user_id); it != by_user.end()) line.record = it->second;
    if (!line.record)
      ++rc.missing;
    else {
      const Mark m = line.record->status;
      ++(m == Mark::present ? rc.present : m == Mark::late ? rc.late : m == Mark::absent ? rc.absent : rc.excused);
      if (line.record->review == Review::pending) ++rc.flagged;
    }
    rc.lines.push_back(std::move(line));
  }
  return rc;
}

nlohmann::json counts_json(const RollCall& rc) {
  return {{"present", rc.present}, {"late", rc.late},       {"absent", rc.absent},
          {"excused", rc.excused}, {"flagged", rc.flagged}, {"missing", rc.missing},
          {"enrolled", rc.lines.size()}};
}

}  // namespace mdsc::attendance
