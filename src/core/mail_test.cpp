#include "core/mail.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/crypto.h"
#include "support/base64.h"

namespace mdsc::mail {
namespace {

using testing::unbase64;

// Splits an .eml into header text and body at the first empty line.
void split(const std::string& eml, std::string& head, std::string& body) {
  auto sep = eml.find("\r\n\r\n");
  ASSERT_NE(sep, std::string::npos);
  head = eml.substr(0, sep + 2);
  body = eml.substr(sep + 4);
}

// Decodes the encoded-words of a folded Subject header back to UTF-8.
std::string decode_subject(const std::string& head) {
  auto start = head.find("Subject: ");
  std::string out;
  std::size_t pos = start;
  while ((pos = head.find("=?UTF-8?B?", pos)) != std::string::npos &&
         pos < head.find("\r\nDate:")) {
    auto end = head.find("?=", pos + 10);
    out += unbase64(head.substr(pos + 10, end - pos - 10));
    pos = end + 2;
  }
  return out;
}

TEST(Eml, GoldenAscii) {
  Message m{"taro@example.jp", "Welcome", "Hello,\nworld.\n", "msg-1"};
  const std::string eml = to_eml(m, "mdsc@example.org", 1509321600);
  EXPECT_EQ(eml,
            "From: mdsc@example.org\r\n"
            "To: taro@example.jp\r\n"
            "Subject: Welcome\r\n"
            "Date: Mon, 30 Oct 2017 09:00:00 +0900\r\n"
            "Message-ID: <msg-1@example.org>\r\n"
            "MIME-Version: 1.0\r\n"
            "Content-Type: text/plain; charset=UTF-8\r\n"
            "Content-Transfer-Encoding: base64\r\n"
            "\r\n"
            "SGVsbG8sDQp3b3JsZC4NCg==\r\n");
  EXPECT_EQ(unbase64("SGVsbG8sDQp3b3JsZC4NCg=="), "Hello,\r\nworld.\r\n");
}

TEST(Eml, JapaneseSubjectAndLongBody) {
  const std::string subject =
      "【医療データサイエンティスト育成コンソーシアム】受講申込を受け付けました（平成29年度）";
  std::string body;
  for (int i = 0; i < 40; ++i) body += "受講者各位\n本文の行です。line " + std::to_string(i) + "\n";
  Message m{"hanako@example.jp", subject, body, "<abc@mdsc.example>"};
  const std::string eml = to_eml(m, "MDSC 事務局 <office@mdsc.example>", 1509289200);

  std::string head, b64;
  split(eml, head, b64);
  // CRLF everywhere, no bare LF, every line within 76 characters.
  std::istringstream lines(eml);
  std::string line;
  while (std::getline(lines, line)) {
    ASSERT_FALSE(line.empty());
    EXPECT_EQ(line.back(), '\r');
    EXPECT_LE(line.size() - 1, 76u) << line;
  }
  EXPECT_EQ(eml.find("\n\n"), std::string::npos);
  EXPECT_NE(head.find("Date: Mon, 30 Oct 2017 00:00:00 +0900\r\n"), std::string::npos);
  EXPECT_NE(head.find("Message-ID: <abc@mdsc.example>\r\n"), std::string::npos);
  EXPECT_NE(head.find("From: =?UTF-8?B?"), std::string::npos);
  EXPECT_NE(head.find(" <office@mdsc.example>\r\n"), std::string::npos);
  EXPECT_EQ(head.find("事務局"), std::string::npos);  // nothing raw in headers
  EXPECT_EQ(decode_subject(head), subject);

  std::string expected;
  for (char c : body) expected += c == '\n' ? std::string("\r\n") : std::string(1, c);
  EXPECT_EQ(unbase64(b64), expected);
}

TEST(Eml, HeaderInjectionIsNeutralised) {
  Message m{"a@example.jp\r\nBcc: victim@example.jp", "Hi\r\nBcc: x@example.jp", "b", "id"};
  const std::string eml = to_eml(m, "mdsc@example.org", 0);
  EXPECT_EQ(eml.find("\r\nBcc:"), std::string::npos);
  EXPECT_NE(eml.find("Date: Thu, 1 Jan 1970 09:00:00 +0900\r\n"), std::string::npos);
}

TEST(Eml, LongAsciiSubjectFolds) {
  std::string subject;
  for (int i = 0; i < 20; ++i) subject += "word" + std::to_string(i) + " ";
  subject.pop_back();
  const std::string eml = to_eml({"a@b.jp", subject, "", "x"}, "m@b.jp", 0);
  std::string head, body;
  split(eml, head, body);
  auto s = head.find("Subject: ");
  auto e = head.find("\r\nDate:");
  std::string folded = head.substr(s + 9, e - s - 9);
  EXPECT_NE(folded.find("\r\n "), std::string::npos);
  std::string unfolded;
  for (std::size_t i = 0; i < folded.size(); ++i) {
    if (folded.compare(i, 2, "\r\n") == 0) {
      ++i;
      continue;
    }
    unfolded += folded[i];
  }
  EXPECT_EQ(unfolded, subject);
}

TEST(Eml, GeneratesMessageId) {
  const std::string eml = to_eml({"a@b.jp", "s", "", ""}, "m@b.jp", 0);
  auto p = eml.find("Message-ID: <");
  ASSERT_NE(p, std::string::npos);
  EXPECT_NE(eml.find("@b.jp>\r\n", p), std::string::npos);
  EXPECT_NE(new_message_id(), new_message_id());
}

TEST(Outbox, WritesCompleteFiles) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("mdsc-outbox-" + crypto::random_token(6));
  auto mailer = make_outbox_mailer((dir / "outbox").string(), "mdsc@example.org");
  ASSERT_TRUE(mailer->send({"taro@example.jp", "件名", "本文\n", "q/1"}));
  ASSERT_TRUE(mailer->send({"taro@example.jp", "two", "2\n", ""}));
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir / "outbox")) files.push_back(e.path());
  ASSERT_EQ(files.size(), 2u);  // no temporary files left behind
  bool found = false;
  for (const auto& f : files) {
    EXPECT_EQ(f.extension(), ".eml");
    EXPECT_NE(f.filename().string()[0], '.');
    if (f.filename().string().find("-q_1.eml") != std::string::npos) {
      found = true;
      std::ifstream in(f, std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      EXPECT_NE(ss.str().find("Message-ID: <q/1@example.org>\r\n"), std::string::npos);
    }
  }
  EXPECT_TRUE(found);
  fs::remove_all(dir);
}

TEST(Outbox, FailsWhenFolderCannotBeMade) {
  namespace fs = std::filesystem;
  const fs::path file = fs::temp_directory_path() / ("mdsc-notadir-" + crypto::random_token(6));
  std::ofstream(file) << "x";
  auto mailer = make_outbox_mailer((file / "outbox").string(), "mdsc@example.org");
  EXPECT_FALSE(mailer->send({"taro@example.jp", "s", "b", "id"}));
  fs::remove(file);
}

}  // namespace
}  // namespace mdsc::mail
