#include "web/multipart.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/crypto.h"

namespace mdsc::web {
namespace {

std::string write_temp(const std::string& content) {
  crypto::init();
  auto dir = std::filesystem::temp_directory_path();
  std::string path = (dir / ("mp-test-" + crypto::random_token(6))).string();
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

std::string read(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

TEST(Multipart, BoundaryFromContentType) {
  EXPECT_EQ(multipart_boundary("multipart/form-data; boundary=----abc"), "----abc");
  EXPECT_EQ(multipart_boundary("multipart/form-data; boundary=\"q r\""), "q r");
  EXPECT_EQ(multipart_boundary("application/json"), "");
}

TEST(Multipart, FieldsAndFiles) {
  std::string big(200000, 'x');
  big[100000] = '\r';  // a CR inside the data must not confuse the boundary search
  std::string body =
      "--B\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\n講義資料\r\n"
      "--B\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\nContent-Type: text/csv\r\n\r\n" +
      big + "\r\n--B--\r\n";
  std::string path = write_temp(body);
  Form form;
  std::vector<Upload> uploads;
  auto st = parse_multipart(path, "B", std::filesystem::temp_directory_path().string(), form, uploads);
  ASSERT_TRUE(st.is_ok()) << st.message_id();
  EXPECT_EQ(form.get("title"), "講義資料");
  ASSERT_EQ(uploads.size(), 1u);
  EXPECT_EQ(uploads[0].filename, "a.csv");
  EXPECT_EQ(uploads[0].content_type, "text/csv");
  EXPECT_EQ(uploads[0].size, big.size());
  EXPECT_EQ(read(uploads[0].path), big);
  std::filesystem::remove(uploads[0].path);
  std::filesystem::remove(path);
}

TEST(Multipart, TruncatedBodyIsAnError) {
  std::string path = write_temp("--B\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nhalf");
  Form form;
  std::vector<Upload> uploads;
  EXPECT_FALSE(parse_multipart(path, "B", "/tmp", form, uploads).is_ok());
  for (auto& u : uploads) std::filesystem::remove(u.path);
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace mdsc::web
