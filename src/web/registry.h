#pragma once
// What modules contribute to the application: routes, navigation entries, dashboard panels,
// daily jobs and event subscribers. Modules are listed explicitly in app/modules.cpp.
#include <functional>
#include <string>
#include <vector>

#include "db/database.h"
#include "nlohmann/json.hpp"
#include "web/router.h"

namespace mdsc::web {

struct NavItem {
  std::string label_id;  // catalogue id
  std::string href;
  Access access;
  int order = 100;
};

struct DashboardPanel {
  std::string title_id;
  Access access;
  // Returns HTML rendered by our own templates (escaped there).
  std::function<std::string(Context&)> render;
  int order = 100;
};

// A job that must run once per Asia/Tokyo day, whichever instance gets there first.
struct DailyJob {
  std::string name;
  std::function<void(db::Database&, std::int64_t now)> run;
};

class Registry {
 public:
  Router& router() { return router_; }
  const Router& router() const { return router_; }
  void route(Route r) { router_.add(std::move(r)); }
  // A page (HTML errors) and an API route (JSON errors), in the request's unit of work (`tx`).
  void html(const char* method, const char* pattern, Access access, HandlerFn fn, Tx tx = Tx::automatic) {
    Route r{method, pattern, RouteKind::html, std::move(access), std::move(fn)};
    r.tx = tx;
    route(std::move(r));
  }
  void api(const char* method, const char* pattern, Access access, HandlerFn fn, Tx tx = Tx::automatic) {
    Route r{method, pattern, RouteKind::json, std::move(access), std::move(fn)};
    r.tx = tx;
    route(std::move(r));
  }
  void nav(NavItem item) { nav_.push_back(std::move(item)); }
  void panel(DashboardPanel p) { panels_.push_back(std::move(p)); }
  void daily(DailyJob j) { jobs_.push_back(std::move(j)); }

  const std::vector<NavItem>& nav_items() const { return nav_; }
  const std::vector<DashboardPanel>& panels() const { return panels_; }
  const std::vector<DailyJob>& daily_jobs() const { return jobs_; }

 private:
  Router router_;
  std::vector<NavItem> nav_;
  std::vector<DashboardPanel> panels_;
  std::vector<DailyJob> jobs_;
};

}  // namespace mdsc::web
