#pragma once
// The set-up most module tests share: a fresh migrated database in which the secretariat's clerk
// exists, and the test's own rows, written in the same transaction right after hers.
//
//   class Exams : public testing::DatabaseWithClerk {
//    protected:
//     void seed(db::Conn& c) override { trainee_ = testing::insert_user(c, ...); ... }
//   };
#include <gtest/gtest.h>

#include <cstdint>
#include <memory>

#include "support/admissions_fixture.h"
#include "support/test_db.h"

namespace mdsc::testing {

class DatabaseWithClerk : public ::testing::Test {
 protected:
  explicit DatabaseWithClerk(std::size_t pool_size = 8) : pool_size_(pool_size) {}

  void SetUp() override {
    db_ = fresh_database(true, pool_size_);
    db_->write([&](db::Conn& c) {
      clerk_ = insert_clerk(c);
      seed(c);
    });
  }
  // The test's rows.
  virtual void seed(db::Conn& c) = 0;

  std::unique_ptr<db::Database> db_;
  std::int64_t clerk_ = 0;

 private:
  std::size_t pool_size_;
};

}  // namespace mdsc::testing
