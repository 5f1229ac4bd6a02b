#include "core/ical.h"

#include <chrono>
#include <cstdio>

namespace mdsc::ical {
namespace {

constexpr std::size_t kMaxOctets = 75;
constexpr std::int64_t kTokyoOffset = 9 * 3600;  // JST has had no daylight saving time since 1951

std::string stamp(std::int64_t unix_seconds, bool utc) {
  using namespace std::chrono;
  const sys_seconds t{seconds{unix_seconds + (utc ? 0 : kTokyoOffset)}};
  const auto day = floor<days>(t);
  const year_month_day ymd{day};
  const hh_mm_ss hms{t - day};
  char buf[24];
  std::snprintf(buf, sizeof buf, "%04d%02u%02uT%02d%02d%02d%s", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                static_cast<int>(hms.seconds().count()), utc ? "Z" : "");
  return buf;
}

void line(std::string& out, const std::string& content) {
  out += fold(content);
  out += "\r\n";
}

void text_property(std::string& out, const char* name, const std::string& value) {
  if (!value.empty()) line(out, std::string(name) + ":" + escape_text(value));
}

}  // namespace

std::string escape_text(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    switch (c) {
      case '\\': out += "\\\\"; break;
      case ';': out += "\\;"; break;
      case ',': out += "\\,"; break;
      case '\r':
        if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        out += "\\n";
        break;
      case '\n': out += "\\n"; break;
      default:
        // Other control characters are not allowed in TEXT values.
        if (static_cast<unsigned char>(c) >= 0x20 || c == '\t') out += c;
    }
  }
  return out;
}

std::string fold(const std::string& content) {
  std::string out;
  std::size_t width = 0;  // octets on the current physical line
  for (std::size_t i = 0; i < content.size();) {
    std::size_t len = 1;  // octets of the UTF-8 character at i
    const auto lead = static_cast<unsigned char>(content[i]);
    if (lead >= 0xF0) len = 4;
    else if (lead >= 0xE0) len = 3;
    else if (lead >= 0xC0) len = 2;
    if (i + len > content.size()) len = content.size() - i;
    if (width + len > kMaxOctets) {
      out += "\r\n ";
      width = 1;  // the leading space of a continuation line counts
    }
    out.append(content, i, len);
    width += len;
    i += len;
  }
  return out;
}

std::string render(const Calendar& calendar) {
  std::string out;
  line(out, "BEGIN:VCALENDAR");
  line(out, "VERSION:2.0");
  line(out, "PRODID:-//mdsc//mdsc timetable//EN");
  line(out, "CALSCALE:GREGORIAN");
  line(out, "METHOD:PUBLISH");
  text_property(out, "X-WR-CALNAME", calendar.name);
  line(out, "X-WR-TIMEZONE:Asia/Tokyo");
  line(out, "BEGIN:VTIMEZONE");
  line(out, "TZID:Asia/Tokyo");
  line(out, "BEGIN:STANDARD");
  line(out, "DTSTART:19700101T000000");
  line(out, "TZOFFSETFROM:+0900");
  line(out, "TZOFFSETTO:+0900");
  line(out, "TZNAME:JST");
  line(out, "END:STANDARD");
  line(out, "END:VTIMEZONE");
  for (const auto& e : calendar.events) {
    line(out, "BEGIN:VEVENT");
    line(out, "UID:" + e.uid);
    line(out, "DTSTAMP:" + stamp(e.stamp, true));
    line(out, "LAST-MODIFIED:" + stamp(e.stamp, true));
    line(out, "SEQUENCE:" + std::to_string(e.sequence));
    line(out, "DTSTART;TZID=Asia/Tokyo:" + stamp(e.start, false));
    line(out, "DTEND;TZID=Asia/Tokyo:" + stamp(e.end, false));
    text_property(out, "SUMMARY", e.summary);
    text_property(out, "LOCATION", e.location);
    text_property(out, "DESCRIPTION", e.description);
    if (!e.url.empty()) line(out, "URL:" + e.url);
    line(out, e.cancelled ? "STATUS:CANCELLED" : "STATUS:CONFIRMED");
    line(out, "END:VEVENT");
  }
  line(out, "END:VCALENDAR");
  return out;
}

}  // namespace mdsc::ical
