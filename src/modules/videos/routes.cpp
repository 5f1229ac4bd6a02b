#include "modules/videos/handlers.h"
#include "modules/videos/module.h"
#include "modules/videos/operations.h"
#include "modules/videos/repo.h"

namespace mdsc::videos {

void register_module(web::Registry& reg) {
  using web::Access;
  using web::Role;
  namespace h = handlers;
  // An instructor's account may be linked to a course without the instructor role (as for the
  // roll call): the routes let the signed-in through, and the handlers and operations decide
  // (may_watch, may_manage, may_upload), answering 404 or 403.
  const Access readers = Access::signed_in();
  const Access managers = Access::signed_in();
  const Access menu = Access::roles({Role::secretariat, Role::instructor, Role::trainee});
  reg.html("GET", "/sessions/{id}/recording", readers, h::session_page);
  web::Route upload{"POST", "/sessions/{id}/recording", web::RouteKind::html, managers, h::upload_submit};
  upload.multipart = true;
  upload.body_limit_setting = &Config::recording_max_bytes;
  upload.tx = web::Tx::none;
  reg.route(upload);
  reg.html("POST", "/recordings/{id}/withdraw", managers, h::withdraw_submit, web::Tx::none);
  reg.html("GET", "/recordings", readers, h::list_page);
  reg.html("GET", "/recordings/{id}", readers, h::player_page);
  reg.route({"GET", "/recordings/{id}/video", web::RouteKind::html, readers, h::video});
  reg.html("POST", "/recordings/{id}/progress", readers, h::progress_submit);
  reg.nav({"nav.recordings", "/recordings", menu, 24});

  reg.api("GET", "/api/v1/recordings", readers, h::api_list);
  reg.api("GET", "/api/v1/recordings/{id}", readers, h::api_get);
  web::Route api_upload{"POST", "/api/v1/recordings", web::RouteKind::json, managers, h::api_upload};
  api_upload.body_to_disk = true;
  api_upload.body_limit_setting = &Config::recording_max_bytes;
  api_upload.tx = web::Tx::none;
  reg.route(api_upload);

  // Files of recordings withdrawn by another module's change (a course made confidential).
  reg.daily({"recording-files", [](db::Database& db, std::int64_t now) {
               const std::string dir = db.read([](db::Conn& c) { return repo::data_dir(c); });
               if (!dir.empty()) delete_withdrawn_files(db, dir, now);
             }});
}

}  // namespace mdsc::videos
