#include "support/outbox.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "support/wait.h"

namespace mdsc::testing {

std::string decode_base64(const std::string& in) {
  static const std::string chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  int val = 0, bits = -8;
  for (char c : in) {
    auto p = chars.find(c);
    if (p == std::string::npos) continue;
    val = (val << 6) + static_cast<int>(p);
    bits += 6;
    if (bits >= 0) {
      out += static_cast<char>((val >> bits) & 0xFF);
      bits -= 8;
    }
  }
  return out;
}

std::vector<std::string> outbox_mails(const std::string& dir, const std::string& must_contain, std::size_t at_least) {
  std::vector<std::string> out;
  wait_until([&] {
    out.clear();
    if (std::filesystem::exists(dir))
      for (const auto& e : std::filesystem::directory_iterator(dir)) {
        if (e.path().extension() != ".eml") continue;
        std::ifstream f(e.path());
        std::stringstream ss;
        ss << f.rdbuf();
        const std::string raw = ss.str();
        if (raw.find(must_contain) == std::string::npos) continue;
        out.push_back(decode_base64(raw.substr(raw.find("\r\n\r\n") + 4)));
      }
    return out.size() >= at_least;
  });
  return out;
}

std::map<std::string, std::string> demo_passwords(const std::string& dir) {
  std::map<std::string, std::string> out;
  std::ifstream f(dir + "/demo-credentials.txt");
  std::string line;
  while (std::getline(f, line)) {
    std::stringstream ss(line);
    std::string role, email, password;
    if (std::getline(ss, role, '\t') && std::getline(ss, email, '\t') && std::getline(ss, password)) out[email] = password;
  }
  return out;
}

}  // namespace mdsc::testing
