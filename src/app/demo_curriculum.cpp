#include "app/demo_curriculum.h"

#include <map>
#include <stdexcept>

#include "app/demo_support.h"
#include "modules/curriculum/operations.h"
#include "modules/members/operations.h"

namespace mdsc::app {
namespace {

struct DemoInstitution {
  const char* name;
  const char* en;
  const char* kind;
};

// Institutions the curriculum names that the members demo does not create.
const std::vector<DemoInstitution>& extra_institutions() {
  static const std::vector<DemoInstitution> all = {
      {"東北大学", "Tohoku University", "university"},
      {"理化学研究所", "RIKEN", "research_institute"},
      {"産業技術総合研究所", "National Institute of Advanced Industrial Science and Technology (AIST)", "research_institute"},
      {"公益財団法人がん研究会", "Japanese Foundation for Cancer Research", "research_institute"},
  };
  return all;
}

// The instructors as the prospectus names them: the course lines give name and institution, the
// 主な講師陣 pages add the position and department where they have them. No e-mail addresses.
struct DemoInstructor {
  const char* key;
  const char* family, *given, *family_kana, *given_kana, *romaji;
  const char* organization;
  const char* department;
  const char* title;
};

const std::vector<DemoInstructor>& instructors() {
  static const std::vector<DemoInstructor> all = {
      {"tanaka", "田中", "博", "タナカ", "ヒロシ", "Hiroshi TANAKA", "東京医科歯科大学", "", "名誉教授"},
      {"hase", "長谷", "武志", "ハセ", "タケシ", "Takeshi HASE", "東京医科歯科大学", "医療データ科学推進室", "特任准教授"},
      {"sugiyama", "杉山", "将", "スギヤマ", "マサシ", "Masashi SUGIYAMA", "理化学研究所 革新知能統合研究センター", "", "センター長"},
      {"tsujii", "辻井", "潤一", "ツジイ", "ジュンイチ", "Jun'ichi TSUJII", "産業技術総合研究所 人工知能研究センター", "", "センター長"},
      {"tamiya", "田宮", "元", "タミヤ", "ゲン", "Gen TAMIYA", "東北大学", "ゲノム遺伝統計学分野(理化学研究所 革新知能統合研究センター兼任)", "教授"},
      {"mogushi", "茂櫛", "薫", "モグシ", "カオル", "Kaoru MOGUSHI", "順天堂大学", "", "講師"},
      {"tsuji", "辻", "真吾", "ツジ", "シンゴ", "Shingo TSUJI", "東京大学", "先端科学技術研究センター", "特任助教"},
      {"yamamoto", "山本", "雅之", "ヤマモト", "マサユキ", "Masayuki YAMAMOTO", "東北大学 東北メディカル・メガバンク機構", "", "機構長"},
      {"ogishima", "荻島", "創一", "オギシマ", "ソウイチ", "Soichi OGISHIMA", "東北大学", "", ""},
      {"mishima", "三島", "博之", "ミシマ", "ヒロユキ", "Hiroyuki MISHIMA", "長崎大学", "", ""},
      {"kato", "加藤", "規弘", "カトウ", "ノリヒロ", "Norihiro KATO", "国立国際医療研究センター", "研究所 遺伝子診断治療開発研究部 メディカルゲノムセンター", "センター長"},
      {"mizusawa", "水澤", "英洋", "ミズサワ", "ヒデヒロ", "Hidehiro MIZUSAWA", "国立精神・神経医療研究センター", "", "理事長"},
      {"noda", "野田", "哲生", "ノダ", "テツオ", "Tetsuo NODA", "公益財団法人がん研究会", "がん研究所", "所長"},
      {"mori", "森", "誠一", "モリ", "セイイチ", "Seiichi MORI", "公益財団法人がん研究会", "がんプレシジョン医療研究センター 次世代がん研究シーズ育成プロジェクト", "プロジェクトリーダー"},
      {"okuno", "奥野", "恭史", "オクノ", "ヤスシ", "Yasushi OKUNO", "京都大学", "ビッグデータ医科学分野", "教授"},
      {"horimoto", "堀本", "勝久", "ホリモト", "カツヒサ", "Katsuhisa HORIMOTO", "産業技術総合研究所", "創薬分子プロファイリング研究センター", "副センター長"},
      {"hirokawa", "広川", "貴次", "ヒロカワ", "タカツグ", "Takatsugu HIROKAWA", "産業技術総合研究所", "", ""},
      {"fukuzawa", "福澤", "薫", "フクザワ", "カオリ", "Kaori FUKUZAWA", "星薬科大学", "", ""},
      {"honma", "本間", "光貴", "ホンマ", "テルキ", "Teruki HONMA", "理化学研究所", "", ""},
      {"kawakami", "川上", "浩二", "カワカミ", "コウジ", "Koji KAWAKAMI", "京都大学", "薬剤疫学分野", "教授"},
  };
  return all;
}

struct DemoCourse {
  const char* code;
  const char* ja, *en;
  const char* category, *track, *kind;
  int periods;
  const char* status;
  std::vector<const char*> instructors;  // keys above, in the prospectus's order
};

// カリキュラム(案) 20171027時点. Where two courses are followed by one block of instructor lines,
// each course takes the lines that follow it in turn (a line ending in "、" continues).
const std::vector<DemoCourse>& courses() {
  static const std::vector<DemoCourse> all = {
      {"C-L1", "システム医学概論", "Introduction to Systems Medicine", "common", "", "lecture", 4, "confirmed", {"tanaka", "hase"}},
      {"C-L2", "人工知能・機械学習概論", "Introduction to Artificial Intelligence and Machine Learning", "common", "", "lecture", 8, "confirmed", {"sugiyama", "tsujii"}},
      {"C-L3", "ゲノム・ビッグデータ統計解析学", "Statistical Analysis of Genomic Big Data", "common", "", "lecture", 8, "confirmed", {"tamiya"}},
      {"C-P1", "Rプログラム演習", "R Programming Practical", "common", "", "practical", 8, "confirmed", {"mogushi"}},
      {"C-P2", "パイソンプログラム演習", "Python Programming Practical", "common", "", "practical", 8, "confirmed", {"tsuji"}},
      {"C-P3", "深層学習総合演習", "Comprehensive Deep Learning Practical", "common", "", "practical", 4, "planned", {"tsuji", "tanaka", "hase"}},
      {"BD-1", "Precision Medicine Biobank/Genome Cohort概論", "Introduction to Precision Medicine, Biobanks and Genome Cohorts", "specialised", "bigdata_medicine", "lecture", 8, "confirmed", {"tanaka", "yamamoto", "ogishima"}},
      {"BD-2", "生命医科学ビッグデータベース論", "Biomedical Big Databases", "specialised", "bigdata_medicine", "lecture", 4, "confirmed", {"mishima", "mogushi"}},
      {"BD-3", "疾患データ科学", "Disease Data Science", "specialised", "bigdata_medicine", "lecture", 9, "confirmed", {"kato", "mizusawa", "noda", "mori"}},
      {"AI-1", "ビッグデータ創薬・AI創薬概論", "Introduction to Big-Data and AI Drug Discovery", "specialised", "ai_drug_discovery", "lecture", 4, "confirmed", {"tanaka", "okuno"}},
      {"AI-2", "創薬分子プロファイリング総論", "Molecular Profiling for Drug Discovery", "specialised", "ai_drug_discovery", "lecture", 8, "confirmed", {"horimoto", "hirokawa"}},
      {"AI-3", "インシリコ創薬化学", "In Silico Medicinal Chemistry", "specialised", "ai_drug_discovery", "lecture", 8, "confirmed", {"fukuzawa", "honma"}},
      {"AI-4", "現代医薬統計学", "Modern Pharmaceutical Statistics", "specialised", "ai_drug_discovery", "lecture", 8, "planned", {"kawakami"}},
  };
  return all;
}

// The organisation of this name, created when the demo does not have it yet.
std::int64_t institution(db::Database& db, const std::string& name, std::int64_t now) {
  auto found = db.read([&](db::Conn& c) { return c.query_one("SELECT id FROM organizations WHERE name = ?", {name}); });
  if (found) return found->i64("id");
  for (const auto& i : extra_institutions()) {
    if (name != i.name) continue;
    members::Organization o;
    o.kind = i.kind;
    o.name = i.name;
    o.name_en = i.en;
    return demo::must(demo::step(db, now, [&](Work& w) { return members::create_organization(w, o); }), name);
  }
  throw std::runtime_error("demo curriculum: unknown institution " + name);
}

}  // namespace

DemoCurriculum load_demo_curriculum(db::Database& db, std::int64_t now) {
  curriculum::CurriculumYear year;
  year.fiscal_year = 2017;
  year.choice_rule = "free";
  year.notes = "今年度はトライアルにつき、自由選択";
  if (auto st = demo::step(db, now, [&](Work& w) { return curriculum::save_curriculum_year(w, year); }); !st)
    throw std::runtime_error("demo curriculum year: " + st.message_id());

  std::map<std::string, std::int64_t> ids;
  for (const auto& i : instructors()) {
    curriculum::Instructor in;
    demo::set_name(in, i);
    in.title = i.title;
    in.department = i.department;
    in.organization_id = institution(db, i.organization, now);
    ids[i.key] = demo::must(demo::step(db, now, [&](Work& w) { return curriculum::create_instructor(w, in); }), i.key);
  }

  DemoCurriculum out;
  for (const auto& c : courses()) {
    curriculum::Course course;
    course.fiscal_year = 2017;
    course.code = c.code;
    course.title_ja = c.ja;
    course.title_en = c.en;
    course.category = c.category;
    course.track = c.track;
    course.kind = c.kind;
    course.periods = c.periods;
    course.time_band = course.category == "common" ? "daytime" : "evening";
    course.status = *states<curriculum::CourseStatus>().parse(c.status);
    for (const char* key : c.instructors) course.instructors.push_back({ids.at(key), std::nullopt, 0, {}});
    auto id = demo::must(demo::step(db, now, [&](Work& w) { return curriculum::create_course(w, course); }), c.code);
    std::string code = c.code;
    if (code == "C-L1") out.instructor_course = id;
    if (code == "C-L1" || code == "C-P2" || code == "BD-1") out.trainee_courses.push_back(id);
  }
  return out;
}

void load_demo_enrollments(db::Database& db, const DemoCurriculum& curriculum, std::int64_t trainee_user_id,
                           std::int64_t now) {
  if (!trainee_user_id) return;
  for (auto course : curriculum.trainee_courses)
    demo::must(
        demo::step(db, now,
                   [&](Work& w) { return curriculum::enroll(w, course, trainee_user_id, curriculum::On::self); }),
        "enrollment");
}

}  // namespace mdsc::app
