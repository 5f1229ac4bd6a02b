#include "modules/exams/handlers.h"
#include "modules/exams/module.h"
#include "web/access.h"

namespace mdsc::exams {

void register_module(web::Registry& reg) {
  using web::Access;
  namespace h = handlers;
  // A course's instructors may hold no instructor role (an account linked to the instructor
  // record): any signed-in user passes here and the handlers answer 404 to whoever may not see it.
  const Access teachers = Access::signed_in();
  const Access trainees = web::access::trainees();
  reg.html("GET", "/courses/{id}/exams", teachers, h::course_exams);
  reg.html("POST", "/courses/{id}/exams", teachers, h::exam_create);
  reg.html("GET", "/exams/{id}", teachers, h::exam_show);
  reg.html("POST", "/exams/{id}/scores", teachers, h::scores_submit);
  reg.route({"GET", "/exams/{id}/scores.csv", web::RouteKind::html, teachers, h::scores_csv});
  web::Route upload{"POST", "/exams/{id}/import", web::RouteKind::html, teachers, h::import_preview};
  upload.body_limit = 2 * web::kMiB;
  upload.multipart = true;
  reg.route(upload);
  reg.html("GET", "/exam-results", trainees, h::my_results);
  reg.nav({"nav.exam_results", "/exam-results", trainees, 23});

  reg.api("GET", "/api/v1/exams", teachers, h::api_exams);
  reg.api("POST", "/api/v1/exams", teachers, h::api_exam_create);
  reg.api("GET", "/api/v1/exam-results", Access::signed_in(), h::api_results);
  reg.api("GET", "/api/v1/exam-results/{id}", Access::signed_in(), h::api_result);
  reg.api("POST", "/api/v1/exam-results", teachers, h::api_results_enter);
}

}  // namespace mdsc::exams
