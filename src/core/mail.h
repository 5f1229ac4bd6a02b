#pragma once
// Outgoing e-mail. Messages are queued in the database inside the transaction that causes them
// (modules/mail), and handed to a Mailer only after that transaction commits.
#include <memory>
#include <string>
#include <vector>

namespace mdsc::mail {

struct Message {
  std::string to;         // one address
  std::string subject;    // UTF-8
  std::string text_body;  // UTF-8 plain text
  std::string message_id; // stable id (for idempotent delivery); generated if empty
};

// The message as an RFC 5322 / MIME text: UTF-8, subject encoded-word (RFC 2047), body base64,
// CRLF line ends, Date and Message-ID headers.
std::string to_eml(const Message& m, const std::string& from, long long unix_time);

class Mailer {
 public:
  virtual ~Mailer() = default;
  // Returns false (and logs, without the recipient) when delivery failed; the caller retries later.
  virtual bool send(const Message& m) = 0;
};

// A fresh random message id (URL-safe, no domain), e.g. to store with a queued message so that
// retries keep the same Message-ID header.
std::string new_message_id();

// Default: writes <dir>/<time>-<message-id>.eml files.
std::unique_ptr<Mailer> make_outbox_mailer(std::string dir, std::string from);
// SMTP through libcurl: url like "smtp://relay:25" or "smtps://host:465"; user/password optional.
std::unique_ptr<Mailer> make_smtp_mailer(std::string url, std::string from, std::string user,
                                         std::string password);

}  // namespace mdsc::mail
