#pragma once
// A small blocking HTTP/1.1 client for black-box tests, with a cookie jar like a browser's.
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace mdsc::testing {

struct HttpResponse {
  int status = 0;
  std::vector<std::pair<std::string, std::string>> headers;  // names lower-cased
  std::string body;
  std::string header(const std::string& lower_name) const;
  std::vector<std::string> headers_named(const std::string& lower_name) const;
};

class HttpClient {
 public:
  explicit HttpClient(int port, std::string host = "127.0.0.1") : port_(port), host_(std::move(host)) {}

  HttpResponse request(const std::string& method, const std::string& target, const std::string& body = "",
                       std::vector<std::pair<std::string, std::string>> headers = {});
  HttpResponse get(const std::string& target, std::vector<std::pair<std::string, std::string>> headers = {}) {
    return request("GET", target, "", std::move(headers));
  }
  // application/x-www-form-urlencoded; adds the CSRF token last seen in a page unless with_csrf is false.
  HttpResponse post_form(const std::string& target, std::vector<std::pair<std::string, std::string>> fields,
                         bool with_csrf = true);
  // multipart/form-data with one file field plus text fields; adds the CSRF token.
  HttpResponse post_file(const std::string& target, const std::string& field, const std::string& filename,
                         const std::string& content, std::vector<std::pair<std::string, std::string>> fields = {});
  HttpResponse send_json(const std::string& method, const std::string& target, const std::string& json,
                         const std::string& bearer = "");

  // Logs in through the login form; returns the final response status of the POST (303 on success).
  int login(const std::string& email, const std::string& password);

  std::map<std::string, std::string>& cookies() { return cookies_; }
  const std::string& csrf() const { return csrf_; }
  void set_language_header(std::string accept_language) { accept_language_ = std::move(accept_language); }

 private:
  int port_;
  std::string host_;
  std::map<std::string, std::string> cookies_;
  std::string csrf_;
  std::string accept_language_;
};

std::string form_encode(const std::vector<std::pair<std::string, std::string>>& fields);
// The value of the first <input name="_csrf" value="..."> in an HTML page, or "".
std::string extract_csrf(const std::string& html);

// Sends raw bytes and returns what the server answered before closing (or timing out).
std::string raw_exchange(int port, const std::string& bytes, int timeout_ms = 5000);

}  // namespace mdsc::testing
