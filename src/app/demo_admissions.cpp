#include "app/demo_admissions.h"

#include <stdexcept>

#include "app/demo_mail.h"
#include "app/demo_support.h"
#include "app/modules.h"
#include "modules/admissions/operations.h"
#include "modules/admissions/repo.h"
#include "modules/invoicing/operations.h"
#include "modules/members/operations.h"
#include "platform/work.h"

namespace mdsc::app {
namespace {

// Fictional people: family names that read as placeholders, ordinary given names.
const char* kFamily[] = {"仮野", "見本", "試田", "例川", "模擬", "架空", "仮屋", "見本田", "試野", "例山"};
const char* kFamilyKana[] = {"カリノ", "ミホン", "タメシダ", "レイカワ", "モギ", "カクウ", "カリヤ", "ミホンダ", "タメシノ", "レイヤマ"};
const char* kFamilyRomaji[] = {"KARINO", "MIHON", "TAMESHIDA", "REIKAWA", "MOGI", "KAKU", "KARIYA", "MIHONDA", "TAMESHINO", "REIYAMA"};
const char* kGiven[] = {"さくら", "大翔", "陽菜", "蓮", "結衣", "湊"};
const char* kGivenKana[] = {"サクラ", "ヒロト", "ヒナ", "レン", "ユイ", "ミナト"};
const char* kGivenRomaji[] = {"Sakura", "Hiroto", "Hina", "Ren", "Yui", "Minato"};
const char* kUniversities[] = {"架空大学 大学院医学系研究科", "見本工科大学 大学院情報科学研究科", "東京医科歯科大学 大学院医歯学総合研究科",
                               "試験大学 大学院薬学研究科"};

// The FY2017 admissions as they went: the program year, 32 type A and 28 type B applications, the
// companies' confirmations, the decisions of 21 November, one consultation, and the demo
// trainee's own application. Each step in its own unit of work at its own time, with the modules'
// reactions (a declined application gives its seat back).
class DemoAdmissions {
 public:
  DemoAdmissions(db::Database& db, const DemoOrganizations& orgs) : db_(db), orgs_(orgs) {}

  void load() {
    program_year();
    for (int i = 0; i < 32; ++i) a_ids_.push_back(submit(type_a(i), "application A"));
    for (int i = 0; i < 28; ++i) b_ids_.push_back(submit(type_b(i), "application B"));
    company_confirmations();
    decisions();
    consultation();
    second_wave();
    demo_trainee();
  }

 private:
  Who at(std::int64_t when) const { return Who{demo::actor(), when, "", &module_events()}; }
  template <typename F>
  void run(std::int64_t when, const char* what, F&& fn) {
    demo::must(write_unit(db_, at(when), std::forward<F>(fn)), what);
  }
  void decide(std::int64_t id, const char* decision, const char* reason, const char* what, std::int64_t when = 0) {
    run(when ? when : decided_, what, [&](Work& w) { return admissions::decide_application(w, id, decision, reason); });
  }

  void program_year() {
    admissions::ProgramYear y;
    y.fiscal_year = 2017;
    y.opens_at = demo::tokyo("2017-10-30", "00:00:00");
    y.closes_at = demo::tokyo("2017-11-17", "23:59:59");
    y.program_starts_on = "2017-12-01";
    y.target_a = 30;
    y.target_b = 30;
    y.privacy_version = "2017-10";
    y.privacy_ja =
        "お預かりした個人情報は、受講者の選考、受講の管理、修了の認定、およびコンソーシアムからのご連絡にのみ使用します"
        "。"
        "法令に基づく場合を除き、ご本人の同意なく第三者に提供しません。";
    y.privacy_en =
        "The personal data you give us is used only to select trainees, run the program, certify completion and "
        "contact you about the consortium. It is not given to third parties without your consent, except as the law "
        "requires.";
    run(demo::tokyo("2017-10-27"), "program year", [&](Work& w) { return admissions::save_program_year(w, y); });
  }

  // The next applicant: a fictional name, an address of their own, tracks and experience.
  admissions::Application person() {
    const int n = next_++;
    admissions::Application a;
    a.fiscal_year = 2017;
    struct {
      const char *family, *given, *family_kana, *given_kana;
      std::string romaji;
    } name{kFamily[n % 10], kGiven[(n / 10) % 6], kFamilyKana[n % 10], kGivenKana[(n / 10) % 6],
           std::string(kGivenRomaji[(n / 10) % 6]) + " " + kFamilyRomaji[n % 10]};
    demo::set_name(a, name);
    a.email = "applicant" + std::to_string(n + 1) + "@applicants.example";
    // One applicant (type A, not decided yet) mistyped their domain: the receipt never arrived.
    if (n == 29) a.email = "applicant" + std::to_string(n + 1) + kDemoBouncingDomain;
    a.tracks = {n % 2 ? "bigdata_medicine" : "ai_drug_discovery", "common"};
    a.programming_experience = n % 3 == 0 ? "Python 2年、R 少し" : "";
    a.lang = n % 7 == 0 ? "en" : "ja";
    return a;
  }

