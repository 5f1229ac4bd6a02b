#include "db/url.h"

#include <utility>
#include <vector>

#include "db/database.h"

namespace mdsc::db::detail {
namespace {

[[noreturn]] void bad(const std::string& why) {
  throw Error(Error::Kind::other, "database URL: " + why);
}

std::string percent_decode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%') {
      if (i + 2 >= s.size() || hex(s[i + 1]) < 0 || hex(s[i + 2]) < 0) bad("bad %-escape");
      out.push_back(static_cast<char>(hex(s[i + 1]) * 16 + hex(s[i + 2])));
      i += 2;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

// libpq conninfo values are single-quoted with \ escaping, so any byte survives.
std::string quote(const std::string& v) {
  std::string out = "'";
  for (char c : v) {
    if (c == '\'' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  out.push_back('\'');
  return out;
}

PgTarget parse_pg(std::string_view rest) {
  std::vector<std::pair<std::string, std::string>> kv;
  auto set = [&kv](const std::string& key, std::string value) {
    for (auto& [k, v] : kv) {
      if (k == key) {
        v = std::move(value);
        return;
      }
    }
    kv.emplace_back(key, std::move(value));
  };

  std::string_view query;
  if (auto q = rest.find('?'); q != std::string_view::npos) {
    query = rest.substr(q + 1);
    rest = rest.substr(0, q);
  }
  std::string_view authority = rest, path;
  if (auto slash = rest.find('/'); slash != std::string_view::npos) {
    authority = rest.substr(0, slash);
    path = rest.substr(slash + 1);
  }
  if (auto at = authority.rfind('@'); at != std::string_view::npos) {
    std::string_view userinfo = authority.substr(0, at);
    authority = authority.substr(at + 1);
    auto colon = userinfo.find(':');
    if (!userinfo.substr(0, colon).empty()) set("user", percent_decode(userinfo.substr(0, colon)));
    if (colon != std::string_view::npos) set("password", percent_decode(userinfo.substr(colon + 1)));
  }
  std::string_view host = authority, port;
  if (!authority.empty() && authority.front() == '[') {  // [IPv6]:port
    auto close = authority.find(']');
    if (close == std::string_view::npos) bad("unclosed [ in host");
    host = authority.substr(1, close - 1);
    if (close + 1 < authority.size()) {
      if (authority[close + 1] != ':') bad("junk after ]");
      port = authority.substr(close + 2);
    }
  } else if (auto colon = authority.rfind(':'); colon != std::string_view::npos) {
    host = authority.substr(0, colon);
    port = authority.substr(colon + 1);
  }
  if (!host.empty()) set("host", percent_decode(host));
  if (!port.empty()) set("port", percent_decode(port));
  if (!path.empty()) set("dbname", percent_decode(path));

  while (!query.empty()) {
    auto amp = query.find('&');
    std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
    if (pair.empty()) continue;
    auto eq = pair.find('=');
    if (eq == std::string_view::npos || eq == 0) bad("query parameter without a value");
    set(percent_decode(pair.substr(0, eq)), percent_decode(pair.substr(eq + 1)));
  }

  PgTarget t;
  for (const auto& [k, v] : kv) {
    if (!t.conninfo.empty()) t.conninfo.push_back(' ');
    t.conninfo += k + "=" + quote(v);
  }
  return t;
}

}  // namespace

std::variant<SqliteTarget, PgTarget> parse_url(const std::string& url) {
  std::string_view u = url;
  if (u.rfind("sqlite:", 0) == 0) {
    std::string_view path = u.substr(7);
    if (path.rfind("//", 0) == 0) path.remove_prefix(2);  // sqlite:///abs -> /abs
    if (path.empty()) bad("sqlite: needs a file path");
    return SqliteTarget{std::string(path)};
  }
  for (std::string_view scheme : {"postgresql://", "postgres://"}) {
    if (u.rfind(scheme, 0) == 0) return parse_pg(u.substr(scheme.size()));
  }
  bad("expected sqlite:... or postgresql://...");
}

}  // namespace mdsc::db::detail
