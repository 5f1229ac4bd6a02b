// RFC 5322 / MIME rendering of a message and the outbox mailer. SMTP is in mail_smtp.cpp.
// Addresses and contents are never logged: only message ids.
#include "core/mail.h"

#include <sodium.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "core/clock.h"
#include "core/crypto.h"

namespace mdsc::mail {
namespace {

constexpr std::size_t kLineMax = 76;

// Header values must not carry line breaks: a CR or LF in a subject or address would let the
// text add headers of its own.
std::string one_line(std::string_view s) {
  std::string out;
  for (char c : s) out += (c == '\r' || c == '\n') ? ' ' : c;
  return out;
}

bool is_ascii(std::string_view s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

std::string base64(std::string_view data) {
  crypto::init();
  const int variant = sodium_base64_VARIANT_ORIGINAL;
  std::string out(sodium_base64_ENCODED_LEN(data.size(), variant), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(data.data()),
                    data.size(), variant);
  out.resize(out.find('\0'));
  return out;
}

// RFC 2047 B encoded-words. 39 bytes encode to 52 characters, so that "Subject: " plus
// "=?UTF-8?B?" + 52 + "?=" fits in 76; words are cut only between UTF-8 characters.
std::string encoded_words(std::string_view text) {
  constexpr std::size_t kChunk = 39;
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t n = std::min(kChunk, text.size() - i);
    while (i + n < text.size() && (static_cast<unsigned char>(text[i + n]) & 0xC0) == 0x80) --n;
    if (!out.empty()) out += "\r\n ";
    out += "=?UTF-8?B?" + base64(text.substr(i, n)) + "?=";
    i += n;
  }
  return out;
}

// Folds an ASCII header value at spaces so lines stay within 76 characters where possible
// (a single longer word stays whole: RFC 5322 allows up to 998).
std::string fold_ascii(std::string_view value, std::size_t header_name_len) {
  std::string out;
  std::size_t line = header_name_len + 2;  // "Name: "
  std::size_t i = 0;
  while (i < value.size()) {
    std::size_t sp = value.find(' ', i + 1);
    if (sp == std::string_view::npos) sp = value.size();
    std::string_view word = value.substr(i, sp - i);  // includes its leading space, if any
    if (line + word.size() > kLineMax && !out.empty() && word.front() == ' ') {
      out += "\r\n";
      line = 0;
    }
    out += word;
    line += word.size();
    i = sp;
  }
  return out;
}

std::string header_text(std::string_view name, std::string_view value) {
  std::string v = one_line(value);
  return std::string(name) + ": " +
         (is_ascii(v) ? fold_ascii(v, name.size()) : encoded_words(v)) + "\r\n";
}

// "Name <addr>" with a non-ASCII name gets the name encoded; a bare address is kept as is.
std::string address_header(std::string_view name, std::string_view value) {
  std::string v = one_line(value);
  auto lt = v.find('<');
  if (lt == std::string::npos || is_ascii(v)) return std::string(name) + ": " + v + "\r\n";
  std::string display = v.substr(0, lt);
  while (!display.empty() && display.back() == ' ') display.pop_back();
  return std::string(name) + ": " + encoded_words(display) + "\r\n " + v.substr(lt) +
         "\r\n";
}

// Date in Japan time, which has had no daylight saving since 1951: a fixed +0900 is exact.
std::string rfc5322_date(long long unix_time) {
  static const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const long long local = unix_time + 9 * 3600;
  long long days = local / 86400 - (local % 86400 < 0 ? 1 : 0);
  const int weekday = static_cast<int>(((days + 4) % 7 + 7) % 7);  // 1970-01-01 was a Thursday
  const std::string iso = to_iso_utc(local);                         // "YYYY-MM-DDTHH:MM:SSZ"
  const int month = std::stoi(iso.substr(5, 2));
  return std::string(kDays[weekday]) + ", " + std::to_string(std::stoi(iso.substr(8, 2))) + " " +
         kMonths[month - 1] + " " + iso.substr(0, 4) + " " + iso.substr(11, 8) + " +0900";
}

std::string bare_address(const std::string& from) {
  auto lt = from.find('<');
  auto gt = from.find('>', lt == std::string::npos ? 0 : lt);
  if (lt == std::string::npos || gt == std::string::npos) return from;
  return from.substr(lt + 1, gt - lt - 1);
}

// "<id@domain>": accepts an id with or without brackets and domain.
std::string message_id_header(std::string id, const std::string& from) {
  if (id.size() >= 2 && id.front() == '<' && id.back() == '>') id = id.substr(1, id.size() - 2);
  if (id.find('@') == std::string::npos) {
    std::string addr = bare_address(from);
    auto at = addr.find('@');
    id += "@" + (at == std::string::npos ? std::string("localhost") : addr.substr(at + 1));
  }
  return "<" + one_line(id) + ">";
}

}  // namespace

std::string new_message_id() { return crypto::random_token(18); }

std::string to_eml(const Message& m, const std::string& from, long long unix_time) {
  // text/plain is canonically CRLF: normalise bare LF (and lone CR) before encoding.
  std::string body;
  body.reserve(m.text_body.size() + m.text_body.size() / 16);
  for (std::size_t i = 0; i < m.text_body.size(); ++i) {
    char c = m.text_body[i];
    if (c == '\r') {
      body += "\r\n";
      if (i + 1 < m.text_body.size() && m.text_body[i + 1] == '\n') ++i;
    } else if (c == '\n') {
      body += "\r\n";
    } else {
      body += c;
    }
  }
  std::string id = m.message_id.empty() ? new_message_id() : m.message_id;

  std::string eml;
  eml += address_header("From", from);
  eml += address_header("To", m.to);
  eml += header_text("Subject", m.subject);
  eml += "Date: " + rfc5322_date(unix_time) + "\r\n";
  eml += "Message-ID: " + message_id_header(id, from) + "\r\n";
  eml += "MIME-Version: 1.0\r\n";
  eml += "Content-Type: text/plain; charset=UTF-8\r\n";
  eml += "Content-Transfer-Encoding: base64\r\n";
  eml += "\r\n";
  const std::string encoded = base64(body);
  for (std::size_t i = 0; i < encoded.size(); i += kLineMax)
    eml += encoded.substr(i, kLineMax) + "\r\n";
  return eml;
}

namespace {

class OutboxMailer final : public Mailer {
 public:
  OutboxMailer(std::string dir, std::string from) : dir_(std::move(dir)), from_(std::move(from)) {}

