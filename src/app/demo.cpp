#include "app/demo.h"

#include <stdexcept>

#include "app/demo_admissions.h"
#include "app/demo_attendance.h"
#include "app/demo_certificates.h"
#include "app/demo_curriculum.h"
#include "app/demo_exams.h"
#include "app/demo_mail.h"
#include "app/demo_members.h"
#include "app/demo_recordings.h"
#include "app/demo_support.h"
#include "app/demo_timetable.h"
#include "core/crypto.h"
#include "core/i18n.h"
#include "platform/audit.h"
#include "platform/identity/users.h"

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

void record_demo_day(db::Database& db, const audit::Actor& actor, std::int64_t now) {
  db.write([&](db::Conn& c) {
    c.exec("INSERT INTO settings (key, value) VALUES ('demo_date', ?)", {std::string(kDemoDay)});
    audit::record(c, actor, "create", "setting", "demo_date", nlohmann::json::object(), {{"value", kDemoDay}}, now);
  });
}

}  // namespace

std::vector<DemoLogin> load_demo(db::Database& db, const DemoOptions& options) {
  auto users = db.read([](db::Conn& c) { return c.scalar_i64("SELECT COUNT(*) FROM users"); });
  if (users > 0) throw std::runtime_error("the database already has users; demo data goes only into a new database");
  std::vector<DemoLogin> out;
  audit::Actor actor = audit::Actor::system("demo");
  // Each step at the time it would have happened, so that lists, the audit log and "today" agree.
  const auto set_up = demo::tokyo("2017-10-02", "10:00:00");     // the consortium, its partners and people
  const auto catalogue = demo::tokyo("2017-10-27", "10:00:00");  // カリキュラム(案) 20171027
  const auto term_planned = demo::tokyo("2017-11-06", "10:00:00");
  const auto chose_courses = demo::tokyo("2017-11-27", "10:00:00");  // after the decisions of 2017-11-21
  auto orgs = load_demo_organizations(db, set_up);
  auto curriculum = load_demo_curriculum(db, catalogue);
  std::int64_t representative = 0, trainee = 0;
  for (const auto& p : people()) {
    identity::UserInput in;
    in.email = p.email;
    demo::set_name(in, p);
    in.preferred_lang = p.lang;
    for (std::string spec : p.roles) {
      // Scoped demo roles point at the demo organisations created above.
      if (spec == "partner_representative:1") spec = "partner_representative:" + std::to_string(orgs.first_company);
      if (spec == "institution_officer:1")
        spec = "institution_officer:" + std::to_string(orgs.representative_institution);
      if (spec == "instructor:1") spec = "instructor:" + std::to_string(curriculum.instructor_course);
      auto g = identity::parse_role(spec);
      if (!g) throw std::runtime_error("bad demo role " + spec);
      in.roles.push_back(*g);
    }
    // Random, so that a demo database put on a network is not open to anyone who read the README.
    std::string password = "demo-" + crypto::random_token(12);
    auto r = identity::create_user_with_password(db, Who{actor, set_up}, in, password);
    if (!r) throw std::runtime_error("demo user " + std::string(p.email) + ": " + r.status().message_id());
    if (std::string(p.email) == "partner@mdsc.example") representative = *r;
    if (std::string(p.email) == "trainee@mdsc.example") trainee = *r;
    out.push_back({p.roles.front(), p.email, password});
  }
  load_demo_memberships(db, orgs, representative, set_up);  // invoices, payments: on their days
  load_demo_admissions(db, orgs);
  load_demo_enrollments(db, curriculum, trainee, chose_courses);
  load_demo_timetable(db, term_planned);
  if (options.timetable_history) load_demo_timetable_history(db);
  load_demo_attendance(db, curriculum, trainee);
  load_demo_exams(db, curriculum);
  load_demo_recording(db, curriculum, options.data_dir);
  load_demo_certificates(db);
  deliver_demo_mail(db, demo::tokyo(kDemoDay, "00:00:00"));
  record_demo_day(db, actor, demo::tokyo(kDemoDay, "00:00:00"));
  return out;
}

}  // namespace mdsc::app
