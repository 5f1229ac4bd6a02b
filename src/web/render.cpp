#include "web/render.h"

#include <algorithm>
#include <charconv>

#include "web/registry.h"
#include "web/static_files.h"
#include "web/templates.h"

namespace mdsc::web {
namespace {

std::string switch_lang_href(const Context& ctx, std::string_view to) {
  std::string href = ctx.req.path + "?";
  for (const auto& [k, v] : ctx.query.pairs()) {
    if (k == "lang") continue;
    href += url_encode(k) + "=" + url_encode(v) + "&";
  }
  href += "lang=" + std::string(to);
  return href;
}

nlohmann::json layout_data(Context& ctx, std::string_view title_id) {
  nlohmann::json d;
  d["lang"] = ctx.lang == "qqx" ? "ja" : ctx.lang;
  d["title"] = ctx.t(title_id);
  d["site_name"] = ctx.t("site.name");
  d["css"] = asset_url("app.css");
  d["js"] = asset_url("app.js");
  d["icon"] = asset_url("favicon.svg");
  d["csrf"] = ctx.csrf_token;
  d["is_ja"] = ctx.lang != "en";
  d["switch_href"] = switch_lang_href(ctx, ctx.lang == "en" ? "ja" : "en");
  d["switch_label"] = ctx.lang == "en" ? "日本語" : "English";
  d["switch_lang"] = ctx.lang == "en" ? "ja" : "en";
  auto nav = nlohmann::json::array();
  std::vector<const NavItem*> items;
  for (const auto& item : ctx.services.registry.nav_items())
    if (item.access.allows(ctx.user)) items.push_back(&item);
  std::stable_sort(items.begin(), items.end(),
                   [](const NavItem* a, const NavItem* b) { return a->order < b->order; });
  for (const auto* item : items) {
    bool current = ctx.req.path == item->href ||
                   (item->href != "/" && ctx.req.path.rfind(item->href + "/", 0) == 0);
    nav.push_back({{"label", ctx.t(item->label_id)}, {"href", item->href}, {"current", current}});
  }
  d["nav"] = nav;
  d["has_nav"] = !nav.empty();
  if (ctx.user) {
    d["user"] = {{"name", ctx.user->display_name.empty() ? ctx.user->email : ctx.user->display_name}};
  }
  // A demo database shows one day of the consortium's past (docs/decisions/0014): every page says which.
  if (const auto day = ctx.services.clock.demo_day(); !day.empty()) {
    std::int64_t noon = 0;
    if (i18n::tokyo_to_unix(day, "12:00:00", noon))
      d["demo"] = ctx.t("layout.demo_banner", {{"date", i18n::format_date(ctx.lang, noon)}});
  }
  if (ctx.flash) {
    d["flash"] = {{"kind", ctx.flash->kind}, {"message", ctx.t(ctx.flash->message_id)},
                  {"is_error", ctx.flash->kind == "error"}};
  }
  return d;
}

void no_store(http::Response& r) { r.set_header("Cache-Control", "no-store"); }

}  // namespace

http::Response page(Context& ctx, std::string_view tmpl, std::string_view title_id, nlohmann::json data,
                    int status) {
  data["csrf"] = ctx.csrf_token;
  data["lang"] = ctx.lang;
  auto layout = layout_data(ctx, title_id);
  if (!data.contains("title")) data["title"] = layout["title"];
  else layout["title"] = data["title"];
  // A page that shows work in progress reloads itself (no script needed).
  if (data.contains("refresh_seconds")) layout["refresh"] = data["refresh_seconds"];
  layout["content"] = render_template(tmpl, ctx.lang, data);
  http::Response r;
  r.status = status;
  r.body = render_template("layout/base.html", ctx.lang, layout);
  r.set_header("Content-Type", "text/html; charset=utf-8");
  no_store(r);
  return r;
}

std::string safe_local_path(std::string_view s) {
  if (s.empty() || s[0] != '/' || (s.size() > 1 && (s[1] == '/' || s[1] == '\\'))) return "";
  for (char c : s) {
    auto u = static_cast<unsigned char>(c);
    if (u < 0x21 || u == 0x7f || c == '\\' || c == '"' || c == '<' || c == '>') return "";
  }
  return std::string(s);
}

http::Response redirect(Context&, std::string location) {
  http::Response r;
  r.status = 303;
  std::string safe = safe_local_path(location);
  r.set_header("Location", safe.empty() ? "/" : safe);
  no_store(r);
  return r;
}

http::Response csv_download(std::string body, const std::string& filename) {
  http::Response res;
  res.body = std::move(body);
  res.set_header("Content-Type", "text/csv; charset=utf-8");
  res.set_header("Content-Disposition", "attachment; filename=\"" + filename + "\"");
  res.set_header("Cache-Control", "no-store");
  return res;
}

http::Response json(int status, const nlohmann::json& body) {
  http::Response r;
  r.status = status;
  r.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  r.set_header("Content-Type", "application/json; charset=utf-8");
  no_store(r);
  return r;
}

nlohmann::json api_error_body(const Context& ctx, const Status& status) {
  nlohmann::json fields = nlohmann::json::object();
  for (const auto& [name, fe] : status.fields()) fields[name] = ctx.t(fe.message_id, fe.args);
  return {{"error",
           {{"code", code_name(status.code())},
            {"message", ctx.t(status.message_id(), status.args())},
            {"fields", fields}}}};
}

http::Response error(Context& ctx, const Status& status) {
  int code = http_status(status.code());
  if (ctx.is_api()) return json(code, api_error_body(ctx, status));
  nlohmann::json d;
  d["status"] = code;
  d["message"] = ctx.t(status.message_id(), status.args());
  d["heading"] = ctx.t("error.heading." + std::to_string(code == 422 ? 400 : code));
  return page(ctx, "layout/error.html", "error.title", d, code);
}

http::Response not_found(Context& ctx) { return error(ctx, Status::not_found()); }
http::Response forbidden(Context& ctx) { return error(ctx, Status::forbidden()); }

nlohmann::json form_state(const Context& ctx, const Status& status) {
  nlohmann::json values = nlohmann::json::object();
  for (const auto& [k, v] : ctx.form.pairs()) {
    if (k.rfind("password", 0) == 0 || k == "_csrf") continue;
    if (!values.contains(k)) values[k] = v;
  }
  nlohmann::json errors = nlohmann::json::object();
  for (const auto& [name, fe] : status.fields()) errors[name] = ctx.t(fe.message_id, fe.args);
  nlohmann::json out{{"values", values}, {"errors", errors}, {"has_errors", !status.is_ok()}};
  if (!status.is_ok()) out["summary"] = ctx.t(status.message_id(), status.args());
  return out;
}

PageRequest page_request(const Context& ctx) {
  auto num = [](const std::string& s, int dflt) {
    int v = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    return (ec != std::errc() || p != s.data() + s.size()) ? dflt : v;
  };
  PageRequest p;
  p.page = std::max(1, num(ctx.query.get("page"), 1));
  p.per_page = std::clamp(num(ctx.query.get("per_page"), 50), 1, 200);
  return p;
}

nlohmann::json paged(const PageRequest& p, long total, nlohmann::json items) {
  return {{"items", std::move(items)}, {"page", p.page}, {"per_page", p.per_page}, {"total", total}};
}

void pager(nlohmann::json& data, const PageRequest& p, long total, const std::string& base) {
  const long pages = std::max(1L, (total + p.per_page - 1) / p.per_page);
  data["page"] = p.page;
  data["pages"] = pages;
  if (p.page > 1) data["prev_href"] = base + "&page=" + std::to_string(p.page - 1);
  if (p.page < pages) data["next_href"] = base + "&page=" + std::to_string(p.page + 1);
}

}  // namespace mdsc::web