  bool send(const Message& original) override {
    namespace fs = std::filesystem;
    Message m = original;
    if (m.message_id.empty()) m.message_id = new_message_id();
    const long long now = std::chrono::duration_cast<std::chrono::seconds>(
                              std::chrono::system_clock::now().time_since_epoch())
                              .count();
    const std::string name = std::to_string(now) + "-" + file_safe(m.message_id) + ".eml";
    std::error_code ec;
    fs::create_directories(dir_, ec);
    const fs::path final_path = fs::path(dir_) / name;
    const fs::path tmp_path = fs::path(dir_) / ("." + name + ".tmp");
    {
      std::ofstream out(tmp_path, std::ios::binary | std::ios::trunc);
      out << to_eml(m, from_, now);
      out.flush();
      if (!out) {
        spdlog::warn("mail: writing message {} to the outbox failed", file_safe(m.message_id));
        fs::remove(tmp_path, ec);
        return false;
      }
    }
    // Rename is atomic within a folder: readers of the outbox never see half a message.
    fs::rename(tmp_path, final_path, ec);
    if (ec) {
      spdlog::warn("mail: moving message {} into the outbox failed: {}", file_safe(m.message_id),
                   ec.message());
      fs::remove(tmp_path, ec);
      return false;
    }
    spdlog::info("mail: message {} written to the outbox", file_safe(m.message_id));
    return true;
  }

 private:
  static std::string file_safe(std::string_view id) {
    std::string out;
    for (char c : id) {
      bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                c == '-' || c == '_' || c == '.';
      out += ok ? c : '_';
    }
    return out;
  }

  std::string dir_;
  std::string from_;
};

}  // namespace

std::unique_ptr<Mailer> make_outbox_mailer(std::string dir, std::string from) {
  return std::make_unique<OutboxMailer>(std::move(dir), std::move(from));
}

}  // namespace mdsc::mail
