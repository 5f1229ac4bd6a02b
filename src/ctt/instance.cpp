#include "ctt/instance.h"

#include <unordered_map>

namespace mdsc::ctt {

int Instance::course_index(std::string_view name) const {
  for (std::size_t i = 0; i < courses.size(); ++i)
    if (courses[i].name == name) return static_cast<int>(i);
  return -1;
}

int Instance::room_index(std::string_view name) const {
  for (std::size_t i = 0; i < rooms.size(); ++i)
    if (rooms[i].name == name) return static_cast<int>(i);
  return -1;
}

int Instance::total_lectures() const {
  int n = 0;
  for (const auto& c : courses) n += c.lectures;
  return n;
}

void Instance::index_teachers() {
  teachers.clear();
  std::unordered_map<std::string, int> index;
  for (auto& c : courses) {
    auto [it, fresh] = index.emplace(c.teacher, static_cast<int>(teachers.size()));
    if (fresh) teachers.push_back(c.teacher);
    c.teacher_index = it->second;
  }
  unavailable.resize(courses.size() * static_cast<std::size_t>(periods()), 0);
}

}  // namespace mdsc::ctt
