#pragma once
// What we accept as text from the outside: valid UTF-8 without NUL or other C0 controls (except
// tab, CR, LF). PostgreSQL refuses invalid UTF-8 and NUL bytes outright, so input is checked at
// the door instead of failing deep inside a transaction.
#include <string>
#include <string_view>

namespace mdsc::web {

bool is_clean_text(std::string_view s);
// Replaces invalid sequences and controls with U+FFFD (for headers we only store, e.g. User-Agent).
std::string sanitize_text(std::string_view s);

}  // namespace mdsc::web
