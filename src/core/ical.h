// iCalendar (RFC 5545) feeds: a VCALENDAR of timed events in Asia/Tokyo, for subscription by
// calendar applications. Text is escaped and lines are folded at 75 octets without splitting a
// UTF-8 character; lines end in CRLF.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace mdsc::ical {

struct Event {
  std::string uid;            // stable across edits: "session-42@mdsc", so clients update, not duplicate
  int sequence = 0;           // raised on every change a subscriber must see
  std::int64_t start = 0;     // UTC instants (unix seconds); written as Asia/Tokyo wall time
  std::int64_t end = 0;
  std::int64_t stamp = 0;     // DTSTAMP and LAST-MODIFIED: when the event last changed
  std::string summary;
  std::string location;
  std::string description;
  std::string url;
  bool cancelled = false;     // STATUS:CANCELLED keeps the event visible as cancelled
};

struct Calendar {
  std::string name;           // X-WR-CALNAME, what the calendar application shows
  std::vector<Event> events;
};

std::string render(const Calendar& calendar);

// Exposed for tests: TEXT escaping (backslash, semicolon, comma, newline) and folding.
std::string escape_text(const std::string& text);
std::string fold(const std::string& line);

}  // namespace mdsc::ical
