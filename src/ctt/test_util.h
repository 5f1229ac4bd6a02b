#pragma once
// Test helpers: the ITC-2007 benchmark files in tests/data/ctt (see its README for their source).
#include <gtest/gtest.h>

#include <string>

#include "ctt/ctt_format.h"

namespace mdsc::ctt::testing {

inline std::string data_path(const std::string& file) {
  return std::string(MDSC_SOURCE_DIR) + "/tests/data/ctt/" + file;
}

inline std::string read_data(const std::string& file) {
  std::string error;
  auto text = read_text_file(data_path(file), &error);
  EXPECT_TRUE(text.has_value()) << error;
  return text.value_or("");
}

inline Instance load(const std::string& file) {
  auto parsed = parse_ctt(read_data(file));
  EXPECT_TRUE(parsed) << file << ": " << parsed.error.to_string();
  return parsed ? *parsed.instance : Instance{};
}

inline Instance parse_or_fail(const std::string& text) {
  auto parsed = parse_ctt(text);
  EXPECT_TRUE(parsed) << parsed.error.to_string();
  return parsed ? *parsed.instance : Instance{};
}

}  // namespace mdsc::ctt::testing
