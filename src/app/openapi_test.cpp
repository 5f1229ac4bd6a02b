// The OpenAPI document describes exactly the routes under /api/v1.
#include <gtest/gtest.h>

#include <algorithm>

#include "app/modules.h"
#include "core/resources.h"
#include "nlohmann/json.hpp"
#include "web/registry.h"

namespace mdsc {
namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

nlohmann::json document() {
  auto text = resources::read("openapi/openapi.json");
  EXPECT_TRUE(text.has_value());
  return nlohmann::json::parse(text.value_or("{}"));
}

TEST(OpenApi, EveryApiRouteIsDocumented) {
  web::Registry reg;
  app::register_modules(reg);
  auto doc = document();
  int api_routes = 0;
  for (const auto& r : reg.router().routes()) {
    if (r.pattern.rfind("/api/v1/", 0) != 0) continue;
    ++api_routes;
    ASSERT_TRUE(doc["paths"].contains(r.pattern)) << r.method << " " << r.pattern << " is not in openapi.json";
    EXPECT_TRUE(doc["paths"][r.pattern].contains(lower(r.method)))
        << r.method << " " << r.pattern << " is not in openapi.json";
  }
  EXPECT_GT(api_routes, 5);
}

TEST(OpenApi, EveryDocumentedOperationExists) {
  web::Registry reg;
  app::register_modules(reg);
  auto doc = document();
  for (auto p = doc["paths"].begin(); p != doc["paths"].end(); ++p) {
    for (auto m = p.value().begin(); m != p.value().end(); ++m) {
      std::string method = m.key();
      std::transform(method.begin(), method.end(), method.begin(), [](unsigned char c) { return std::toupper(c); });
      bool found = false;
      for (const auto& r : reg.router().routes())
        if (r.pattern == p.key() && r.method == method) found = true;
      EXPECT_TRUE(found) << method << " " << p.key() << " is documented but has no route";
    }
  }
}

TEST(OpenApi, IsAnOpenApi3Document) {
  auto doc = document();
  EXPECT_EQ(doc["openapi"].get<std::string>().substr(0, 2), "3.");
  EXPECT_TRUE(doc["components"]["schemas"].contains("Error"));
}

}  // namespace
}  // namespace mdsc
