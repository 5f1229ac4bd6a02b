#include <gtest/gtest.h>

#include "db/database.h"
#include "db/internal.h"
#include "db/url.h"

namespace {

using mdsc::db::to_named_placeholders;

TEST(Placeholders, NumbersEachQuestionMark) {
  EXPECT_EQ(to_named_placeholders("SELECT a FROM t WHERE b = ? AND c IN (?, ?)"),
            "SELECT a FROM t WHERE b = :p1 AND c IN (:p2, :p3)");
  EXPECT_EQ(to_named_placeholders("SELECT 1"), "SELECT 1");
}

TEST(Placeholders, LeavesQuotesAndCommentsAlone) {
  EXPECT_EQ(to_named_placeholders("SELECT '?', ? FROM t"), "SELECT '?', :p1 FROM t");
  EXPECT_EQ(to_named_placeholders("SELECT 'it''s ?', ?"), "SELECT 'it''s ?', :p1");
  EXPECT_EQ(to_named_placeholders("SELECT \"we?rd\" FROM t WHERE x = ?"),
            "SELECT \"we?rd\" FROM t WHERE x = :p1");
  EXPECT_EQ(to_named_placeholders("SELECT ? -- why?\n, ?"), "SELECT :p1 -- why?\n, :p2");
  EXPECT_EQ(to_named_placeholders("SELECT /* ? */ ?"), "SELECT /* ? */ :p1");
  EXPECT_EQ(to_named_placeholders("SELECT $$a?b$$, $x$?$x$, ?"), "SELECT $$a?b$$, $x$?$x$, :p1");
  EXPECT_EQ(to_named_placeholders("SELECT 'unterminated ?"), "SELECT 'unterminated ?");
}

TEST(Placeholders, PostgresForm) {
  int n = 0;
  EXPECT_EQ(mdsc::db::detail::rewrite_placeholders("UPDATE t SET a = ? WHERE b = '?' AND c = ?", "$", &n),
            "UPDATE t SET a = $1 WHERE b = '?' AND c = $2");
  EXPECT_EQ(n, 2);
}

std::string conninfo(const std::string& url) {
  return std::get<mdsc::db::detail::PgTarget>(mdsc::db::detail::parse_url(url)).conninfo;
}

TEST(Url, Postgres) {
  EXPECT_EQ(conninfo("postgresql://alice:s%40cret@db.example:6543/mdsc"),
            "user='alice' password='s@cret' host='db.example' port='6543' dbname='mdsc'");
  EXPECT_EQ(conninfo("postgres://bob@/mdsc?host=/run/pg%20sock&sslmode=disable"),
            "user='bob' dbname='mdsc' host='/run/pg sock' sslmode='disable'");
  EXPECT_EQ(conninfo("postgresql://[::1]:5432/x"), "host='::1' port='5432' dbname='x'");
  EXPECT_EQ(conninfo("postgresql://h/x?host=/tmp"), "host='/tmp' dbname='x'");  // query wins
  EXPECT_EQ(conninfo("postgresql://u:it's\\@h/d"), "user='u' password='it\\'s\\\\' host='h' dbname='d'");
  EXPECT_EQ(conninfo("postgresql://"), "");
}

TEST(Url, Sqlite) {
  using mdsc::db::detail::SqliteTarget;
  EXPECT_EQ(std::get<SqliteTarget>(mdsc::db::detail::parse_url("sqlite:data/x.db")).path, "data/x.db");
  EXPECT_EQ(std::get<SqliteTarget>(mdsc::db::detail::parse_url("sqlite:///abs/x.db")).path, "/abs/x.db");
}

TEST(Url, Rejects) {
  EXPECT_THROW(mdsc::db::detail::parse_url("mysql://x"), mdsc::db::Error);
  EXPECT_THROW(mdsc::db::detail::parse_url("sqlite:"), mdsc::db::Error);
  EXPECT_THROW(mdsc::db::detail::parse_url("postgresql://h/d?x"), mdsc::db::Error);
  EXPECT_THROW(mdsc::db::detail::parse_url("postgresql://h/d%zz"), mdsc::db::Error);
}

}  // namespace
