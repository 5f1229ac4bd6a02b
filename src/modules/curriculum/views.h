#pragma once
// Data for the curriculum module's templates, in the request's language.
#include <optional>
#include <string>
#include <vector>

#include "modules/curriculum/model.h"
#include "nlohmann/json.hpp"
#include "web/context.h"

namespace mdsc::curriculum {

// ?fy= when valid; else the newest year that has courses up to next year; else the current year.
int chosen_year(const web::Context& ctx, const std::vector<int>& years_with_courses);

// Links to each year that has courses ({label, href, current}), for pages at path?fy=.
nlohmann::json year_links(const web::Context& ctx, const std::vector<int>& years, int current, const std::string& path);

// "講義", "専門科目 (ビッグデータ医療コース)", "定員なし" ...
std::string category_label(const web::Context& ctx, const Course& c);
std::string capacity_label(const web::Context& ctx, const Course& c);
nlohmann::json instructor_view(const web::Context& ctx, const Instructor& i,
                               std::optional<std::int64_t> periods = std::nullopt);
nlohmann::json course_row(const web::Context& ctx, const Course& c);
// The catalogue's groups: common subjects, then each track.
nlohmann::json catalogue_groups(const web::Context& ctx, const std::vector<Course>& courses);

std::string enrollment_status_label(const web::Context& ctx, const Enrollment& e);
nlohmann::json enrollment_row(const web::Context& ctx, const Enrollment& e);
nlohmann::json year_view(const web::Context& ctx, const CurriculumYear& y);

}  // namespace mdsc::curriculum
