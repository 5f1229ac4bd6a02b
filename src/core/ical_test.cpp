#include "core/ical.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

namespace mdsc::ical {
namespace {

std::vector<std::string> physical_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  for (std::size_t crlf; (crlf = text.find("\r\n", start)) != std::string::npos; start = crlf + 2)
    lines.push_back(text.substr(start, crlf - start));
  EXPECT_EQ(start, text.size()) << "the text does not end in CRLF";
  return lines;
}

Calendar sample() {
  Event e;
  e.uid = "session-42@mdsc";
  e.sequence = 2;
  e.start = 1512086400;  // 2017-12-01T00:00:00Z = 09:00 in Tokyo
  e.end = e.start + 90 * 60;
  e.stamp = 1511000000;
  e.summary = "医療ビッグデータ概論（第1回）, 講義; 東京大学";
  e.location = "東京大学 医学部 教育研究棟 第1セミナー室";
  e.description = std::string("講師: 山田 太郎\n") + std::string(40, 'x') + "データサイエンスの基礎を学ぶ。";
  e.url = "https://mdsc.example.org/sessions/42";
  return {"医療データ科学 時間割", {e}};
}

TEST(ICalendar, LinesAreFoldedAt75OctetsWithoutSplittingACharacter) {
  const std::string text = render(sample());
  std::string unfolded;
  for (const auto& l : physical_lines(text)) {
    EXPECT_LE(l.size(), 75u) << l;
    if (!l.empty() && l[0] == ' ') {
      ASSERT_GT(l.size(), 1u);
      EXPECT_NE(static_cast<unsigned char>(l[1]) & 0xC0, 0x80) << "a continuation starts mid-character: " << l;
      unfolded += l.substr(1);
    } else {
      unfolded += (unfolded.empty() ? "" : "\n") + l;
    }
  }
  EXPECT_NE(unfolded.find("SUMMARY:医療ビッグデータ概論（第1回）\\, 講義\\; 東京大学\n"), std::string::npos) << unfolded;
  EXPECT_NE(unfolded.find("DESCRIPTION:講師: 山田 太郎\\n"), std::string::npos) << unfolded;
}

TEST(ICalendar, TimesAreTokyoWallTimeWithTheZoneAndStampsAreUtc) {
  const std::string text = render(sample());
  EXPECT_NE(text.find("DTSTART;TZID=Asia/Tokyo:20171201T090000\r\n"), std::string::npos) << text;
  EXPECT_NE(text.find("DTEND;TZID=Asia/Tokyo:20171201T103000\r\n"), std::string::npos) << text;
  EXPECT_NE(text.find("DTSTAMP:20171118T101320Z\r\n"), std::string::npos) << text;
  EXPECT_NE(text.find("BEGIN:VTIMEZONE\r\nTZID:Asia/Tokyo\r\n"), std::string::npos);
  EXPECT_NE(text.find("SEQUENCE:2\r\n"), std::string::npos);
  EXPECT_NE(text.find("UID:session-42@mdsc\r\n"), std::string::npos);
}

TEST(ICalendar, TextEscapingAndControlCharacters) {
  EXPECT_EQ(escape_text("a\\b;c,d\r\ne\nf"), "a\\\\b\\;c\\,d\\ne\\nf");
  EXPECT_EQ(escape_text(std::string("bell\x07") + "tab\t"), "belltab\t");
  EXPECT_EQ(fold(std::string(75, 'a')), std::string(75, 'a'));
  EXPECT_EQ(fold(std::string(76, 'a')), std::string(75, 'a') + "\r\n a");
}

// What a calendar application reads: Debian's python3-icalendar parses the feed back into the
// same events (scripts/install-deps installs it).
TEST(ICalendar, APythonCalendarParserReadsTheEventsBack) {
  auto cal = sample();
  Event cancelled = cal.events[0];
  cancelled.uid = "session-43@mdsc";
  cancelled.summary = "休講: AI創薬 演習";
  cancelled.start += 86400;
  cancelled.end += 86400;
  cancelled.cancelled = true;
  cal.events.push_back(cancelled);
  const auto dir = std::filesystem::temp_directory_path() / ("mdsc-ical-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const auto ics = dir / "feed.ics";
  const auto script = dir / "read.py";
  std::ofstream(ics, std::ios::binary) << render(cal);
  std::ofstream(script) << "import sys, icalendar\n"
                           "cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())\n"
                           "print(cal.get('X-WR-CALNAME'))\n"
                           "for e in cal.walk('VEVENT'):\n"
                           "    s = e.decoded('DTSTART')\n"
                           "    print('|'.join([str(e['UID']), str(e['SUMMARY']), s.isoformat(), str(s.tzinfo),\n"
                           "                    str(e['LOCATION']), str(e['STATUS']), str(e['SEQUENCE'])]))\n";
  FILE* p = ::popen(("/usr/bin/python3 " + script.string() + " " + ics.string() + " 2>&1").c_str(), "r");
  ASSERT_NE(p, nullptr);
  std::string out;
  char buf[4096];
  for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, p)) > 0;) out.append(buf, n);
  const int status = ::pclose(p);
  std::filesystem::remove_all(dir);
  ASSERT_EQ(status, 0) << out;
  EXPECT_EQ(out,
            "医療データ科学 時間割\n"
            "session-42@mdsc|医療ビッグデータ概論（第1回）, 講義; 東京大学|2017-12-01T09:00:00+09:00|Asia/Tokyo|"
            "東京大学 医学部 教育研究棟 第1セミナー室|CONFIRMED|2\n"
            "session-43@mdsc|休講: AI創薬 演習|2017-12-02T09:00:00+09:00|Asia/Tokyo|"
            "東京大学 医学部 教育研究棟 第1セミナー室|CANCELLED|2\n");
}

}  // namespace
}  // namespace mdsc::ical
