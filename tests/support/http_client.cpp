#include "support/http_client.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cctype>
#include <stdexcept>

namespace mdsc::testing {
namespace {

int connect_to(const std::string& host, int port) {
  int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);  // not inherited by servers the test starts
  if (fd < 0) throw std::runtime_error("socket failed");
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  ::inet_pton(AF_INET, host.c_str(), &addr.sin_addr);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    throw std::runtime_error("connect failed to port " + std::to_string(port));
  }
  int one = 1;
  ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  return fd;
}

void send_all(int fd, const std::string& data) {
  std::size_t off = 0;
  while (off < data.size()) {
    ssize_t n = ::send(fd, data.data() + off, data.size() - off, MSG_NOSIGNAL);
    if (n <= 0) return;  // the server may close early (413); the caller reads what it said
    off += static_cast<std::size_t>(n);
  }
}

std::string read_until_close(int fd, int timeout_ms) {
  std::string out;
  char buf[65536];
  for (;;) {
    pollfd p{fd, POLLIN, 0};
    int r = ::poll(&p, 1, timeout_ms);
    if (r <= 0) break;
    ssize_t n = ::recv(fd, buf, sizeof buf, 0);
    if (n <= 0) break;
    out.append(buf, static_cast<std::size_t>(n));
  }
  return out;
}

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

HttpResponse parse(const std::string& raw) {
  HttpResponse r;
  auto head_end = raw.find("\r\n\r\n");
  if (raw.size() < 12 || head_end == std::string::npos) {
    r.status = 0;
    r.body = raw;
    return r;
  }
  r.status = std::stoi(raw.substr(9, 3));
  std::size_t pos = raw.find("\r\n") + 2;
  while (pos < head_end) {
    auto eol = raw.find("\r\n", pos);
    std::string line = raw.substr(pos, eol - pos);
    auto colon = line.find(':');
    if (colon != std::string::npos) {
      std::string v = line.substr(colon + 1);
      while (!v.empty() && v.front() == ' ') v.erase(0, 1);
      r.headers.emplace_back(lower(line.substr(0, colon)), v);
    }
    pos = eol + 2;
  }
  r.body = raw.substr(head_end + 4);
  std::string te = lower(r.header("transfer-encoding"));
  if (te == "chunked") {
    std::string decoded;
    std::size_t p = 0;
    while (p < r.body.size()) {
      auto eol = r.body.find("\r\n", p);
      if (eol == std::string::npos) break;
      std::size_t len = std::stoul(r.body.substr(p, eol - p), nullptr, 16);
      if (len == 0) break;
      decoded += r.body.substr(eol + 2, len);
      p = eol + 2 + len + 2;
    }
    r.body = decoded;
  }
  return r;
}

}  // namespace

std::string HttpResponse::header(const std::string& name) const {
  for (const auto& [k, v] : headers)
    if (k == name) return v;
  return "";
}

std::vector<std::string> HttpResponse::headers_named(const std::string& name) const {
  std::vector<std::string> out;
  for (const auto& [k, v] : headers)
    if (k == name) out.push_back(v);
  return out;
}

std::string form_encode(const std::vector<std::pair<std::string, std::string>>& fields) {
  static const char* hex = "0123456789ABCDEF";
  auto enc = [](const std::string& s) {
    std::string o;
    for (unsigned char c : s) {
      if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') o += static_cast<char>(c);
      else if (c == ' ') o += '+';
      else {
        o += '%';
        o += hex[c >> 4];
        o += hex[c & 15];
      }
    }
    return o;
  };
  std::string out;
  for (const auto& [k, v] : fields) out += (out.empty() ? "" : "&") + enc(k) + "=" + enc(v);
  return out;
}

std::string extract_csrf(const std::string& html) {
  auto p = html.find("name=\"_csrf\" value=\"");
  if (p == std::string::npos) return "";
  p += 20;
  auto e = html.find('"', p);
  return html.substr(p, e - p);
}

std::string raw_exchange(int port, const std::string& bytes, int timeout_ms) {
  int fd = connect_to("127.0.0.1", port);
  send_all(fd, bytes);
  std::string out = read_until_close(fd, timeout_ms);
  ::close(fd);
  return out;
}

HttpResponse HttpClient::request(const std::string& method, const std::string& target, const std::string& body,
                                 std::vector<std::pair<std::string, std::string>> headers) {
  std::string req = method + " " + target + " HTTP/1.1\r\nHost: " + host_ + ":" + std::to_string(port_) +
                    "\r\nConnection: close\r\n";
  if (!cookies_.empty()) {
    std::string c;
    for (const auto& [k, v] : cookies_) c += (c.empty() ? "" : "; ") + k + "=" + v;
    req += "Cookie: " + c + "\r\n";
  }
  if (!accept_language_.empty()) req += "Accept-Language: " + accept_language_ + "\r\n";
  for (const auto& [k, v] : headers) req += k + ": " + v + "\r\n";
  if (!body.empty() || method == "POST" || method == "PUT" || method == "PATCH")
    req += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  req += "\r\n" + body;
  int fd = connect_to(host_, port_);
  send_all(fd, req);
  std::string raw = read_until_close(fd, 30000);
  ::close(fd);
  HttpResponse r = parse(raw);
  for (const auto& sc : r.headers_named("set-cookie")) {
    auto eq = sc.find('=');
    auto semi = sc.find(';');
    std::string name = sc.substr(0, eq);
    std::string value = sc.substr(eq + 1, semi == std::string::npos ? std::string::npos : semi - eq - 1);
    bool expired = sc.find("Max-Age=0") != std::string::npos;
    if (expired || value.empty()) cookies_.erase(name);
    else cookies_[name] = value;
  }
  std::string token = extract_csrf(r.body);
  if (!token.empty()) csrf_ = token;
  return r;
}

HttpResponse HttpClient::post_form(const std::string& target, std::vector<std::pair<std::string, std::string>> fields,
                                   bool with_csrf) {
  if (with_csrf) fields.emplace_back("_csrf", csrf_);
  return request("POST", target, form_encode(fields),
                 {{"Content-Type", "application/x-www-form-urlencoded"}});
}

HttpResponse HttpClient::post_file(const std::string& target, const std::string& field, const std::string& filename,
                                   const std::string& content, std::vector<std::pair<std::string, std::string>> fields) {
  const std::string boundary = "----mdsc-test-boundary-7f3a";
  fields.emplace_back("_csrf", csrf_);
  std::string body;
  for (const auto& [k, v] : fields)
    body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k + "\"\r\n\r\n" + v + "\r\n";
  body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + filename +
          "\"\r\nContent-Type: text/csv\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
  return request("POST", target, body, {{"Content-Type", "multipart/form-data; boundary=" + boundary}});
}

HttpResponse HttpClient::send_json(const std::string& method, const std::string& target, const std::string& json,
                                   const std::string& bearer) {
  std::vector<std::pair<std::string, std::string>> h{{"Content-Type", "application/json"}};
  if (!bearer.empty()) h.emplace_back("Authorization", "Bearer " + bearer);
  return request(method, target, json, h);
}

int HttpClient::login(const std::string& email, const std::string& password) {
  get("/login");
  return post_form("/login", {{"email", email}, {"password", password}}).status;
}

}  // namespace mdsc::testing
