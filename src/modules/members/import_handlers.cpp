#include <fstream>
#include <sstream>

#include "core/i18n.h"
#include "modules/members/company_csv.h"
#include "modules/members/handlers.h"
#include "modules/members/operations.h"
#include "modules/members/repo.h"
#include "platform/units.h"
#include "web/flash_redirect.h"
#include "web/render.h"

namespace mdsc::members::handlers {
namespace {

constexpr std::int64_t kImportKeepSeconds = 3600;

Response show_preview(Context& ctx, const ImportPreview& p, std::int64_t import_id, int status) {
  auto rows = nlohmann::json::array();
  int bad = 0;
  for (const auto& r : p.rows) {
    auto errors = nlohmann::json::array();
    for (const auto& [field, fe] : r.errors)
      errors.push_back({{"column", ctx.t("org." + field)}, {"message", ctx.t(fe.message_id, fe.args)}});
    if (!r.errors.empty()) ++bad;
    rows.push_back({{"line", r.line}, {"name", r.company.name}, {"type", ctx.t("company_type." + r.company.company_type)},
                    {"corporate_number", r.company.corporate_number},
                    {"employees", r.company.employee_count ? i18n::grouped(*r.company.employee_count) : ""},
                    {"errors", errors}, {"ok", r.errors.empty()}});
  }
  auto file_errors = nlohmann::json::array();
  for (const auto& fe : p.file_errors) file_errors.push_back(ctx.t(fe.message_id, fe.args));
  nlohmann::json d{{"rows", rows}, {"file_errors", file_errors}, {"valid", p.valid()},
                   {"count", p.rows.size()}, {"bad", bad},
                   {"confirm_action", "/companies/import/" + std::to_string(import_id) + "/confirm"}};
  return web::page(ctx, "members/import_preview.html", "import.preview_title", d, status);
}

}  // namespace

Response import_form(Context& ctx) {
  auto cols = nlohmann::json::array();
  for (const auto& key : company_csv_columns()) cols.push_back({{"key", key}, {"label", ctx.t("org." + key)}});
  return web::page(ctx, "members/import.html", "import.title", {{"columns", cols}});
}

Response import_upload(Context& ctx) {
  if (ctx.uploads.empty() || ctx.uploads.front().size == 0)
    return web::page(ctx, "members/import.html", "import.title", {{"error", ctx.t("import.no_file")}}, 422);
  std::ifstream in(ctx.uploads.front().path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string bytes = ss.str();
  std::string today = i18n::tokyo_date_iso(ctx.now());
  // Tx::none: the file is checked in a read-only unit, and only kept in a write (on SQLite a
  // write transaction would hold every other writer while a large file is read).
  auto preview = platform::in_unit(ctx, false,
                                   [&](Context& ctx) { return preview_company_import(ctx.work().conn, bytes, today); });
  if (!preview.valid()) return show_preview(ctx, preview, 0, 422);
  // Keep the file for the confirmation, decoded, in the database: any instance may receive it.
  std::string utf8 = companies_to_csv([&] {
    std::vector<Organization> list;
    for (const auto& r : preview.rows) list.push_back(r.company);
    return list;
  }(), "ja");
  auto id = platform::in_unit(ctx, true, [&](Context& ctx) {
    return repo::keep_pending_import(ctx.work().conn, ctx.user_id(), utf8, ctx.now(), ctx.now() - kImportKeepSeconds);
  });
  return show_preview(ctx, preview, id, 200);
}

Response import_confirm(Context& ctx) {
  std::int64_t id = ctx.id_param("id");
  std::string today = i18n::tokyo_date_iso(ctx.now());
  // All rows or none: taken, checked again and written in one transaction. Tx::none: a refused
  // confirmation still commits, so that the import it took is gone (confirmed at most once).
  return platform::in_unit(ctx, true, [&](Context& ctx) -> Response {
    Work& w = ctx.work();
    auto content = repo::take_pending_import(w.conn, id, ctx.user_id(), ctx.now() - kImportKeepSeconds);
    if (!content) return web::error(ctx, Status(Code::not_found, "import.expired"));
    auto preview = preview_company_import(w.conn, *content, today);
    // Companies changed since the preview: the file must be uploaded and checked again.
    if (!preview.valid()) return web::error(ctx, Status(Code::conflict, "import.changed"));
    for (const auto& r : preview.rows) {
      auto created = create_organization(w, r.company);
      if (!created) throw std::runtime_error("import row failed after validation");
    }
    return web::redirect_with_success(ctx, "import.done", "/companies");
  });
}

Response companies_csv(Context& ctx) {
  repo::OrgQuery q;
  q.kind = "company";
  q.limit = 100000;
  auto list = repo::organizations(ctx.work().conn, q);
  return web::csv_download(companies_to_csv(list, ctx.lang == "en" ? "en" : "ja"), "companies.csv");
}

}  // namespace mdsc::members::handlers
