#include "support/poppler.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace mdsc::testing {
namespace {

namespace fs = std::filesystem;

std::string run(const std::string& command) {
  std::string out;
  FILE* p = ::popen(command.c_str(), "r");
  if (!p) return out;
  std::array<char, 4096> buf;
  while (std::size_t n = std::fread(buf.data(), 1, buf.size(), p)) out.append(buf.data(), n);
  EXPECT_EQ(::pclose(p), 0) << command;
  return out;
}

}  // namespace

std::string poppler(const std::string& tool, const std::string& pdf, const std::string& after) {
  const char* base = std::getenv("MDSC_TEST_TMP");
  const fs::path dir = base && *base ? fs::path(base) : fs::temp_directory_path();
  fs::create_directories(dir);
  static std::atomic<int> serial{0};
  const fs::path file = dir / ("pdf-" + std::to_string(::getpid()) + "-" + std::to_string(++serial) + ".pdf");
  std::ofstream(file, std::ios::binary) << pdf;
  std::string out = run(tool + " '" + file.string() + "' " + after);
  fs::remove(file);
  return out;
}

std::string pdf_text(const std::string& pdf) { return poppler("pdftotext -layout", pdf, "-"); }

}  // namespace mdsc::testing