  // PhD students from universities anywhere, and PhD holders.
  admissions::Application type_a(int i) {
    admissions::Application a = person();
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
    return a;
  }

  // Employees of the 12 partner companies, two or three per company.
  admissions::Application type_b(int i) {
    admissions::Application a = person();
    a.trainee_type = "B";
    a.company_id = orgs_.first_company + (i % 12);
    a.affiliation = "連携機関";
    a.position = i % 3 == 0 ? "主任" : "社員";
    return a;
  }

  // Submitted seven hours after the one before.
  std::int64_t submit(const admissions::Application& a, const char* what, std::int64_t when = 0) {
    admissions::SubmitOptions opt;
    opt.consent = true;
    when = when ? when : submitted_ + (next_ - 1) * 3600 * 7;
    return demo::must(write_unit(db_, at(when), [&](Work& w) { return admissions::submit_application(w, a, opt); }),
                      what);
  }

  // The companies' representatives confirm that their employees applied; the last two still wait.
  void company_confirmations() {
    for (std::size_t i = 0; i + 2 < b_ids_.size(); ++i)
      run(decided_ - 86400 + static_cast<std::int64_t>(i), "company confirmation",
          [&](Work& w) { return admissions::answer_company_confirmation(w, b_ids_[i], true, ""); });
  }

  // Most of type A accepted, some waitlisted or declined, some still waiting; type B: the first
  // trainee of each company holds its seat and is accepted.
  void decisions() {
    for (std::size_t i = 0; i < a_ids_.size(); ++i) {
      const char* d = i < 20 ? "accepted" : i < 24 ? "waitlisted" : i < 27 ? "declined" : nullptr;
      if (d) decide(a_ids_[i], d, i < 20 ? "" : "定員のため", "decision A");
    }
    for (std::size_t i = 0; i < 12; ++i) decide(b_ids_[i], "accepted", "", "decision B");
  }

  // Others of the second wave: one declined (its seat given back), one waitlisted, the rest left
  // for the secretariat.
  void second_wave() {
    decide(b_ids_[12], "declined", "受講枠を超えるため", "decline B");
    decide(b_ids_[13], "waitlisted", "相談中", "waitlist B");
  }

  // The fourth company's second trainee needed a consultation: an extra seat at an agreed fee,
  // invoiced when the program starts.
  void consultation() {
    auto second = db_.read([&](db::Conn& c) { return admissions::repo::application(c, b_ids_[15]); });
    run(decided_, "consultation", [&](Work& w) {
      return members::decide_consultation(w, second->seat_request_id, true, 300000, "追加1名、30万円で合意");
    });
    decide(b_ids_[15], "accepted", "", "decision extra", decided_ + 60);
    demo::must(
        write_unit(db_, at(demo::tokyo("2017-12-01")),
                   [&](Work& w) {
                     return invoicing::issue_seat_invoice(w, second->seat_request_id, {"2017-12-01", "2017-12-28", ""});
                   }),
        "seat invoice");
  }

  // The demo trainee's own application, accepted: what makes them a trainee of FY2017.
  void demo_trainee() {
    admissions::Application own;
    own.fiscal_year = 2017;
    own.email = "trainee@mdsc.example";
    own.trainee_type = "A";
    own.a_category = "phd_student";
    demo::set_name(own, DemoName{"受講", "未来", "ジュコウ", "ミライ", "Mirai JUKO"});
    own.university = kUniversities[0];
    own.year_of_study = "博士課程2年";
    own.supervisor_name = "指導 誠";
    own.supervisor_email = "supervisor@mdsc.example";
    own.tracks = {"bigdata_medicine", "common"};
    decide(submit(own, "the demo trainee's application", submitted_ + 3600), "accepted", "",
           "the demo trainee's acceptance");
  }

  struct DemoName {
    const char *family, *given, *family_kana, *given_kana, *romaji;
  };

  db::Database& db_;
  const DemoOrganizations& orgs_;
  const std::int64_t submitted_ = demo::tokyo("2017-10-30", "09:00:00");
  const std::int64_t decided_ = demo::tokyo("2017-11-21", "15:00:00");
  int next_ = 0;
  std::vector<std::int64_t> a_ids_, b_ids_;
};

}  // namespace

void load_demo_admissions(db::Database& db, const DemoOrganizations& orgs) { DemoAdmissions(db, orgs).load(); }

}  // namespace mdsc::app
