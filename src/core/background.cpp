#include "core/background.h"

namespace mdsc {

BackgroundTasks::~BackgroundTasks() {
  stopping_ = true;
  std::list<Slot> all;
  {
    std::lock_guard lock(mu_);
    all.swap(slots_);
  }
  for (auto& s : all)
    if (s.thread.joinable()) s.thread.join();
}

void BackgroundTasks::reap_locked() {
  for (auto it = slots_.begin(); it != slots_.end();) {
    if (it->done) {
      it->thread.join();
      it = slots_.erase(it);
    } else {
      ++it;
    }
  }
}

void BackgroundTasks::spawn(Task task) {
  std::lock_guard lock(mu_);
  reap_locked();
  auto& slot = slots_.emplace_back();
  slot.thread = std::thread([this, &slot, task = std::move(task)] {
    try {
      task(stopping_);
    } catch (...) {
      // A task reports its own failures; nothing may escape a thread.
    }
    slot.done = true;
  });
}

void BackgroundTasks::wait_idle() {
  std::list<Slot> all;
  {
    std::lock_guard lock(mu_);
    all.swap(slots_);
  }
  for (auto& s : all)
    if (s.thread.joinable()) s.thread.join();
}

}  // namespace mdsc
