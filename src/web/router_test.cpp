#include "web/router.h"

#include <gtest/gtest.h>

namespace mdsc::web {
namespace {

Route route(const char* method, const char* pattern) {
  return Route{method, pattern, RouteKind::html, Access::anyone(), nullptr};
}

TEST(Router, MatchesParametersAndPrefersLiterals) {
  Router r;
  r.add(route("GET", "/users/{id}"));
  r.add(route("GET", "/users/new"));
  r.add(route("POST", "/users/{id}/sessions/{sid}/end"));
  auto m = r.match("GET", "/users/42");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.route->pattern, "/users/{id}");
  EXPECT_EQ(m.params["id"], "42");
  auto n = r.match("GET", "/users/new");
  ASSERT_NE(n.route, nullptr);
  EXPECT_EQ(n.route->pattern, "/users/new");
  auto e = r.match("POST", "/users/7/sessions/9/end");
  ASSERT_NE(e.route, nullptr);
  EXPECT_EQ(e.params["sid"], "9");
}

TEST(Router, TellsNotFoundFromMethodNotAllowed) {
  Router r;
  r.add(route("GET", "/account"));
  r.add(route("POST", "/account"));
  auto m = r.match("DELETE", "/account");
  EXPECT_EQ(m.route, nullptr);
  EXPECT_EQ(m.allowed, (std::vector<std::string>{"GET", "POST"}));
  auto n = r.match("GET", "/nothing");
  EXPECT_EQ(n.route, nullptr);
  EXPECT_TRUE(n.allowed.empty());
}

TEST(Router, HeadUsesGetAndRootMatches) {
  Router r;
  r.add(route("GET", "/"));
  EXPECT_NE(r.match("HEAD", "/").route, nullptr);
  EXPECT_EQ(r.match("GET", "/x").route, nullptr);
}

TEST(Router, RefusesDuplicates) {
  Router r;
  r.add(route("GET", "/a/{x}"));
  EXPECT_THROW(r.add(route("GET", "/a/{y}")), std::logic_error);
}

TEST(Access, ChecksRoles) {
  Principal p;
  p.user_id = 1;
  p.roles = {{Role::instructor, "course", 3}};
  EXPECT_TRUE(Access::anyone().allows(std::nullopt));
  EXPECT_FALSE(Access::signed_in().allows(std::nullopt));
  EXPECT_TRUE(Access::signed_in().allows(p));
  EXPECT_FALSE(Access::roles({Role::secretariat}).allows(p));
  EXPECT_TRUE(Access::roles({Role::secretariat, Role::instructor}).allows(p));
  EXPECT_TRUE(p.has_scoped(Role::instructor, "course", 3));
  EXPECT_FALSE(p.has_scoped(Role::instructor, "course", 4));
}

}  // namespace
}  // namespace mdsc::web
