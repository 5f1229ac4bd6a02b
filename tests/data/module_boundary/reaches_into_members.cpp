// A file of the timetable module that reaches into the members module's repository: the build
// must refuse it (tests.cmake runs cmake/check_module_includes.cmake on it).
#include "modules/members/repo.h"
