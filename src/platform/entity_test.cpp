// An entity described once, on both databases: rows in and out, JSON out and in, forms, checks and
// the audit snapshot all follow its table.
#include "platform/entity.h"

#include <gtest/gtest.h>

#include "support/test_db.h"

namespace mdsc {
namespace {

enum class Phase { draft, open, closed };
const States<Phase>& states_of(Phase);

struct Thing {
  std::int64_t id = 0;
  Phase phase = Phase::draft;
  std::string name;
  std::string code;  // "" stored as NULL
  int seats = 0;
  bool active = true;
  std::optional<std::int64_t> staff;
  std::vector<std::string> tags;
  std::string secret;
  std::string owner_name;  // from a join

  static const entity::Table<Thing>& table();
};

const std::vector<std::string>& kinds() {
  static const std::vector<std::string> v{"a", "b"};
  return v;
}

const States<Phase>& states_of(Phase) {
  static const States<Phase> t{{{Phase::draft, "draft"}, {Phase::open, "open"}, {Phase::closed, "closed"}},
                               {{Phase::draft, Phase::open}, {Phase::open, Phase::closed}}};
  return t;
}

using entity::field, entity::enum_field;

const entity::Table<Thing>& Thing::table() {
  static const entity::Table<Thing> t{
      "thing",
      {field<&Thing::id>().key(), enum_field<&Thing::phase>("phase").label("field.phase", "select"),
       field<&Thing::name>().label("field.name").required().max(5),
       field<&Thing::code>().label("field.code").nullable().one_of(kinds()),
       field<&Thing::seats>().label("field.seats", "number").range(0, 100),
       field<&Thing::active>().label("field.active", "checkbox"),
       field<&Thing::staff>().label("field.staff", "number").range(1, 1000000), field<&Thing::tags>(),
       field<&Thing::secret>().secret(), field<&Thing::owner_name>().joined()}};
  return t;
}

TEST(Entity, AFieldIsNamedAfterItsMember) {
  EXPECT_EQ(entity::member_name<&Thing::owner_name>(), "owner_name");
  std::vector<std::string_view> columns;
  for (const auto& f : entity::table<Thing>().fields) columns.push_back(f.column);
  EXPECT_EQ(columns, (std::vector<std::string_view>{"id", "phase", "name", "code", "seats", "active", "staff", "tags",
                                                    "secret", "owner_name"}));
  const auto run = entity::columns<&Thing::name, &Thing::tags>();
  ASSERT_EQ(run.size(), 2u);
  EXPECT_EQ(run[0].column, "name");
  EXPECT_EQ(run[1].column, "tags");
  EXPECT_EQ(entity::field("tier", &Thing::code).column, "tier");  // a column named otherwise keeps its name
}

TEST(Entity, RowsGoInAndComeOutAsTheTableSays) {
  auto db = testing::fresh_database(false);
  db->write([](db::Conn& c) {
    c.exec("CREATE TABLE things (id BIGINT PRIMARY KEY, phase TEXT NOT NULL, name TEXT NOT NULL, code TEXT, seats INTEGER NOT NULL, "
           "active INTEGER NOT NULL, staff BIGINT, tags TEXT NOT NULL, secret TEXT NOT NULL)");
  });
  EXPECT_EQ(entity::stored_columns<Thing>(),
            (std::vector<std::string>{"phase", "name", "code", "seats", "active", "staff", "tags", "secret"}));
  Thing t;
  t.name = "和名";
  t.seats = 3;
  t.active = false;
  t.tags = {"common", "ai"};
  t.secret = "s";
  auto p = entity::params(t);
  p.emplace_back(std::int64_t{7});  // the id, after the table's columns
  auto back = db->write([&](db::Conn& c) {
    c.exec("INSERT INTO things (phase, name, code, seats, active, staff, tags, secret, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", p);
    EXPECT_TRUE(c.query_one("SELECT code FROM things")->is_null("code")) << "\"\" is stored as NULL";
    EXPECT_TRUE(c.query_one("SELECT staff FROM things")->is_null("staff"));
    return entity::from_row<Thing>(*c.query_one("SELECT t.*, 'Ann' AS owner_name FROM things t"));
  });
  EXPECT_EQ(back.id, 7);
  EXPECT_EQ(back.name, "和名");
  EXPECT_EQ(back.code, "");
  EXPECT_EQ(back.seats, 3);
  EXPECT_FALSE(back.active);
  EXPECT_FALSE(back.staff.has_value());
  EXPECT_EQ(back.tags, (std::vector<std::string>{"common", "ai"}));
  EXPECT_EQ(back.owner_name, "Ann");
  // A query that leaves the joined column out still reads.
  auto plain = db->read([](db::Conn& c) { return entity::from_row<Thing>(*c.query_one("SELECT * FROM things")); });
  EXPECT_EQ(plain.owner_name, "");
}

TEST(Entity, JsonOutHidesSecretsAndJsonInPatchesOnlyWhatIsThere) {
  Thing t;
  t.id = 3;
  t.name = "old";
  t.seats = 2;
  t.secret = "s";
  auto j = entity::to_json(t);
  EXPECT_EQ(j["id"], 3);
  EXPECT_TRUE(j["code"].is_null());
  EXPECT_FALSE(j.contains("secret"));
  Status st;
  entity::from_json(nlohmann::json{{"name", " new "}, {"id", 99}, {"secret", "x"}, {"seats", "many"}}, t, st);
  EXPECT_EQ(t.name, "new");
  EXPECT_EQ(t.id, 3) << "the key is never written from input";
  EXPECT_EQ(t.secret, "s");
  EXPECT_EQ(t.seats, 2);
  EXPECT_EQ(st.fields().at("seats").message_id, "validation.invalid_input");
}

TEST(Entity, FormsReadTheLabelledFieldsAndChecksNameTheField) {
  Thing t;
  Status st;
  entity::from_form(web::Form::parse("phase=open&name=abcdefg&code=z&seats=101&staff=&tags=x"), t, st);
  EXPECT_FALSE(t.active) << "an unticked checkbox";
  EXPECT_TRUE(t.tags.empty()) << "tags has no label: not on the form";
  st = entity::validate(t, st);
  EXPECT_EQ(st.fields().at("name").message_id, "validation.longer_than");
  EXPECT_EQ(st.fields().at("name").args.at("max"), "5");
  EXPECT_EQ(st.fields().at("code").message_id, "validation.choice");
  EXPECT_EQ(st.fields().at("seats").message_id, "validation.too_large");
  EXPECT_FALSE(st.fields().count("staff")) << "optional and empty";
  Status bad;
  entity::from_form(web::Form::parse("phase=draft&name=ok&seats=2x"), t, bad);
  EXPECT_EQ(bad.fields().at("seats").message_id, "validation.number");
  Status missing = entity::validate(Thing{});
  EXPECT_EQ(missing.fields().at("name").message_id, "validation.required");
  auto fields = entity::form_fields(t);
  ASSERT_EQ(fields.size(), 6u);
  EXPECT_EQ(fields[0].name, "phase");
  EXPECT_EQ(fields[1].name, "name");
  EXPECT_TRUE(fields[1].required);
  EXPECT_EQ(fields[4].type, "checkbox");
}

TEST(Entity, AStatusIsStoredAndShownByItsNameAndMovesByItsTable) {
  Thing t;
  t.phase = Phase::open;
  EXPECT_EQ(entity::to_json(t)["phase"], "open");
  EXPECT_EQ(std::get<std::string>(entity::params(t).front().v), "open");
  Status st;
  entity::from_json(nlohmann::json{{"phase", "closed"}}, t, st);
  EXPECT_EQ(t.phase, Phase::closed);
  entity::from_json(nlohmann::json{{"phase", "lost"}}, t, st);
  EXPECT_EQ(st.fields().at("phase").message_id, "validation.choice");
  EXPECT_EQ(t.phase, Phase::closed);
  const auto& s = states<Phase>();
  EXPECT_TRUE(s.allows(Phase::draft, Phase::open));
  EXPECT_FALSE(s.allows(Phase::draft, Phase::closed));
  EXPECT_EQ(s.next(Phase::open), std::vector<Phase>{Phase::closed});
  EXPECT_EQ(name_of(Phase::draft), "draft");
}

TEST(Entity, TheAuditSnapshotHoldsTheAuditedFieldsOnly) {
  Thing t;
  t.id = 1;
  t.secret = "s";
  t.owner_name = "Ann";
  auto s = entity::snapshot(t);
  EXPECT_FALSE(s.contains("id"));
  EXPECT_FALSE(s.contains("secret"));
  EXPECT_FALSE(s.contains("owner_name"));
  EXPECT_TRUE(s.contains("name"));
  EXPECT_TRUE(s.contains("tags"));
}

}  // namespace
}  // namespace mdsc
