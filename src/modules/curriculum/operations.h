#pragma once
// Every change to instructors, courses, the year's settings and enrollments, in the caller's unit
// of work: validated, locked where a decision depends on a state (decision 0011), written and
// audited. Refusals are message ids with their arguments; the pages translate them.
// (create_instructor and create_course are declared in the face, modules/curriculum.h.)
#include <functional>
#include <optional>
#include <vector>

#include "core/result.h"
#include "modules/curriculum/model.h"
#include "platform/work.h"

namespace mdsc::curriculum {

// Instructors ---------------------------------------------------------------------------------
// The affiliation must be a university or a research institute; a linked account may belong to
// one instructor only.
Status update_instructor(Work& w, std::int64_t id, Instructor i);

// Years -----------------------------------------------------------------------------------------
Status save_curriculum_year(Work& w, CurriculumYear y);

// Courses ---------------------------------------------------------------------------------------
// Field errors name the course's fields; instructor errors are "instructors" (the shares exceed
// the course's periods) or "instructors.<n>.instructor_id" / "instructors.<n>.periods".
// (create_course: in the face.)
//
// Replaces the course's fields (the fiscal year cannot change); `instructors` replaces the list
// when given. A larger capacity moves the first in line up from the waitlist.
Status update_course(Work& w, std::int64_t id, Course c, const std::optional<std::vector<CourseInstructor>>& instructors);
// The same, with the new fields made by `edit` from the course as it is under its lock (an API
// PATCH changes only what it names, whatever changed meanwhile).
using CourseEdit = std::function<Status(Course&)>;
Status update_course(Work& w, std::int64_t id, const CourseEdit& edit,
                     const std::optional<std::vector<CourseInstructor>>& instructors);
Status set_course_instructors(Work& w, std::int64_t course_id, std::vector<CourseInstructor> instructors);
// Changes the course's instructor list as it is under the course's lock (adding or removing one
// never loses a change made meanwhile).
using InstructorsEdit = std::function<Status(std::vector<CourseInstructor>&)>;
Status edit_course_instructors(Work& w, std::int64_t course_id, const InstructorsEdit& edit);

// Enrollments (enrollment.cpp) ------------------------------------------------------------------
// Who acts: the trainee themself (the year's rule, the course's status and the drop deadline
// apply), or the secretariat on their behalf (audited like everything else).
enum class On { self, office };

// Enrolls a trainee accepted for the course's fiscal year: enrolled while the course has room,
// else waitlisted at the end of the line. Enrolling twice is refused (Code::conflict, field
// course_id). The course row is locked first (decision 0008), so concurrent enrollments never
// exceed the capacity.
Result<Enrollment> enroll(Work& w, std::int64_t course_id, std::int64_t user_id, On on);
// Drops an enrollment; a freed place goes to the first in line in the same unit of work (and an
// e-mail tells them). A trainee cannot drop after the year's drop deadline; the secretariat can.
Result<Enrollment> drop(Work& w, std::int64_t enrollment_id, On on);
// With the course row locked: moves the first in line up while the course has room (after a drop,
// or a larger capacity), tells them by e-mail, renumbers the rest.
void fill_from_waitlist(Work& w, std::int64_t course_id);

}  // namespace mdsc::curriculum
