#include "cli/cli.h"

int main(int argc, char** argv) { return mdsc::cli::run(argc, argv); }
