#include "modules/curriculum.h"
#include "modules/curriculum/handlers.h"
#include "modules/curriculum/module.h"
#include "web/access.h"

namespace mdsc::curriculum {

void register_module(web::Registry& reg) {
  using web::Access;
  using web::Role;
  using web::RouteKind;
  namespace h = handlers;
  const Access managers = web::access::secretariat_and_promotion_office();
  const Access secretariat = web::access::secretariat();
  const Access trainees = web::access::trainees();
  // An instructor may be an account linked to an instructor record without any instructor role:
  // these routes let any signed-in user through, and the handlers answer 404 for courses the
  // person may not see (can_see_roster).
  const Access teachers = Access::signed_in();

  reg.html("GET", "/catalog", Access::anyone(), h::catalog);

  reg.html("GET", "/courses", managers, h::courses_list);
  reg.html("GET", "/courses/new", managers, h::course_new);
  reg.html("POST", "/courses", managers, h::course_create);
  reg.html("GET", "/courses/{id}", teachers, h::course_show);
  reg.html("GET", "/courses/{id}/edit", managers, h::course_edit);
  reg.html("POST", "/courses/{id}", managers, h::course_update);
  reg.html("POST", "/courses/{id}/instructors", managers, h::course_instructor_add);
  reg.html("POST", "/courses/{id}/instructors/{instructor}/remove", managers, h::course_instructor_remove);
  reg.html("POST", "/courses/{id}/enrollments", secretariat, h::course_enroll);
  reg.route({"GET", "/courses/{id}/roster.csv", RouteKind::html, teachers, h::roster_csv});
  reg.html("POST", "/curriculum-years/{fy}", managers, h::year_update);

  reg.html("GET", "/instructors", managers, h::instructors_list);
  reg.html("GET", "/instructors/new", managers, h::instructor_new);
  reg.html("POST", "/instructors", managers, h::instructor_create);
  reg.html("GET", "/instructors/{id}/edit", managers, h::instructor_edit);
  reg.html("POST", "/instructors/{id}", managers, h::instructor_update);

  reg.html("GET", "/enrollments", trainees, h::my_enrollments);
  reg.html("POST", "/enrollments", trainees, h::enrollment_create);
  // The trainee drops their own; the secretariat removes anyone's (the handler tells them apart).
  reg.html("POST", "/enrollments/{id}/drop", Access::roles({Role::trainee, Role::secretariat}), h::enrollment_drop);
  reg.html("GET", "/teaching", teachers, h::teaching);

  // The catalogue is public, in the API too.
  reg.api("GET", "/api/v1/courses", Access::anyone(), h::api_courses);
  reg.api("POST", "/api/v1/courses", managers, h::api_course_create);
  reg.api("GET", "/api/v1/courses/{id}", Access::anyone(), h::api_course);
  reg.api("PATCH", "/api/v1/courses/{id}", managers, h::api_course_update);
  reg.api("GET", "/api/v1/enrollments", Access::signed_in(), h::api_enrollments);
  reg.api("POST", "/api/v1/enrollments", Access::roles({Role::trainee, Role::secretariat}), h::api_enrollment_create);
  reg.api("DELETE", "/api/v1/enrollments/{id}", Access::roles({Role::trainee, Role::secretariat}), h::api_enrollment_drop);
  reg.api("GET", "/api/v1/instructors", managers, h::api_instructors);
  reg.api("POST", "/api/v1/instructors", managers, h::api_instructor_create);

  reg.panel({"dashboard.panel.trainee", trainees, h::trainee_panel, 20});
  reg.panel({"dashboard.panel.instructor", Access::roles({Role::instructor}), h::instructor_panel, 20});
  reg.nav({"nav.my_courses", "/enrollments", trainees, 20});
  reg.nav({"nav.teaching", "/teaching", Access::roles({Role::instructor}), 25});
  reg.nav({"nav.courses", "/courses", managers, 150});
  reg.nav({"nav.instructors", "/instructors", managers, 160});
  reg.nav({"nav.catalog", "/catalog", Access::anyone(), 200});
}

}  // namespace mdsc::curriculum
