#pragma once
// Request-target parsing, kept apart from the server so it can be tested without sockets.
#include <string>
#include <string_view>

namespace mdsc::http {

// Splits a request target (origin form "/a%20b?x=1", absolute form "http://host/a", or "*")
// into its percent-decoded path and its raw query (without '?'). Returns false when the
// target is in none of those forms, holds an invalid percent escape, or decodes to a NUL:
// the caller answers 400.
bool split_target(std::string_view target, std::string& path, std::string& query);

}  // namespace mdsc::http
