#include "app/demo_members.h"

#include <stdexcept>

#include "app/demo_support.h"
#include "core/i18n.h"
#include "core/jp_numbers.h"
#include "modules/invoicing/operations.h"
#include "modules/members/operations.h"
#include "platform/work.h"

namespace mdsc::app {
namespace {

// A corporate number with a valid check digit from a 12-digit base (fictional companies).
std::string corporate_number(const std::string& base12) {
  return std::to_string(corporate_number_check_digit(base12)) + base12;
}

members::FeeTier tier(const char* code, const char* ja, const char* en, std::int64_t fee, int seats, bool lectures,
                      const char* eligibility) {
  members::FeeTier t;
  t.code = code;
  t.name_ja = ja;
  t.name_en = en;
  t.annual_fee = fee;
  t.seats = seats;
  t.includes_lectures = lectures;
  t.eligibility = eligibility;
  t.tax_category = "10";
  return t;
}

struct DemoCompany {
  const char* name;
  const char* kana;
  const char* en;
  const char* type;
  std::int64_t employees;
  const char* founded;
  const char* base12;
};

const std::vector<DemoCompany>& companies() {
  static const std::vector<DemoCompany> all = {
      {"あおば架空製薬株式会社", "アオバカクウセイヤク", "Aoba Fictional Pharma Co., Ltd.", "pharma", 3200, "1952-05-01", "100000000101"},
      {"デモ創薬ファーマ株式会社", "デモソウヤクファーマ", "Demo Drug Discovery Pharma Inc.", "pharma", 1800, "1968-10-01", "100000000102"},
      {"架空バイオインフォ株式会社", "カクウバイオインフォ", "Fictional Bioinfo K.K.", "pharma", 45, "2013-06-03", "100000000103"},
      {"架空メディカルIT株式会社", "カクウメディカルアイティー", "Fictional Medical IT Corp.", "medical_it", 950, "1989-04-01", "100000000104"},
      {"サンプル医療情報システムズ株式会社", "サンプルイリョウジョウホウシステムズ", "Sample Health Information Systems Ltd.", "medical_it", 260, "2001-07-01", "100000000105"},
      {"ミライ架空AIラボ株式会社", "ミライカクウエーアイラボ", "Mirai Fictional AI Lab Inc.", "medical_it", 12, "2015-02-10", "100000000106"},
      {"架空医療機器工業株式会社", "カクウイリョウキキコウギョウ", "Fictional Medical Devices Industries", "medical_devices", 2100, "1948-11-01", "100000000107"},
      {"デモセンサー株式会社", "デモセンサー", "Demo Sensor Inc.", "medical_devices", 8, "2016-09-01", "100000000108"},
      {"架空クリニカルリサーチ株式会社", "カクウクリニカルリサーチ", "Fictional Clinical Research Co.", "cro", 700, "1995-03-01", "100000000109"},
      {"サンプルCRO株式会社", "サンプルシーアールオー", "Sample CRO Ltd.", "cro", 120, "2005-08-01", "100000000110"},
      {"架空ゲノム解析株式会社", "カクウゲノムカイセキ", "Fictional Genome Analytics Inc.", "other", 30, "2014-04-01", "100000000111"},
      {"デモヘルスケアデータ株式会社", "デモヘルスケアデータ", "Demo Healthcare Data Co.", "other", 75, "2010-01-15", "100000000112"},
  };
  return all;
}

struct DemoInstitution {
  const char* name;
  const char* en;
  const char* kind;
  bool representative;
};

// The institutions the prospectus names as the representative and participating institutions.
const std::vector<DemoInstitution>& institutions() {
  static const std::vector<DemoInstitution> all = {
      {"東京医科歯科大学", "Tokyo Medical and Dental University", "university", true},
      {"東北大学 東北メディカル・メガバンク機構", "Tohoku Medical Megabank Organization, Tohoku University", "university", false},
      {"東京大学", "The University of Tokyo", "university", false},
      {"京都大学", "Kyoto University", "university", false},
      {"順天堂大学", "Juntendo University", "university", false},
      {"長崎大学", "Nagasaki University", "university", false},
      {"星薬科大学", "Hoshi University", "university", false},
      {"理化学研究所 革新知能統合研究センター", "RIKEN Center for Advanced Intelligence Project", "research_institute", false},
      {"産業技術総合研究所 人工知能研究センター", "AIST Artificial Intelligence Research Center", "research_institute", false},
      {"国立国際医療研究センター", "National Center for Global Health and Medicine", "research_institute", false},
      {"国立精神・神経医療研究センター", "National Center of Neurology and Psychiatry", "research_institute", false},
  };
  return all;
}

}  // namespace

DemoOrganizations load_demo_organizations(db::Database& db, std::int64_t now) {
  auto actor = demo::actor();
  members::IssuerProfile issuer;
  issuer.name = "医療データ科学コンソーシアム 事務局";
  issuer.postal_code = "113-8510";
  issuer.address = "東京都文京区湯島1-5-45 東京医科歯科大学内";
  issuer.department = "事務局";
  issuer.phone = "03-0000-0000";
  issuer.email = "office@mdsc.example";
  issuer.registration_number = "T" + corporate_number("200000000001");
  issuer.bank_details = "架空銀行 本店 普通預金 0000000 イリョウデータカガクコンソーシアム";
  demo::must(write_unit(db, Who{actor, now}, [&](Work& w) { return members::save_issuer_profile(w, issuer); }),
             "issuer");

  members::FeeSchedule fy2017;
  fy2017.fiscal_year = 2017;
  fy2017.monitor_period = true;
  fy2017.notes = "2017年度はモニター期間とし、一律50万円/社(受講1名+連絡会議+情報交換コンソ参加費)。各社3名以上の場合は要相談。";
  fy2017.tiers = {tier("M", "モニター会員", "Monitor member", 500000, 1, true, "any")};
  demo::must(write_unit(db, Who{actor, now}, [&](Work& w) { return members::create_fee_schedule(w, fy2017); }),
             "FY2017 schedule");
  members::FeeSchedule fy2018;
  fy2018.fiscal_year = 2018;
  fy2018.notes = "企業会員(2018年度以降)。ベンチャー企業: 従業員50人未満かつ設立5年以内。";
  fy2018.tiers = {tier("A", "A会員(大企業)", "Tier A (large company)", 2000000, 1, true, "non_venture"),
                  tier("B", "B会員(ベンチャー企業)", "Tier B (venture)", 1000000, 1, true, "venture"),
                  tier("C", "C会員", "Tier C", 500000, 0, false, "any")};
  demo::must(write_unit(db, Who{actor, now}, [&](Work& w) { return members::create_fee_schedule(w, fy2018); }),
             "FY2018 schedule");

  DemoOrganizations ids;
  for (const auto& c : companies()) {
    members::Organization o;
    o.kind = "company";
    o.company_type = c.type;
    o.name = c.name;
    o.name_kana = c.kana;
    o.name_en = c.en;
    o.corporate_number = corporate_number(c.base12);
    o.employee_count = c.employees;
    o.founded_on = c.founded;
    o.postal_code = "100-0001";
    o.address = "東京都千代田区架空町1-1";
    o.email = "billing+" + std::string(c.base12).substr(9) + "@company.example";
    o.contact_department = "経理部";
    o.contact_name = "経理 担当";
    auto id = demo::must(write_unit(db, Who{actor, now}, [&](Work& w) { return members::create_organization(w, o); }),
                         c.name);
    if (!ids.first_company) ids.first_company = id;
  }
  for (const auto& i : institutions()) {
    members::Organization o;
    o.kind = i.kind;
    o.name = i.name;
    o.name_en = i.en;
    o.is_representative = i.representative;
    auto id = demo::must(write_unit(db, Who{actor, now}, [&](Work& w) { return members::create_organization(w, o); }),
                         i.name);
    if (i.representative) ids.representative_institution = id;
  }
  return ids;
}

void load_demo_memberships(db::Database& db, const DemoOrganizations& orgs, std::int64_t representative_user_id,
                           std::int64_t now) {
  auto actor = demo::actor();
  std::vector<std::int64_t> memberships;
  for (std::size_t i = 0; i < companies().size(); ++i) {
    std::int64_t company = orgs.first_company + static_cast<std::int64_t>(i);
    memberships.push_back(demo::must(write_unit(db, Who{actor, now},
                                                [&](Work& w) {
                                                  return members::create_membership(w, company, 2017, "M",
                                                                                    members::MembershipStatus::active);
                                                }),
                                     "membership"));
  }
  // Invoices in several states: paid, partly paid, cancelled by a credit note and reissued, unpaid.
  // Each is issued, paid or cancelled on the day it is dated, as an invoice may not be back-dated
  // beyond a few weeks (invoicing::DateWindow) and a payment cannot be recorded before it is made.
  std::vector<std::int64_t> invoices;
  for (auto m : memberships)
    invoices.push_back(
        demo::must(write_unit(db, Who{actor, demo::tokyo("2017-11-01")},
                              [&](Work& w) {
                                return invoicing::issue_membership_invoice(w, m, {"2017-11-01", "2017-11-30", ""});
                              }),
                   "invoice"));
  for (std::size_t i = 0; i < 5; ++i)
    demo::must(
        write_unit(
            db, Who{actor, demo::tokyo("2017-11-20")},
            [&](Work& w) {
              return invoicing::record_payment(w, invoices[i], {0, 0, "2017-11-20", 550000, "bank_transfer", "振込"});
            }),
        "payment");
  demo::must(
      write_unit(
          db, Who{actor, demo::tokyo("2017-11-28")},
          [&](Work& w) {
            return invoicing::record_payment(w, invoices[5], {0, 0, "2017-11-28", 200000, "bank_transfer", "一部入金"});
          }),
      "partial");
  demo::must(write_unit(db, Who{actor, demo::tokyo("2017-11-10")},
                        [&](Work& w) {
                          return invoicing::issue_credit_note(w, invoices[7], "宛名の部署名の誤り", "2017-11-10");
                        }),
             "credit note");
  auto corrected = demo::must(
      write_unit(db, Who{actor, demo::tokyo("2017-11-10")},
                 [&](Work& w) {
                   return invoicing::issue_membership_invoice(w, memberships[7], {"2017-11-10", "2017-12-10", ""});
                 }),
      "reissue");
  demo::must(
      write_unit(
          db, Who{actor, demo::tokyo("2017-12-05")},
          [&](Work& w) {
            return invoicing::record_payment(w, corrected, {0, 0, "2017-12-05", 550000, "bank_transfer", "振込"});
          }),
      "payment");

  // FY2018 renewals prepared for a few: A for a large company, B for a venture, C for another.
  const auto renewed = demo::tokyo("2018-01-10");
  demo::must(write_unit(db, Who{actor, renewed},
                        [&](Work& w) {
                          return members::create_membership(w, orgs.first_company, 2018, "A",
                                                            members::MembershipStatus::applied);
                        }),
             "FY2018 A");
  demo::must(write_unit(db, Who{actor, renewed},
                        [&](Work& w) {
                          return members::create_membership(w, orgs.first_company + 5, 2018, "B",
                                                            members::MembershipStatus::applied);
                        }),
             "FY2018 B");
  demo::must(write_unit(db, Who{actor, renewed},
                        [&](Work& w) {
                          return members::create_membership(w, orgs.first_company + 8, 2018, "C",
                                                            members::MembershipStatus::applied);
                        }),
             "FY2018 C");

  if (representative_user_id)
    demo::must(write_unit(db, Who{actor, now},
                          [&](Work& w) { return members::set_representatives(w, orgs.first_company, representative_user_id, 0);
                          }),
               "representative");
}

}  // namespace mdsc::app
