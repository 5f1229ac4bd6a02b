#pragma once
// The exams module's pages and API. Who: a course's instructors and the secretariat create its
// exams and enter scores; the promotion office sees them; a trainee sees their own results only
// (another's is 404, never a hint that it exists).
#include <optional>

#include "http/message.h"
#include "modules/curriculum.h"
#include "modules/exams/model.h"
#include "web/context.h"

namespace mdsc::exams::handlers {

using web::Context;
using web::Handler;
using Response = http::Response;

// The course if this person may see its exams and scores (curriculum's roster rule).
std::optional<curriculum::Course> visible_course(Context& ctx, std::int64_t course_id);
// The exam if this person may see its scores, with its course.
std::optional<std::pair<Exam, curriculum::Course>> visible_exam(Context& ctx, std::int64_t exam_id);
// Whether this person enters the course's scores: the secretariat, or one who teaches it.
bool grades(Context& ctx, std::int64_t course_id);

// A course's exams and a new exam (exam_handlers.cpp).
Handler course_exams, exam_create;
// An exam: its scores on one form, the sheet to fill in, the CSV import and its preview
// (score_handlers.cpp).
Handler exam_show, scores_submit, scores_csv, import_preview;
// The signed-in trainee's own results (results_handlers.cpp).
Response my_results(Context& ctx);

// JSON API (api.cpp).
Handler api_exams, api_exam_create, api_results, api_result, api_results_enter;

}  // namespace mdsc::exams::handlers
