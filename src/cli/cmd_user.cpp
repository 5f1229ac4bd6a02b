#include <iomanip>
#include <iostream>

#include "app/app.h"
#include "cli/commands.h"
#include "core/clock.h"
#include "core/i18n.h"
#include "db/migrator.h"
#include "platform/identity/auth.h"
#include "platform/identity/repo.h"
#include "platform/identity/users.h"

namespace mdsc::cli {
namespace {

std::string first_problem(const Status& st) {
  if (!st.fields().empty()) {
    const auto& [field, fe] = *st.fields().begin();
    return field + ": " + i18n::t("en", fe.message_id, fe.args);
  }
  return i18n::t("en", st.message_id(), st.args());
}

std::unique_ptr<db::Database> open_db(const Common& common, Config& config) {
  config = common.load();
  auto db = db::Database::open(config.db_url, 2);
  // A database that was never set up has no users table; say what to run instead of a SQL error.
  if (const auto todo = db::pending(*db); !todo.empty())
    throw UsageError("the database is not up to date (" + std::to_string(todo.size()) +
                     " migrations pending): run `mdsc migrate` or `mdsc init` first");
  return db;
}

struct AddOpts {
  std::string email, family, given, family_kana, given_kana, romaji, lang = "ja";
  std::vector<std::string> roles;
  bool password_stdin = false;
};

struct TokenOpts {
  std::string email, name = "cli";
};

CLI::App* add_options_of_add(CLI::App* cmd, AddOpts& add) {
  auto* add_cmd = cmd->add_subcommand("add", "Add a user");
  add_cmd->add_option("--email", add.email, "E-mail address (the login)")->required();
  add_cmd->add_option("--role", add.roles, "Role, repeatable: secretariat, instructor:COURSE_ID, ...");
  add_cmd->add_option("--family-name", add.family, "Family name (default: the e-mail's local part)");
  add_cmd->add_option("--given-name", add.given, "Given name");
  add_cmd->add_option("--family-name-kana", add.family_kana, "Family name in kana");
  add_cmd->add_option("--given-name-kana", add.given_kana, "Given name in kana");
  add_cmd->add_option("--romaji", add.romaji, "Name in romaji");
  add_cmd->add_option("--lang", add.lang, "Preferred language: ja or en")->check(CLI::IsMember({"ja", "en"}));
  add_cmd->add_flag("--password-stdin", add.password_stdin, "Read the password from standard input");
  return add_cmd;
}

CLI::App* add_options_of_token(CLI::App* cmd, TokenOpts& tok) {
  auto* token_cmd = cmd->add_subcommand("token", "Create a personal API token and print it");
  token_cmd->add_option("--email", tok.email, "The user's e-mail")->required();
  token_cmd->add_option("--name", tok.name, "A name to recognise the token by");
  return token_cmd;
}

// What a command needs to change users: the database, who acts (the CLI) and the site's address
// (for invitation links).
struct UserCommand {
  std::unique_ptr<db::Database> db;
  Who who;
  std::string base_url;
};

UserCommand open_user_command(const Common& common) {
  Config config;
  auto db = open_db(common, config);
  std::string base_url = config.base_url.empty() ? "http://" + config.bind + ":" + std::to_string(config.port)
                                                 : config.base_url;
  SystemClock clock;
  Who who{audit::Actor::system("cli"), clock.now_unix(), base_url};
  return {std::move(db), who, base_url};
}

identity::UserInput user_input(const AddOpts& add) {
  identity::UserInput in;
  in.email = add.email;
  in.family_name = add.family.empty() ? add.email.substr(0, add.email.find('@')) : add.family;
  in.given_name = add.given;
  in.family_name_kana = add.family_kana;
  in.given_name_kana = add.given_kana;
  in.romaji_name = add.romaji;
  in.preferred_lang = add.lang;
  for (const auto& spec : add.roles) {
    auto g = identity::parse_role(spec);
    if (!g) throw UsageError("--role " + spec + ": " + first_problem(g.status()));
    in.roles.push_back(*g);
  }
  return in;
}

int run_add(const Common& common, const AddOpts& add) {
  auto uc = open_user_command(common);
  const auto in = user_input(add);
  std::optional<std::string> password;
  if (add.password_stdin) {
    std::string line;
    std::getline(std::cin, line);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    password = line;
  }
  auto r = password ? identity::create_user_with_password(*uc.db, uc.who, in, *password)
                    : write_unit(*uc.db, uc.who, [&](Work& w) { return identity::create_user(w, in); });
  if (!r) throw UsageError(first_problem(r.status()));
  std::cout << "User " << *r << " created.\n";
  if (!password) {
    std::string link = write_unit(*uc.db, uc.who, [&](Work& w) { return identity::create_invitation(w, *r); });
    std::cout << "They set their password at: " << uc.base_url << link << "\n";
  }
  return 0;
}

int run_list(const Common& common) {
  auto uc = open_user_command(common);
  identity::repo::UserQuery q;
  q.limit = 100000;
  auto users = uc.db->read([&](db::Conn& c) { return identity::repo::list_users(c, q); });
  std::cout << "id\temail\tactive\troles\n";
  for (const auto& u : users) {
    std::string roles;
    for (const auto& g : u.roles) {
      roles += (roles.empty() ? "" : ",") + std::string(web::role_name(g.role));
      if (!g.scope_type.empty()) roles += ":" + std::to_string(g.scope_id);
    }
    std::cout << u.id << "\t" << u.email << "\t" << (u.active ? "yes" : "no") << "\t" << roles << "\n";
  }
  return 0;
}

int run_token(const Common& common, const TokenOpts& tok) {
  auto uc = open_user_command(common);
  auto u = uc.db->read([&](db::Conn& c) { return identity::find_user_by_email(c, tok.email); });
  if (!u) throw UsageError("no user with e-mail " + tok.email);
  auto t = write_unit(*uc.db, uc.who, [&](Work& w) { return identity::create_api_token(w, u->id, tok.name); });
  if (!t) throw UsageError(first_problem(t.status()));
  std::cout << *t << "\n";
  return 0;
}

}  // namespace

Runner add_user(CLI::App& app, Common& common) {
  auto* cmd = app.add_subcommand("user", "Manage user accounts");
  cmd->require_subcommand(1);
  cmd->add_option("--db", common.db_url, "Database URL");
  cmd->add_option("--config", common.config_path, "TOML configuration file");
  auto add = std::make_shared<AddOpts>();
  auto* add_cmd = add_options_of_add(cmd, *add);
  auto* list_cmd = cmd->add_subcommand("list", "List users");
  auto tok = std::make_shared<TokenOpts>();
  auto* token_cmd = add_options_of_token(cmd, *tok);
  // --db and --config are accepted after the action too (`mdsc user list --db URL`), as with the
  // other commands.
  for (auto* sub : {add_cmd, list_cmd, token_cmd}) {
    sub->add_option("--db", common.db_url, "Database URL");
    sub->add_option("--config", common.config_path, "TOML configuration file");
  }

  return [&common, add_cmd, list_cmd, token_cmd, add, tok]() -> int {
    if (add_cmd->parsed()) return run_add(common, *add);
    if (list_cmd->parsed()) return run_list(common);
    if (token_cmd->parsed()) return run_token(common, *tok);
    return 2;
  };
}

}  // namespace mdsc::cli
