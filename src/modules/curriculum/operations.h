#pragma once
// Every change to instructors, courses, the year's settings and enrollments: validated, written in
// one transaction, audited there.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "db/database.h"
#include "modules/curriculum/model.h"
#include "platform/audit.h"

namespace mdsc::curriculum {

// Instructors ---------------------------------------------------------------------------------
// The affiliation must be a university or a research institute; a linked account may belong to
// one instructor only.
Result<std::int64_t> create_instructor(db::Database& db, const audit::Actor& actor, Instructor i, std::int64_t now);
Result<std::int64_t> create_instructor_in(db::Conn& c, const audit::Actor& actor, Instructor i, std::int64_t now);
Status update_instructor(db::Database& db, const audit::Actor& actor, std::int64_t id, Instructor i, std::int64_t now);

// Years -----------------------------------------------------------------------------------------
Status save_curriculum_year(db::Database& db, const audit::Actor& actor, CurriculumYear y, std::int64_t now);

// Courses ---------------------------------------------------------------------------------------
// Field errors name the course's fields; instructor errors are "instructors" (the shares exceed
// the course's periods) or "instructors.<n>.instructor_id" / "instructors.<n>.periods".
Result<std::int64_t> create_course(db::Database& db, const audit::Actor& actor, Course c, std::int64_t now);
Result<std::int64_t> create_course_in(db::Conn& conn, const audit::Actor& actor, Course c, std::int64_t now);
// Replaces the course's fields (the fiscal year cannot change); `instructors` replaces the list
// when given. A larger capacity moves the first in line up from the waitlist.
Status update_course(db::Database& db, const audit::Actor& actor, std::int64_t id, Course c,
                     const std::optional<std::vector<CourseInstructor>>& instructors, std::int64_t now);
// The same, with the new fields made by `edit` from the course as it is under its lock (an API
// PATCH changes only what it names, whatever changed meanwhile).
using CourseEdit = std::function<Status(Course&)>;
Status update_course(db::Database& db, const audit::Actor& actor, std::int64_t id, const CourseEdit& edit,
                     const std::optional<std::vector<CourseInstructor>>& instructors, std::int64_t now);
Status set_course_instructors(db::Database& db, const audit::Actor& actor, std::int64_t course_id,
                              std::vector<CourseInstructor> instructors, std::int64_t now);
// Changes the course's instructor list as it is under the course's lock (adding or removing one
// never loses a change made meanwhile).
using InstructorsEdit = std::function<Status(std::vector<CourseInstructor>&)>;
Status edit_course_instructors(db::Database& db, const audit::Actor& actor, std::int64_t course_id,
                               const InstructorsEdit& edit, std::int64_t now);

// Enrollments -----------------------------------------------------------------------------------
// Who acts: the trainee themself (the year's rule, the course's status and the drop deadline
// apply), or the secretariat on their behalf (audited like everything else).
enum class On { self, office };

// Enrolls an active trainee: enrolled while the course has room, else waitlisted at the end of
// the line. Enrolling twice is refused (Code::conflict, field course_id). The course row is locked
// first, so concurrent enrollments never exceed the capacity.
Result<Enrollment> enroll(db::Database& db, const audit::Actor& actor, std::int64_t course_id, std::int64_t user_id,
                          On on, std::int64_t now);
Result<Enrollment> enroll_in(db::Conn& c, const audit::Actor& actor, std::int64_t course_id, std::int64_t user_id,
                             On on, std::int64_t now);
// Drops an enrollment; a freed place goes to the first in line in the same transaction (and an
// e-mail tells them). A trainee cannot drop after the year's drop deadline; the secretariat can.
Result<Enrollment> drop(db::Database& db, const audit::Actor& actor, std::int64_t enrollment_id, On on, std::int64_t now);
// Inside the caller's transaction, with the course row locked: moves the first in line up while
// the course has room (after a drop, or a larger capacity), tells them by e-mail, renumbers the rest.
void fill_from_waitlist(db::Conn& c, const audit::Actor& actor, std::int64_t course_id, std::int64_t now);

}  // namespace mdsc::curriculum
