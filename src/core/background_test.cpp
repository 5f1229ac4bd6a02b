#include "core/background.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

namespace mdsc {
namespace {

// A task that runs until told to stop still ends when its owner goes: the destructor tells it
// and waits, so nothing it uses is destroyed under it.
TEST(BackgroundTasks, TheDestructorStopsAndJoinsEveryTask) {
  std::atomic<int> started{0}, finished{0};
  {
    BackgroundTasks tasks;
    for (int i = 0; i < 3; ++i)
      tasks.spawn([&](const std::atomic<bool>& stopping) {
        ++started;
        while (!stopping) std::this_thread::yield();
        ++finished;
      });
    while (started < 3) std::this_thread::yield();
    EXPECT_EQ(finished, 0);
  }
  EXPECT_EQ(finished, 3);
}

TEST(BackgroundTasks, AThrowingTaskDoesNotTakeTheProcessDown) {
  BackgroundTasks tasks;
  std::atomic<bool> ran{false};
  tasks.spawn([](const std::atomic<bool>&) { throw std::runtime_error("boom"); });
  tasks.spawn([&](const std::atomic<bool>&) { ran = true; });
  tasks.wait_idle();
  EXPECT_TRUE(ran);
}

}  // namespace
}  // namespace mdsc
