#pragma once
// FY2017 demo admissions: the program year as the prospectus schedules it (applications
// 2017-10-30 to 2017-11-17, start 2017-12-01) and about 60 fictional applicants in every state,
// type B applicants taking their companies' seats (one company's second trainee needed a
// consultation, accepted with an extra fee that was invoiced).
#include "app/demo_members.h"

namespace mdsc::app {

void load_demo_admissions(db::Database& db, const DemoOrganizations& orgs);

}  // namespace mdsc::app
