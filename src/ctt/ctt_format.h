#pragma once
// The ITC-2007 text formats: instances (.ctt) and solutions (one `course room day period` line
// per lecture). Bad input is an expected failure: it comes back as a ParseError naming the line.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ctt/instance.h"
#include "ctt/solution.h"

namespace mdsc::ctt {

struct ParseError {
  int line = 0;  // 1-based; 0 when the error is about the whole text (e.g. it ended too early)
  std::string message;
  std::string to_string() const;  // "line 12: ..."
};

struct InstanceParse {
  std::optional<Instance> instance;
  ParseError error;  // meaningful when !instance
  explicit operator bool() const { return instance.has_value(); }
};

InstanceParse parse_ctt(std::string_view text);

// Solutions: lines the official validator would skip (unknown course or room, day or period out
// of range, a second lecture of a course in one period) are skipped here too, with a warning, so
// that the cost agrees with it. Lines that are not four fields are errors.
struct SolutionParse {
  std::optional<Solution> solution;
  std::vector<std::string> warnings;  // "line 7: unknown room rX (entry skipped)"
  ParseError error;
  explicit operator bool() const { return solution.has_value(); }
};

SolutionParse parse_solution(const Instance& instance, std::string_view text);

// The official format, one line per lecture, sorted by course, day and slot.
std::string format_solution(const Instance& instance, const Solution& solution);

// Reads a whole file; nullopt (and `error` set) when it cannot be read.
std::optional<std::string> read_text_file(const std::string& path, std::string* error);

}  // namespace mdsc::ctt
