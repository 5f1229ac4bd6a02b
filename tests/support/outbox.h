#pragma once
// Reading what the server's mail dispatcher wrote to its outbox folder (*.eml, base64 bodies).
#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace mdsc::testing {

std::string decode_base64(const std::string& in);

// The decoded bodies of the mails whose raw text contains `must_contain` (e.g. "To: a@b.org"),
// waiting for at least `at_least` of them (support/wait.h): the dispatcher sends after the
// commit, on its own thread. Fewer if they never come.
std::vector<std::string> outbox_mails(const std::string& dir, const std::string& must_contain, std::size_t at_least);

// e-mail -> password from the demo-credentials.txt that `mdsc init --demo` writes into `dir`.
std::map<std::string, std::string> demo_passwords(const std::string& dir);

}  // namespace mdsc::testing
