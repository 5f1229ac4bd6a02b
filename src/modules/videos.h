#pragma once
// The videos module's face (decision 0018): what another module's change makes it do.
#include <cstdint>

namespace mdsc {
struct Work;
}  // namespace mdsc

namespace mdsc::videos {

// Every current recording of the course withdrawn (it became confidential), audited; the files
// are deleted after the commit (the module's daily job, or its next upload or withdrawal).
void withdraw_course(Work& w, std::int64_t course_id);

}  // namespace mdsc::videos
