#include "core/background.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace mdsc {
namespace {

// A task that runs until told to stop still ends when its owner goes: the destructor tells it
// and waits, so nothing it uses is destroyed under it.
TEST(BackgroundTasks, TheDestructorStopsAndJoinsEveryTask) {
  // Deadlines that only keep a broken BackgroundTasks from hanging the suite.
  constexpr auto kHang = std::chrono::seconds(30);
  std::mutex mu;
  std::condition_variable cv;
  int started = 0;
  std::atomic<int> stopped{0}, gave_up{0};
  {
    BackgroundTasks tasks;
    for (int i = 0; i < 3; ++i)
      tasks.spawn([&](const std::atomic<bool>& stopping) {
        {
          std::lock_guard lock(mu);
          ++started;
        }
        cv.notify_all();
        // `stopping` is polled, as the real tasks (timetable generation) poll it between steps.
        const auto deadline = std::chrono::steady_clock::now() + kHang;
        while (!stopping && std::chrono::steady_clock::now() < deadline)
          std::this_thread::sleep_for(std::chrono::milliseconds(1));
        ++(stopping ? stopped : gave_up);
      });
    std::unique_lock lock(mu);
    ASSERT_TRUE(cv.wait_for(lock, kHang, [&] { return started == 3; })) << "the tasks did not all start";
    EXPECT_EQ(stopped + gave_up, 0) << "a task ended before its owner went";
  }
  EXPECT_EQ(stopped, 3) << "the destructor returned before every task had seen `stopping` and ended";
  EXPECT_EQ(gave_up, 0) << "a task was never told to stop";
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
