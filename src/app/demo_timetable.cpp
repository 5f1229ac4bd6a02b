#include "app/demo_timetable.h"

#include <stdexcept>

#include "modules/audit/audit.h"
#include "modules/timetable/operations.h"

namespace mdsc::app {

void load_demo_timetable(db::Database& db, std::int64_t now) {
  const audit::Actor actor = audit::Actor::system("demo");
  timetable::Term term;
  term.fiscal_year = 2017;
  term.name = "2017年度 試行期間(12月〜2月)";
  term.starts_on = "2017-12-01";
  term.ends_on = "2018-02-28";
  auto id = timetable::save_term(db, actor, term, now);
  if (!id) throw std::runtime_error("demo term: " + id.status().message_id());
  // The day before the national centre test, when the universities prepare their halls.
  auto closed = timetable::add_closed_day(db, actor, *id, {"2018-01-12", "大学入試センター試験の準備"}, now);
  if (!closed) throw std::runtime_error("demo closed day: " + closed.message_id());

  const timetable::Room rooms[] = {
      {0, "第1講義室", 80, "代表機関 教育棟 1階", true},
      {0, "第2講義室", 40, "代表機関 教育棟 2階", true},
      {0, "演習室(端末40台)", 40, "代表機関 情報センター 3階", true},
      {0, "遠隔セキュリティルーム", 12, "代表機関 研究棟 5階(臨床データを扱う講義用)", true},
  };
  for (const auto& r : rooms)
    if (auto saved = timetable::save_room(db, actor, r, now); !saved)
      throw std::runtime_error("demo room: " + saved.status().message_id());
}

}  // namespace mdsc::app
