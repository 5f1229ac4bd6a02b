// A file of the timetable module that uses only the face of a module it depends on, and layers
// below: the check lets it through.
#include "core/result.h"
#include "modules/curriculum.h"
#include "modules/timetable/sessions.h"
#include "platform/work.h"
