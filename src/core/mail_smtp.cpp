// SMTP delivery through libcurl to a configured relay. Logs carry message ids only: never
// addresses, subjects or server replies (which often quote the address).
#include <curl/curl.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <cstring>
#include <mutex>

#include "core/mail.h"

namespace mdsc::mail {
namespace {

std::string bare_address(const std::string& a) {
  auto lt = a.find('<');
  auto gt = a.find('>', lt == std::string::npos ? 0 : lt);
  if (lt == std::string::npos || gt == std::string::npos) return a;
  return a.substr(lt + 1, gt - lt - 1);
}

// An envelope address goes into an SMTP command line: refuse anything that could end it early.
bool plausible_address(const std::string& a) {
  return !a.empty() && a.find('@') != std::string::npos &&
         a.find_first_of("\r\n<> ") == std::string::npos;
}

struct Upload {
  const std::string* data;
  std::size_t offset = 0;
};

std::size_t read_chunk(char* buffer, std::size_t size, std::size_t count, void* user) {
  auto* up = static_cast<Upload*>(user);
  const std::size_t n = std::min(size * count, up->data->size() - up->offset);
  std::memcpy(buffer, up->data->data() + up->offset, n);
  up->offset += n;
  return n;
}

class SmtpMailer final : public Mailer {
 public:
  SmtpMailer(std::string url, std::string from, std::string user, std::string password)
      : url_(std::move(url)), from_(std::move(from)), user_(std::move(user)),
        password_(std::move(password)) {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  }

  bool send(const Message& original) override {
    Message m = original;
    if (m.message_id.empty()) m.message_id = new_message_id();
    const std::string sender = bare_address(from_);
    const std::string rcpt = bare_address(m.to);
    if (!plausible_address(sender) || !plausible_address(rcpt)) {
      spdlog::warn("mail: message {} has an unusable sender or recipient address", m.message_id);
      return false;
    }
    const long long now = std::chrono::duration_cast<std::chrono::seconds>(
                              std::chrono::system_clock::now().time_since_epoch())
                              .count();
    const std::string eml = to_eml(m, from_, now);
    Upload upload{&eml};

    CURL* curl = curl_easy_init();
    if (!curl) return false;
    const std::string mail_from = "<" + sender + ">";
    curl_slist* rcpts = curl_slist_append(nullptr, ("<" + rcpt + ">").c_str());
    curl_easy_setopt(curl, CURLOPT_URL, url_.c_str());
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
    if (!user_.empty()) {
      curl_easy_setopt(curl, CURLOPT_USERNAME, user_.c_str());
      curl_easy_setopt(curl, CURLOPT_PASSWORD, password_.c_str());
    }
    // smtp:// upgrades with STARTTLS when the relay offers it; with credentials it must, so a
    // password never crosses the network in clear. smtps:// is TLS from the start.
    curl_easy_setopt(curl, CURLOPT_USE_SSL,
                     static_cast<long>(user_.empty() ? CURLUSESSL_TRY : CURLUSESSL_ALL));
    curl_easy_setopt(curl, CURLOPT_MAIL_FROM, mail_from.c_str());
    curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, rcpts);
    curl_easy_setopt(curl, CURLOPT_READFUNCTION, read_chunk);
    curl_easy_setopt(curl, CURLOPT_READDATA, &upload);
    curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(curl, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(eml.size()));
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 10L);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, 60L);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);  // we run on worker threads
    const CURLcode rc = curl_easy_perform(curl);
    long reply = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &reply);
    curl_slist_free_all(rcpts);
    curl_easy_cleanup(curl);
    if (rc != CURLE_OK) {
      spdlog::warn("mail: SMTP delivery of message {} failed: {} (reply {})", m.message_id,
                   curl_easy_strerror(rc), reply);
      return false;
    }
    spdlog::info("mail: message {} handed to the SMTP relay", m.message_id);
    return true;
  }

 private:
  std::string url_;
  std::string from_;
  std::string user_;
  std::string password_;
};

}  // namespace

std::unique_ptr<Mailer> make_smtp_mailer(std::string url, std::string from, std::string user,
                                         std::string password) {
  return std::make_unique<SmtpMailer>(std::move(url), std::move(from), std::move(user),
                                      std::move(password));
}

}  // namespace mdsc::mail
