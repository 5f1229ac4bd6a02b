// The README says what works today (issue 9): each capability its first paragraph names has its
// module in src/modules, and each capability without one is on its Roadmap line instead.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace mdsc {
namespace {
namespace fs = std::filesystem;

std::string readme() {
  std::ifstream f(fs::path(MDSC_SOURCE_DIR) / "README.md");
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

// The text between the title and the first blank line.
std::string first_paragraph(const std::string& text) {
  const auto start = text.find("\n\n");
  if (start == std::string::npos) return "";
  const auto end = text.find("\n\n", start + 2);
  return text.substr(start + 2, end == std::string::npos ? std::string::npos : end - start - 2);
}

std::string roadmap_line(const std::string& text) {
  const auto start = text.find("\nRoadmap");
  if (start == std::string::npos) return "";
  return text.substr(start + 1, text.find("\n\n", start + 1) - start - 1);
}

// What the prospectus asks for (shared/MISSION.md) as the README words it, and the module that
// brings it (the folder names of ARCHITECTURE.md's layout). A module that arrives under another
// name changes its line here.
struct Capability {
  const char* words;
  const char* module;
};
const std::vector<Capability>& capabilities() {
  static const std::vector<Capability> all = {
      {"partner companies", "members"}, {"invoices", "invoicing"},       {"admissions", "admissions"},
      {"curriculum", "curriculum"},     {"timetable", "timetable"},       {"attendance", "attendance"},
      {"lecture videos", "videos"},     {"exams", "exams"},               {"certificates", "certificates"},
      {"training placements", "placements"}, {"data transfer agreements", "agreements"},
      {"internship matching", "internships"}, {"research meetings", "meetings"}, {"liaison meetings", "liaison"},
  };
  return all;
}

bool has_module(const char* name) { return fs::is_directory(fs::path(MDSC_SOURCE_DIR) / "src" / "modules" / name); }

TEST(Readme, ItsFirstParagraphNamesOnlyWhatHasAModule) {
  const auto text = readme();
  const auto intro = first_paragraph(text);
  ASSERT_NE(intro.find("medical data science consortium"), std::string::npos) << "not the first paragraph: " << intro;
  for (const auto& c : capabilities()) {
    if (intro.find(c.words) != std::string::npos) {
      EXPECT_TRUE(has_module(c.module)) << "the README's first paragraph names " << c.words << ", but src/modules/"
                                        << c.module << " does not exist: move it to the Roadmap line";
    }
  }
}

TEST(Readme, WhatHasNoModuleYetIsOnTheRoadmap) {
  const auto roadmap = roadmap_line(readme());
  ASSERT_FALSE(roadmap.empty()) << "the README has no Roadmap line";
  for (const auto& c : capabilities()) {
    if (has_module(c.module)) {
      EXPECT_EQ(roadmap.find(c.words), std::string::npos) << c.words << " works now: say so in the first paragraph";
    } else {
      EXPECT_NE(roadmap.find(c.words), std::string::npos) << c.words << " (src/modules/" << c.module
                                                         << ") is neither built nor on the Roadmap line";
    }
  }
}

}  // namespace
}  // namespace mdsc
