#include "app/demo.h"

#include <stdexcept>

#include "core/crypto.h"
#include "app/demo_admissions.h"
#include "app/demo_curriculum.h"
#include "app/demo_members.h"
#include "app/demo_timetable.h"
#include "modules/accounts/operations.h"

namespace mdsc::app {
namespace {

struct DemoPerson {
  const char* email;
  const char* family, *given, *family_kana, *given_kana, *romaji;
  const char* lang;
  std::vector<const char*> roles;
};

// Fictional people with names that read as fictional; addresses on the reserved .example domain.
const std::vector<DemoPerson>& people() {
  static const std::vector<DemoPerson> all = {
      {"secretariat@mdsc.example", "事務局", "花子", "ジムキョク", "ハナコ", "Hanako JIMUKYOKU", "ja", {"secretariat"}},
      {"steering@mdsc.example", "運営", "一郎", "ウンエイ", "イチロウ", "Ichiro UNEI", "ja", {"steering_committee"}},
      {"promotion@mdsc.example", "推進", "次郎", "スイシン", "ジロウ", "Jiro SUISHIN", "ja", {"promotion_office"}},
      {"career@mdsc.example", "支援", "咲子", "シエン", "サキコ", "Sakiko SHIEN", "ja", {"career_office"}},
      {"instructor@mdsc.example", "講師", "学", "コウシ", "マナブ", "Manabu KOSHI", "ja", {"instructor:1"}},
      {"trainee@mdsc.example", "受講", "未来", "ジュコウ", "ミライ", "Mirai JUKO", "ja", {"trainee"}},
      {"supervisor@mdsc.example", "指導", "誠", "シドウ", "マコト", "Makoto SHIDO", "ja", {"supervisor"}},
      {"partner@mdsc.example", "連携", "健太", "レンケイ", "ケンタ", "Kenta RENKEI", "en", {"partner_representative:1"}},
      {"institution@mdsc.example", "参画", "由美", "サンカク", "ユミ", "Yumi SANKAKU", "ja", {"institution_officer:1"}},
  };
  return all;
}

}  // namespace

std::vector<DemoLogin> load_demo(db::Database& db, const Clock& clock) {
  auto users = db.read([](db::Conn& c) { return c.scalar_i64("SELECT COUNT(*) FROM users"); });
  if (users > 0) throw std::runtime_error("the database already has users; demo data goes only into a new database");
  std::vector<DemoLogin> out;
  audit::Actor actor = audit::Actor::system("demo");
  auto orgs = load_demo_organizations(db, clock.now_unix());
  auto curriculum = load_demo_curriculum(db, clock.now_unix());
  std::int64_t representative = 0, trainee = 0;
  for (const auto& p : people()) {
    accounts::UserInput in;
    in.email = p.email;
    in.family_name = p.family;
    in.given_name = p.given;
    in.family_name_kana = p.family_kana;
    in.given_name_kana = p.given_kana;
    in.romaji_name = p.romaji;
    in.preferred_lang = p.lang;
    for (std::string spec : p.roles) {
      // Scoped demo roles point at the demo organisations created above.
      if (spec == "partner_representative:1") spec = "partner_representative:" + std::to_string(orgs.first_company);
      if (spec == "institution_officer:1")
        spec = "institution_officer:" + std::to_string(orgs.representative_institution);
      if (spec == "instructor:1") spec = "instructor:" + std::to_string(curriculum.instructor_course);
      auto g = accounts::parse_role(spec);
      if (!g) throw std::runtime_error("bad demo role " + spec);
      in.roles.push_back(*g);
    }
    // Random, so that a demo database put on a network is not open to anyone who read the README.
    std::string password = "demo-" + crypto::random_token(12);
    auto r = accounts::create_user(db, actor, in, password, clock.now_unix());
    if (!r) throw std::runtime_error("demo user " + std::string(p.email) + ": " + r.status().message_id());
    if (std::string(p.email) == "partner@mdsc.example") representative = *r;
    if (std::string(p.email) == "trainee@mdsc.example") trainee = *r;
    out.push_back({p.roles.front(), p.email, password});
  }
  load_demo_memberships(db, orgs, representative, clock.now_unix());
  load_demo_admissions(db, orgs);
  load_demo_enrollments(db, curriculum, trainee, clock.now_unix());
  load_demo_timetable(db, clock.now_unix());
  return out;
}

}  // namespace mdsc::app
