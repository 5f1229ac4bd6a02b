#pragma once
// application/x-www-form-urlencoded and query strings: ordered name/value pairs.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mdsc::web {

// Percent-decoding; '+' becomes a space when plus_as_space. Invalid escapes are kept literally.
std::string url_decode(std::string_view in, bool plus_as_space = true);
// Encodes everything but unreserved characters (RFC 3986).
std::string url_encode(std::string_view in);

class Form {
 public:
  using Pairs = std::vector<std::pair<std::string, std::string>>;
  Form() = default;
  explicit Form(Pairs pairs) : pairs_(std::move(pairs)) {}
  static Form parse(std::string_view urlencoded);

  bool has(std::string_view name) const;
  // First value, or "" when absent.
  std::string get(std::string_view name) const;
  std::optional<std::string> opt(std::string_view name) const;
  // Trimmed of ASCII and ideographic (U+3000) spaces at both ends.
  std::string trimmed(std::string_view name) const;
  std::vector<std::string> all(std::string_view name) const;
  const Pairs& pairs() const { return pairs_; }
  void add(std::string name, std::string value) { pairs_.emplace_back(std::move(name), std::move(value)); }

 private:
  Pairs pairs_;
};

std::string trim(std::string_view s);

}  // namespace mdsc::web
