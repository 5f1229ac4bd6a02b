// `mdsc timetable cost|solve` as a user runs them: the printed totals on the competition solutions
// are the official validator's, and a solved timetable's file reads back to the printed cost.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "cli/cli.h"

namespace mdsc::cli {
namespace {

std::string data(const std::string& file) { return std::string(MDSC_SOURCE_DIR) + "/tests/data/ctt/" + file; }

struct Output {
  int code = 0;
  std::string out;
};

// Runs the command line in-process, capturing standard output.
Output mdsc(std::vector<std::string> args) {
  args.insert(args.begin(), "mdsc");
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  std::ostringstream captured;
  auto* previous = std::cout.rdbuf(captured.rdbuf());
  Output o;
  o.code = run(static_cast<int>(argv.size()), argv.data());
  std::cout.rdbuf(previous);
  o.out = captured.str();
  return o;
}

int total_cost(const std::string& text) {
  std::smatch m;
  static const std::regex total(R"(Total Cost = (\d+))");
  return std::regex_search(text, m, total) ? std::stoi(m[1]) : -1;
}

// tests/data/ctt/README.md: the official ITC-2007 validator's costs of compNN.sol.
TEST(TimetableCli, CostPrintsTheValidatorsTotals) {
  const int expected[] = {5, 36, 66, 37, 305, 40, 14};
  for (int i = 1; i <= 7; ++i) {
    const std::string name = "comp0" + std::to_string(i);
    Output o = mdsc({"timetable", "cost", "--ctt", data(name + ".ctt"), "--sol", data(name + ".sol")});
    EXPECT_EQ(o.code, 0) << name;
    EXPECT_EQ(total_cost(o.out), expected[i - 1]) << name << "\n" << o.out;
    EXPECT_FALSE(std::regex_search(o.out, std::regex(R"(\(hard\) : [1-9])"))) << name << "\n" << o.out;
  }
}

TEST(TimetableCli, SolveWritesASolutionThatCostsWhatItPrinted) {
  const std::string sol = (std::filesystem::temp_directory_path() / ("mdsc-cli-toy-" + std::to_string(::getpid()) + ".sol")).string();
  Output solved = mdsc({"timetable", "solve", "--ctt", data("toy.ctt"), "--seconds", "0", "--iterations", "200000",
                        "--seed", "3", "--quiet", "--out", sol});
  EXPECT_EQ(solved.code, 0) << solved.out;  // 0: feasible
  Output costed = mdsc({"timetable", "cost", "--ctt", data("toy.ctt"), "--sol", sol});
  std::filesystem::remove(sol);
  EXPECT_EQ(costed.code, 0);
  EXPECT_GE(total_cost(solved.out), 0) << solved.out;
  EXPECT_EQ(total_cost(costed.out), total_cost(solved.out)) << costed.out;
}

}  // namespace
}  // namespace mdsc::cli
