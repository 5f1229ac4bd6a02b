// Videos recognised from their containers: the demo's WebM clip, MP4 files with the movie header
// before or after the media (version 0 and 1), and anything else refused.
#include "core/media_probe.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace mdsc::media {
namespace {

namespace fs = std::filesystem;

std::string box(const std::string& type, const std::string& body) {
  const std::uint32_t size = static_cast<std::uint32_t>(8 + body.size());
  std::string out{static_cast<char>(size >> 24), static_cast<char>(size >> 16), static_cast<char>(size >> 8),
                  static_cast<char>(size)};
  return out + type + body;
}

std::string be32(std::uint32_t v) {
  return {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8), static_cast<char>(v)};
}

class MediaProbe : public ::testing::Test {
 protected:
  std::string write(const std::string& bytes) {
    const fs::path p =
        fs::temp_directory_path() / ("probe-" + std::to_string(::getpid()) + "-" + std::to_string(n_++) + ".bin");
    std::ofstream(p, std::ios::binary) << bytes;
    files_.push_back(p);
    return p.string();
  }
  void TearDown() override {
    for (const auto& p : files_) fs::remove(p);
  }
  std::vector<fs::path> files_;
  int n_ = 0;
};

TEST_F(MediaProbe, TheDemoClipIsATwelveSecondWebm) {
  const auto v = probe(std::string(MDSC_SOURCE_DIR) + "/data/demo/lecture-clip.webm");
  ASSERT_TRUE(v);
  EXPECT_EQ(v->content_type, "video/webm");
  EXPECT_NEAR(static_cast<double>(v->duration_ms), 12000, 100);
}

TEST_F(MediaProbe, Mp4DurationFromTheMovieHeaderWhereverItIs) {
  const std::string ftyp = box("ftyp", "isom" + be32(512) + "isomiso2");
  // Version 0: timescale 1000, duration 90 500 (90.5 s); the movie header after the media data.
  const std::string mvhd0 =
      box("mvhd", std::string(4, '\0') + be32(0) + be32(0) + be32(1000) + be32(90500) + std::string(80, '\0'));
  auto v = probe(write(ftyp + box("mdat", std::string(5000, 'x')) + box("moov", mvhd0)));
  ASSERT_TRUE(v);
  EXPECT_EQ(v->content_type, "video/mp4");
  EXPECT_EQ(v->duration_ms, 90500);
  // Version 1: 64-bit times; timescale 600, duration 36 000 (60 s); moov first.
  const std::string mvhd1 = box("mvhd", std::string(1, '\1') + std::string(3, '\0') + std::string(16, '\0') +
                                            be32(600) + be32(0) + be32(36000) + std::string(80, '\0'));
  v = probe(write(ftyp + box("moov", box("free", "") + mvhd1) + box("mdat", "y")));
  ASSERT_TRUE(v);
  EXPECT_EQ(v->duration_ms, 60000);
}

TEST_F(MediaProbe, AnythingElseIsNotAVideo) {
  EXPECT_FALSE(probe(write("This is a lecture, honest. It is just text.")));
  EXPECT_FALSE(probe(write("\x89PNG\r\n\x1a\n" + std::string(64, '\0'))));
  const std::string ftyp = box("ftyp", "isom" + be32(512));
  EXPECT_FALSE(probe(write(ftyp + box("mdat", std::string(100, 'x'))))) << "an MP4 without a movie header";
  EXPECT_FALSE(probe(write(ftyp + be32(0xFFFF) + "moov"))) << "a box that claims more than the file";
  EXPECT_FALSE(probe("/no/such/file"));
}

}  // namespace
}  // namespace mdsc::media
