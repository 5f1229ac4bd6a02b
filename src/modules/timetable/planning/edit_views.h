#pragma once
// The reasons of a refused or warned move (edits.h) in the reader's language.
#include <string>

#include "modules/timetable/planning/edits.h"

namespace mdsc::timetable {

std::string text_of(const std::string& lang, const Text& t);
std::string clash_text(const std::string& lang, const Clash& c);

}  // namespace mdsc::timetable
