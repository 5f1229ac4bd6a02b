#pragma once
// The check-in code a session's page shows: six digits that change every 20 seconds, an
// HMAC-SHA-256 over (session, time step) under the server's key, truncated as HOTP does
// (RFC 4226). The server's clock decides the step, so a phone's wrong clock does not matter; a
// code is taken during its own step and the next one, and never after.
#include <cstdint>
#include <string>
#include <string_view>

namespace mdsc::attendance {

inline constexpr std::int64_t kCodeStepSeconds = 20;

std::int64_t code_step(std::int64_t now);
std::string code_for(std::string_view key, std::int64_t session_id, std::int64_t step);
// Whether `code` is the session's code of the current step or of the one before.
bool code_accepted(std::string_view key, std::int64_t session_id, std::string_view code, std::int64_t now);
// Six ASCII digits (what a person can type or a QR code carries).
bool code_well_formed(std::string_view code);
// A scan ticket: proof that `code` was the session's code when its QR code was scanned, so that a
// check-in after logging in (which may take longer than a code lives) still takes it; "STEP.MAC",
// good for kTicketSeconds. Made only for a code that is taken at that moment.
inline constexpr std::int64_t kTicketSeconds = 120;
std::string scan_ticket(std::string_view key, std::int64_t session_id, std::string_view code, std::int64_t now);
bool ticket_accepted(std::string_view key, std::int64_t session_id, std::string_view code, std::string_view ticket,
                     std::int64_t now);
// Seconds until the code shown now changes.
int seconds_left(std::int64_t now);

}  // namespace mdsc::attendance
