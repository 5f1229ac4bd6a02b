#include <cctype>

#include "db/internal.h"

namespace mdsc::db {
namespace detail {
namespace {

bool ident_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// Length of a dollar-quote opener such as $$ or $body$ at sql[i], or 0. "$1" is not one.
std::size_t dollar_tag(std::string_view sql, std::size_t i) {
  if (i > 0 && ident_char(sql[i - 1])) return 0;
  std::size_t j = i + 1;
  if (j < sql.size() && std::isdigit(static_cast<unsigned char>(sql[j]))) return 0;
  while (j < sql.size() && ident_char(sql[j])) ++j;
  return j < sql.size() && sql[j] == '$' ? j - i + 1 : 0;
}

}  // namespace

std::string rewrite_placeholders(std::string_view sql, std::string_view prefix, int* count) {
  std::string out;
  out.reserve(sql.size() + 16);
  int n = 0;
  std::size_t i = 0;
  // Copies sql[i..end) unchanged and moves past it.
  auto copy_to = [&](std::size_t end) {
    out.append(sql.substr(i, end - i));
    i = end;
  };
  while (i < sql.size()) {
    char c = sql[i];
    if (c == '\'' || c == '"') {
      // A doubled quote inside is an escaped quote: scanning on from it finds the next one.
      std::size_t end = sql.find(c, i + 1);
      copy_to(end == std::string_view::npos ? sql.size() : end + 1);
    } else if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
      std::size_t end = sql.find('\n', i);
      copy_to(end == std::string_view::npos ? sql.size() : end + 1);
    } else if (c == '/' && i + 1 < sql.size() && sql[i + 1] == '*') {
      std::size_t end = sql.find("*/", i + 2);
      copy_to(end == std::string_view::npos ? sql.size() : end + 2);
    } else if (c == '$' && dollar_tag(sql, i) > 0) {
      std::size_t len = dollar_tag(sql, i);
      std::size_t end = sql.find(sql.substr(i, len), i + len);
      copy_to(end == std::string_view::npos ? sql.size() : end + len);
    } else if (c == '?') {
      out.append(prefix);
      out.append(std::to_string(++n));
      ++i;
    } else {
      out.push_back(c);
      ++i;
    }
  }
  if (count) *count = n;
  return out;
}

std::string describe(std::string_view message, std::string_view sql) {
  constexpr std::size_t kMax = 160;
  std::string out(message);
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  out += " (in: ";
  out += sql.substr(0, kMax);
  if (sql.size() > kMax) out += "...";
  out += ')';
  return out;
}

}  // namespace detail

std::string to_named_placeholders(const std::string& sql) {
  return detail::rewrite_placeholders(sql, ":p");
}

}  // namespace mdsc::db
