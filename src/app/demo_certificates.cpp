#include "app/demo_certificates.h"

#include "app/demo.h"
#include "app/demo_support.h"
#include "modules/certificates/operations.h"
#include "platform/identity/users.h"
#include "platform/work.h"

namespace mdsc::app {
namespace {

struct Alumnus {
  const char* email;
  const char* family;
  const char* given;
  const char* romaji;
};

constexpr Alumnus kAlumni[] = {{"alumna.2016@mdsc.example", "石川", "結衣", "Yui ISHIKAWA"},
                               {"alumnus.2016@mdsc.example", "福井", "大輔", "Daisuke FUKUI"}};

}  // namespace

void load_demo_certificates(db::Database& db) {
  const std::int64_t secretariat = db.read(
      [](db::Conn& c) { return c.scalar_i64("SELECT id FROM users WHERE email = 'secretariat@mdsc.example'"); });
  const audit::Actor office{secretariat, "user:" + std::to_string(secretariat), ""};
  const auto confirmed = demo::tokyo("2017-03-10");
  const auto signed_off = demo::tokyo("2017-03-17");
  const auto issued = demo::tokyo("2017-03-24");
  std::vector<std::int64_t> certificates;
  for (const auto& a : kAlumni) {
    identity::User u;
    u.email = a.email;
    u.family_name = a.family;
    u.given_name = a.given;
    u.romaji_name = a.romaji;
    const auto user = demo::must(demo::step(db, confirmed, [&](Work& w) { return identity::create_user(w, u); }),
                                 std::string("alumnus ") + a.email);
    // Alumni, with no role and no password: the pilot ran before this system, and its completions
    // are recorded as they were decided.
    db.write([&](db::Conn& c) {
      c.exec(
          "INSERT INTO completions (fiscal_year, user_id, confirmed_by, confirmed_at, society_signer, "
          "signed_off_by, signed_off_at) VALUES (2016, ?, ?, ?, '日本オミックス医療学会 理事長', ?, ?)",
          {user, secretariat, confirmed, secretariat, signed_off});
    });
    const auto completion = db.read([&](db::Conn& c) {
      return c.scalar_i64("SELECT id FROM completions WHERE fiscal_year = 2016 AND user_id = ?", {user});
    });
    certificates.push_back(demo::must(
        write_unit(db, Who{office, issued, kDemoSite}, [&](Work& w) { return certificates::issue(w, completion); }),
        "certificate"));
  }
  demo::must(write_unit(db, Who{office, demo::tokyo("2017-06-12"), kDemoSite},
                        [&](Work& w) {
                          return certificates::revoke(w, certificates.back(),
                                                      "氏名の表記誤りのため取消（本人の申し出による）");
                        }),
             "revocation");
}

}  // namespace mdsc::app
