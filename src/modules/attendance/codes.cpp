#include "modules/attendance/codes.h"

#include <cstdio>

#include "core/crypto.h"

namespace mdsc::attendance {

std::int64_t code_step(std::int64_t now) { return now / kCodeStepSeconds; }

std::string code_for(std::string_view key, std::int64_t session_id, std::int64_t step) {
  const std::string mac =
      crypto::hmac_sha256(key, "checkin:" + std::to_string(session_id) + ":" + std::to_string(step));
  // Dynamic truncation: four bytes at the offset the last byte names, the top bit cleared.
  const auto b = [&](std::size_t i) { return static_cast<std::uint32_t>(static_cast<unsigned char>(mac[i])); };
  const std::size_t offset = b(mac.size() - 1) & 0x0f;
  const std::uint32_t bin = ((b(offset) & 0x7f) << 24) | (b(offset + 1) << 16) | (b(offset + 2) << 8) | b(offset + 3);
  char out[8];
  std::snprintf(out, sizeof out, "%06u", static_cast<unsigned>(bin % 1000000));
  return out;
}

bool code_well_formed(std::string_view code) {
  if (code.size() != 6) return false;
  for (char ch : code)
    if (ch < '0' || ch > '9') return false;
  return true;
}

bool code_accepted(std::string_view key, std::int64_t session_id, std::string_view code, std::int64_t now) {
  if (!code_well_formed(code)) return false;
  const std::int64_t step = code_step(now);
  // Both compared in constant time, so timing tells nothing about which was close.
  const bool current = crypto::equal(code, code_for(key, session_id, step));
  const bool previous = crypto::equal(code, code_for(key, session_id, step - 1));
  return current || previous;
}

namespace {
std::string ticket_mac(std::string_view key, std::int64_t session_id, std::string_view code, std::int64_t step) {
  const std::string mac = crypto::hmac_sha256(
      key, "ticket:" + std::to_string(session_id) + ":" + std::string(code) + ":" + std::to_string(step));
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (std::size_t i = 0; i < 16; ++i) {
    out += kHex[static_cast<unsigned char>(mac[i]) >> 4];
    out += kHex[static_cast<unsigned char>(mac[i]) & 0x0f];
  }
  return out;
}
}  // namespace

std::string scan_ticket(std::string_view key, std::int64_t session_id, std::string_view code, std::int64_t now) {
  const std::int64_t step = code_step(now);
  return std::to_string(step) + "." + ticket_mac(key, session_id, code, step);
}

bool ticket_accepted(std::string_view key, std::int64_t session_id, std::string_view code, std::string_view ticket,
                     std::int64_t now) {
  if (!code_well_formed(code)) return false;
  const auto dot = ticket.find('.');
  if (dot == std::string_view::npos || dot == 0 || dot > 12) return false;
  std::int64_t step = 0;
  for (char ch : ticket.substr(0, dot)) {
    if (ch < '0' || ch > '9') return false;
    step = step * 10 + (ch - '0');
  }
  const std::int64_t now_step = code_step(now);
  if (step > now_step || (now_step - step) * kCodeStepSeconds > kTicketSeconds) return false;
  return crypto::equal(ticket.substr(dot + 1), ticket_mac(key, session_id, code, step));
}

int seconds_left(std::int64_t now) { return static_cast<int>(kCodeStepSeconds - now % kCodeStepSeconds); }

}  // namespace mdsc::attendance
