#pragma once
// In-process events between modules, delivered in the publisher's transaction: when one module
// must react to another's change (an application declined gives its seat back), the reaction
// happens with the change or not at all. Subscribers are wired once, at start-up, in app/
// (modules do not know each other's subscribers); a subscriber that throws rolls everything back.
#include <functional>
#include <map>
#include <typeindex>
#include <vector>

namespace mdsc {
struct Work;
}

namespace mdsc::events {

class Bus {
 public:
  template <typename E>
  void on(std::function<void(Work&, const E&)> fn) {
    subscribers_[std::type_index(typeid(E))].push_back(
        [fn = std::move(fn)](Work& w, const void* e) { fn(w, *static_cast<const E*>(e)); });
  }
  // Calls every subscriber of E in the order they subscribed.
  template <typename E>
  void publish(Work& w, const E& event) const {
    auto it = subscribers_.find(std::type_index(typeid(E)));
    if (it == subscribers_.end()) return;
    for (const auto& fn : it->second) fn(w, &event);
  }

 private:
  std::map<std::type_index, std::vector<std::function<void(Work&, const void*)>>> subscribers_;
};

}  // namespace mdsc::events
