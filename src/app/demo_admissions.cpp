#include "app/demo_admissions.h"

#include <stdexcept>

#include "app/demo_mail.h"
#include "app/modules.h"
#include "core/i18n.h"
#include "modules/admissions/operations.h"
#include "modules/admissions/repo.h"
#include "modules/invoicing/operations.h"
#include "modules/members/operations.h"
#include "platform/work.h"

namespace mdsc::app {
namespace {

std::int64_t tokyo(const char* date, const char* time) {
  std::int64_t t = 0;
  if (!i18n::tokyo_to_unix(date, time, t)) throw std::runtime_error("demo date");
  return t;
}

void must(const Status& st, const std::string& what) {
  if (!st) {
    std::string detail = st.message_id();
    for (const auto& [f, e] : st.fields()) detail += " " + f + "=" + e.message_id;
    throw std::runtime_error("demo " + what + ": " + detail);
  }
}

// Fictional people: family names that read as placeholders, ordinary given names.
const char* kFamily[] = {"仮野", "見本", "試田", "例川", "模擬", "架空", "仮屋", "見本田", "試野", "例山"};
const char* kFamilyKana[] = {"カリノ", "ミホン", "タメシダ", "レイカワ", "モギ", "カクウ", "カリヤ", "ミホンダ", "タメシノ", "レイヤマ"};
const char* kFamilyRomaji[] = {"KARINO", "MIHON", "TAMESHIDA", "REIKAWA", "MOGI", "KAKU", "KARIYA", "MIHONDA", "TAMESHINO", "REIYAMA"};
const char* kGiven[] = {"さくら", "大翔", "陽菜", "蓮", "結衣", "湊"};
const char* kGivenKana[] = {"サクラ", "ヒロト", "ヒナ", "レン", "ユイ", "ミナト"};
const char* kGivenRomaji[] = {"Sakura", "Hiroto", "Hina", "Ren", "Yui", "Minato"};
const char* kUniversities[] = {"架空大学 大学院医学系研究科", "見本工科大学 大学院情報科学研究科", "東京医科歯科大学 大学院医歯学総合研究科",
                               "試験大学 大学院薬学研究科"};

}  // namespace

void load_demo_admissions(db::Database& db, const DemoOrganizations& orgs) {
  audit::Actor actor = audit::Actor::system("demo");
  // Each step in its own unit of work, at its own time, with the modules' reactions (a declined
  // application gives its seat back).
  auto at = [&](std::int64_t when) { return Who{actor, when, "", &module_events()}; };
  admissions::ProgramYear y;
  y.fiscal_year = 2017;
  y.opens_at = tokyo("2017-10-30", "00:00:00");
  y.closes_at = tokyo("2017-11-17", "23:59:59");
  y.program_starts_on = "2017-12-01";
  y.target_a = 30;
  y.target_b = 30;
  y.privacy_version = "2017-10";
  y.privacy_ja =
      "お預かりした個人情報は、受講者の選考、受講の管理、修了の認定、およびコンソーシアムからのご連絡にのみ使用します。"
      "法令に基づく場合を除き、ご本人の同意なく第三者に提供しません。";
  y.privacy_en =
      "The personal data you give us is used only to select trainees, run the program, certify completion and "
      "contact you about the consortium. It is not given to third parties without your consent, except as the law requires.";
  must(write_unit(db, at(tokyo("2017-10-27", "10:00:00")), [&](Work& w) { return admissions::save_program_year(w, y); }),
       "program year");

  std::int64_t submitted = tokyo("2017-10-30", "09:00:00");
  std::int64_t decided = tokyo("2017-11-21", "15:00:00");
  int n = 0;
  auto person = [&](admissions::Application& a) {
    a.fiscal_year = 2017;
    a.family_name = kFamily[n % 10];
    a.family_name_kana = kFamilyKana[n % 10];
    a.given_name = kGiven[(n / 10) % 6];
    a.given_name_kana = kGivenKana[(n / 10) % 6];
    a.romaji_name = std::string(kGivenRomaji[(n / 10) % 6]) + " " + kFamilyRomaji[n % 10];
    a.email = "applicant" + std::to_string(n + 1) + "@applicants.example";
    // One applicant (type A, not decided yet) mistyped their domain: the receipt never arrived.
    if (n == 29) a.email = "applicant" + std::to_string(n + 1) + kDemoBouncingDomain;
    a.tracks = {n % 2 ? "bigdata_medicine" : "ai_drug_discovery", "common"};
    a.programming_experience = n % 3 == 0 ? "Python 2年、R 少し" : "";
    a.lang = n % 7 == 0 ? "en" : "ja";
  };
  std::vector<std::int64_t> ids;
  // 32 type A: PhD students from universities anywhere, and PhD holders.
  for (int i = 0; i < 32; ++i, ++n) {
    admissions::Application a;
    person(a);
    a.trainee_type = "A";
    if (i % 4 == 3) {
      a.a_category = "phd_holder";
      a.affiliation = i % 8 == 7 ? "架空メディカルIT株式会社 研究開発部" : "見本研究所";
      a.position = "研究員";
    } else {
      a.a_category = "phd_student";
      a.university = kUniversities[i % 4];
      a.year_of_study = "博士課程" + std::to_string(1 + i % 3) + "年";
      a.supervisor_name = "指導 教員" + std::to_string(1 + i % 5);
      a.supervisor_email = "supervisor" + std::to_string(1 + i % 5) + "@university.example";
    }
    admissions::SubmitOptions opt;
    opt.consent = true;
    auto r = write_unit(db, at(submitted + n * 3600 * 7),
                        [&](Work& w) { return admissions::submit_application(w, a, opt); });
    if (!r) must(r.status(), "application A");
    ids.push_back(*r);
  }
  // 28 type B: employees of the 12 partner companies, two or three per company.
  std::vector<std::int64_t> b_ids;
  for (int i = 0; i < 28; ++i, ++n) {
    admissions::Application a;
    person(a);
    a.trainee_type = "B";
    a.company_id = orgs.first_company + (i % 12);
    a.affiliation = "連携機関";
    a.position = i % 3 == 0 ? "主任" : "社員";
    admissions::SubmitOptions opt;
    opt.consent = true;
    auto r = write_unit(db, at(submitted + n * 3600 * 7),
                        [&](Work& w) { return admissions::submit_application(w, a, opt); });
    if (!r) must(r.status(), "application B");
    b_ids.push_back(*r);
  }
  // The companies' representatives confirm that their employees applied; the last two still wait.
  for (std::size_t i = 0; i + 2 < b_ids.size(); ++i)
    must(write_unit(db, at(decided - 86400 + static_cast<std::int64_t>(i)),
                    [&](Work& w) { return admissions::answer_company_confirmation(w, b_ids[i], true, ""); }),
         "company confirmation");
  // Decisions: most A accepted, some waitlisted or declined, some still waiting.
  for (std::size_t i = 0; i < ids.size(); ++i) {
    std::string d = i < 20 ? "accepted" : i < 24 ? "waitlisted" : i < 27 ? "declined" : "";
    if (d.empty()) continue;
    must(write_unit(db, at(decided), [&](Work& w) { return admissions::decide_application(w, ids[i], d, d == "accepted" ? "" : "定員のため"); }), "decision A");
  }
  // B: the first trainee of each company holds its seat and is accepted.
  for (std::size_t i = 0; i < 12; ++i)
    must(write_unit(db, at(decided), [&](Work& w) { return admissions::decide_application(w, b_ids[i], "accepted", ""); }), "decision B");
  // The fourth company's second trainee needed a consultation: an extra seat at an agreed fee.
  auto second = db.read([&](db::Conn& c) { return admissions::repo::application(c, b_ids[15]); });
  must(write_unit(db, at(decided),
                  [&](Work& w) {
                    return members::decide_consultation(w, second->seat_request_id, true, 300000,
                                                        "追加1名、30万円で合意");
                  }),
       "consultation");
  must(write_unit(db, at(decided + 60), [&](Work& w) { return admissions::decide_application(w, b_ids[15], "accepted", ""); }), "decision extra");
  auto fee = write_unit(db, at(tokyo("2017-12-01", "10:00:00")), [&](Work& w) {
    return invoicing::issue_seat_invoice(w, second->seat_request_id, {"2017-12-01", "2017-12-28", ""});
  });
  if (!fee) must(fee.status(), "seat invoice");
  // Others of the second wave: one declined (seat given back), the rest left for the secretariat.
  must(write_unit(db, at(decided), [&](Work& w) { return admissions::decide_application(w, b_ids[12], "declined", "受講枠を超えるため"); }), "decline B");
  must(write_unit(db, at(decided), [&](Work& w) { return admissions::decide_application(w, b_ids[13], "waitlisted", "相談中"); }), "waitlist B");
  // The demo trainee's own application, accepted: what makes them a trainee of FY2017.
  admissions::Application own;
  own.fiscal_year = 2017;
  own.email = "trainee@mdsc.example";
  own.trainee_type = "A";
  own.a_category = "phd_student";
  own.family_name = "受講";
  own.given_name = "未来";
  own.family_name_kana = "ジュコウ";
  own.given_name_kana = "ミライ";
  own.romaji_name = "Mirai JUKO";
  own.university = kUniversities[0];
  own.year_of_study = "博士課程2年";
  own.supervisor_name = "指導 誠";
  own.supervisor_email = "supervisor@mdsc.example";
  own.tracks = {"bigdata_medicine", "common"};
  admissions::SubmitOptions opt;
  opt.consent = true;
  auto mine = write_unit(db, at(submitted + 3600), [&](Work& w) { return admissions::submit_application(w, own, opt); });
  if (!mine) must(mine.status(), "the demo trainee's application");
  must(write_unit(db, at(decided), [&](Work& w) { return admissions::decide_application(w, *mine, "accepted", ""); }), "the demo trainee's acceptance");
}

}  // namespace mdsc::app
