#pragma once
// Waiting in black-box tests for what the server does in its own time: a background run that
// ends, a mail the dispatcher writes after the commit. Nothing announces these to a test, so it
// asks again until the answer comes; the pause between questions only paces the asking (it
// grows from 1 ms to 50 ms), and the deadline only stops a broken server from hanging the suite:
// a slow machine makes the wait longer, never the test fail.
#include <algorithm>
#include <chrono>
#include <thread>

namespace mdsc::testing {

constexpr std::chrono::seconds kHangDeadline{120};

// Calls done() until it returns true (then true) or the deadline passes (then false).
template <typename F>
bool wait_until(F&& done, std::chrono::steady_clock::duration deadline = kHangDeadline) {
  const auto until = std::chrono::steady_clock::now() + deadline;
  for (auto pause = std::chrono::milliseconds(1);; pause = std::min(pause * 2, std::chrono::milliseconds(50))) {
    if (done()) return true;
    if (std::chrono::steady_clock::now() >= until) return false;
    std::this_thread::sleep_for(pause);
  }
}

}  // namespace mdsc::testing
