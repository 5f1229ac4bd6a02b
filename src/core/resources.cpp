#include "core/resources.h"

#include <sodium.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>

namespace mdsc::resources {
namespace {
std::mutex g_mu;
std::string g_override = [] {
  const char* env = std::getenv("MDSC_RESOURCE_DIR");
  return std::string(env ? env : "");
}();

std::optional<std::string> read_from_disk(const std::string& root, std::string_view path) {
  namespace fs = std::filesystem;
  std::string p(path);
  if (p.find("..") != std::string::npos) return std::nullopt;
  std::vector<fs::path> candidates{fs::path(root) / p};
  // Module templates live beside their module: templates/<module>/<file>.
  if (p.rfind("templates/", 0) == 0) {
    auto rest = p.substr(10);
    auto slash = rest.find('/');
    if (slash != std::string::npos)
      candidates.push_back(fs::path(root) / "src/modules" / rest.substr(0, slash) / "templates" /
                           rest.substr(slash + 1));
  }
  for (const auto& c : candidates) {
    std::ifstream in(c, std::ios::binary);
    if (in) {
      std::ostringstream ss;
      ss << in.rdbuf();
      return ss.str();
    }
  }
  return std::nullopt;
}
}  // namespace

void set_override_dir(std::string dir) {
  std::lock_guard lock(g_mu);
  g_override = std::move(dir);
}

std::string override_dir() {
  std::lock_guard lock(g_mu);
  return g_override;
}

std::optional<std::string> read(std::string_view path) {
  std::string root;
  {
    std::lock_guard lock(g_mu);
    root = g_override;
  }
  if (!root.empty()) {
    if (auto disk = read_from_disk(root, path)) return disk;
  }
  for (const auto& e : detail::entries()) {
    if (e.path == path) return std::string(e.data);
  }
  return std::nullopt;
}

std::vector<std::string> list(std::string_view prefix) {
  std::vector<std::string> out;
  for (const auto& e : detail::entries()) {
    if (e.path.substr(0, prefix.size()) == prefix) out.emplace_back(e.path);
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string content_hash(std::string_view data) {
  unsigned char h[8];
  crypto_generichash(h, sizeof h, reinterpret_cast<const unsigned char*>(data.data()), data.size(),
                     nullptr, 0);
  static const char* hex = "0123456789abcdef";
  std::string out;
  for (unsigned char c : h) {
    out += hex[c >> 4];
    out += hex[c & 15];
  }
  return out;
}

}  // namespace mdsc::resources
