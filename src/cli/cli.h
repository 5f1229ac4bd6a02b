#pragma once
// The mdsc command line. Wrong arguments: exit code 2 and one line saying what is wrong.

namespace mdsc::cli {
int run(int argc, char** argv);
}  // namespace mdsc::cli
