#pragma once
// Long work started by a request (a timetable generation) runs on threads owned here, not
// detached: on shutdown `stopping` turns true and the destructor waits for every task, so no
// task outlives the database it writes to.
#include <atomic>
#include <functional>
#include <list>
#include <mutex>
#include <thread>

namespace mdsc {

class BackgroundTasks {
 public:
  using Task = std::function<void(const std::atomic<bool>& stopping)>;
  BackgroundTasks() = default;
  BackgroundTasks(const BackgroundTasks&) = delete;
  BackgroundTasks& operator=(const BackgroundTasks&) = delete;
  ~BackgroundTasks();

  void spawn(Task task);
  // Waits for the tasks running now (tests).
  void wait_idle();

 private:
  struct Slot {
    std::thread thread;
    std::atomic<bool> done{false};
  };
  void reap_locked();

  std::atomic<bool> stopping_{false};
  std::mutex mu_;
  std::list<Slot> slots_;
};

}  // namespace mdsc
