#pragma once
// Why a run did not give a timetable, stored in timetable_runs.message as JSON so that every page
// and API answer can say it in its reader's language: {"id": "<message id>"} for a plain reason,
// or {"blockers": [...]} with the solver's diagnosis in platform terms (course ids, the date and
// period, the curriculum or instructor that blocks).
#include <string>
#include <vector>

#include "ctt/diagnosis.h"
#include "modules/timetable/planning/instance_builder.h"

namespace mdsc::timetable {

std::string run_message(const std::string& message_id);
std::string run_message(const BuiltInstance& built, const ctt::Diagnosis& diagnosis);

// The stored message as sentences in `lang`; courses and instructors are named from `data`.
std::vector<std::string> run_message_lines(const std::string& stored, const PlanningData& data, const std::string& lang);

}  // namespace mdsc::timetable
