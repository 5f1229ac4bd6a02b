// The SMTP mailer against a tiny fake server on loopback that speaks just enough SMTP.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <string>
#include <thread>

#include "core/crypto.h"
#include "core/mail.h"
#include "support/base64.h"

namespace mdsc::mail {
namespace {

class FakeSmtpServer {
 public:
  // reject_rcpt: answer RCPT with 550, as a relay does for an unknown mailbox.
  explicit FakeSmtpServer(bool reject_rcpt = false) : reject_rcpt_(reject_rcpt) {
    listen_fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    EXPECT_EQ(::bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
    EXPECT_EQ(::listen(listen_fd_, 1), 0);
    socklen_t len = sizeof addr;
    ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    thread_ = std::thread([this] { serve(); });
  }
  ~FakeSmtpServer() {
    wait();
    ::close(listen_fd_);
  }
  int port() const { return port_; }
  // Ends the session (if the client never came) and joins the server thread; the fields below
  // may be read after this.
  void wait() {
    ::shutdown(listen_fd_, SHUT_RDWR);
    if (thread_.joinable()) thread_.join();
  }
  std::string mail_from, rcpt_to, data, commands;

 private:
  void serve() {
    int fd = ::accept(listen_fd_, nullptr, nullptr);
    if (fd < 0) return;
    timeval tv{5, 0};  // never hang the test suite
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    say(fd, "220 fake.test ESMTP\r\n");
    std::string buf;
    bool in_data = false;
    for (;;) {
      char chunk[4096];
      ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
      if (n <= 0) break;
      buf.append(chunk, static_cast<std::size_t>(n));
      for (;;) {
        if (in_data) {
          auto end = buf.find("\r\n.\r\n");
          if (end == std::string::npos) break;
          data = buf.substr(0, end + 2);
          buf.erase(0, end + 5);
          in_data = false;
          say(fd, "250 2.0.0 queued\r\n");
          continue;
        }
        auto eol = buf.find("\r\n");
        if (eol == std::string::npos) break;
        std::string line = buf.substr(0, eol);
        buf.erase(0, eol + 2);
        commands += line.substr(0, 4) + " ";
        if (line.rfind("EHLO", 0) == 0 || line.rfind("HELO", 0) == 0) {
          say(fd, "250 fake.test\r\n");
        } else if (line.rfind("MAIL FROM:", 0) == 0) {
          mail_from = line.substr(10);
          say(fd, "250 2.1.0 ok\r\n");
        } else if (line.rfind("RCPT TO:", 0) == 0) {
          rcpt_to = line.substr(8);
          say(fd, reject_rcpt_ ? "550 5.1.1 no such user\r\n" : "250 2.1.5 ok\r\n");
        } else if (line == "DATA") {
          in_data = true;
          say(fd, "354 go ahead\r\n");
        } else if (line == "QUIT") {
          say(fd, "221 bye\r\n");
          ::close(fd);
          return;
        } else {
          say(fd, line.rfind("RSET", 0) == 0 ? "250 ok\r\n" : "502 not implemented\r\n");
        }
      }
    }
    ::close(fd);
  }
  static void say(int fd, const std::string& s) { (void)!::send(fd, s.data(), s.size(), MSG_NOSIGNAL); }

  bool reject_rcpt_;
  int listen_fd_ = -1;
  int port_ = 0;
  std::thread thread_;
};

TEST(SmtpMailer, DeliversToRelay) {
  crypto::init();
  FakeSmtpServer server;
  auto mailer = make_smtp_mailer("smtp://127.0.0.1:" + std::to_string(server.port()),
                                 "MDSC 事務局 <office@mdsc.example>", "", "");
  ASSERT_TRUE(mailer->send({"hanako@example.jp", "受付のお知らせ", "申込を受け付けました。\n", "m-7"}));
  server.wait();
  EXPECT_EQ(server.mail_from, "<office@mdsc.example>");
  EXPECT_EQ(server.rcpt_to, "<hanako@example.jp>");
  EXPECT_NE(server.commands.find("EHLO MAIL RCPT DATA"), std::string::npos) << server.commands;
  const std::string& d = server.data;
  EXPECT_NE(d.find("To: hanako@example.jp\r\n"), std::string::npos);
  EXPECT_NE(d.find("Message-ID: <m-7@mdsc.example>\r\n"), std::string::npos);
  EXPECT_NE(d.find("Subject: =?UTF-8?B?"), std::string::npos);
  auto body = d.substr(d.find("\r\n\r\n") + 4);
  EXPECT_EQ(testing::unbase64(body), "申込を受け付けました。\r\n");
}

TEST(SmtpMailer, RejectedRecipientFails) {
  FakeSmtpServer server(/*reject_rcpt=*/true);
  auto mailer = make_smtp_mailer("smtp://127.0.0.1:" + std::to_string(server.port()),
                                 "office@mdsc.example", "", "");
  EXPECT_FALSE(mailer->send({"nobody@example.jp", "s", "b", "m-8"}));
  server.wait();
  EXPECT_TRUE(server.data.empty());
}

TEST(SmtpMailer, UnreachableRelayFails) {
  int port = 0;
  {
    FakeSmtpServer server;  // learn a free port, then close it
    port = server.port();
    auto m = make_smtp_mailer("smtp://127.0.0.1:" + std::to_string(port), "o@x.example", "", "");
    ASSERT_TRUE(m->send({"a@x.example", "s", "b", "m"}));
  }
  auto mailer = make_smtp_mailer("smtp://127.0.0.1:" + std::to_string(port), "o@x.example", "", "");
  EXPECT_FALSE(mailer->send({"a@x.example", "s", "b", "m-9"}));
}

TEST(SmtpMailer, RefusesAddressesThatCouldInjectCommands) {
  auto mailer = make_smtp_mailer("smtp://127.0.0.1:9", "o@x.example", "", "");
  EXPECT_FALSE(mailer->send({"a@x.example>\r\nRCPT TO:<b@y.example", "s", "b", "m"}));
  EXPECT_FALSE(mailer->send({"not-an-address", "s", "b", "m"}));
}

}  // namespace
}  // namespace mdsc::mail
