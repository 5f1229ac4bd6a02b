#include "app/demo_support.h"

#include <stdexcept>

#include "core/i18n.h"

namespace mdsc::app::demo {

audit::Actor actor() { return audit::Actor::system("demo"); }

std::int64_t tokyo(const char* date, const char* time) {
  std::int64_t t = 0;
  if (!i18n::tokyo_to_unix(date, time, t)) throw std::runtime_error(std::string("demo date ") + date);
  return t;
}

void must(const Status& st, const std::string& what) {
  if (st) return;
  std::string detail = st.message_id();
  for (const auto& [f, e] : st.fields()) detail += " " + f + "=" + e.message_id;
  throw std::runtime_error("demo " + what + ": " + detail);
}

}  // namespace mdsc::app::demo
