// The year's certificates for the secretariat and the promotion office (with the signed-off
// completions still awaiting one), a trainee's own; issuing, revoking, and the three downloads.
#include "core/i18n.h"
#include "modules/certificates/document.h"
#include "modules/certificates/handlers.h"
#include "modules/certificates/keys.h"
#include "modules/certificates/operations.h"
#include "modules/certificates/pdf.h"
#include "modules/certificates/repo.h"
#include "modules/completion.h"
#include "platform/identity/repo.h"
#include "platform/work.h"
#include "web/fiscal_years.h"
#include "web/flash_redirect.h"
#include "web/form_values.h"
#include "web/render.h"

namespace mdsc::certificates::handlers {
namespace {

bool is_office(const Context& ctx) {
  return ctx.user && (ctx.user->has(web::Role::secretariat) || ctx.user->has(web::Role::promotion_office));
}

std::string href_of(const Certificate& c) { return "/certificates/" + std::to_string(c.id); }

nlohmann::json row_of(const Context& ctx, const Certificate& c, bool can_revoke) {
  std::int64_t noon = 0;
  i18n::tokyo_to_unix(c.issued_on, "12:00:00", noon);
  return {{"id", c.id},
          {"number", c.number},
          {"name", ctx.lang == "en" ? c.name_en : c.name},
          {"fy", i18n::fiscal_year_display(ctx.lang, static_cast<int>(c.fiscal_year))},
          {"issued_on", i18n::format_date(ctx.lang, noon)},
          {"revoked", c.revoked()},
          {"revoked_text",
           c.revoked() ? ctx.t("certificates.revoked_on", {{"date", i18n::format_date(ctx.lang, c.revoked_at)}}) : ""},
          {"revoke_reason", c.revoke_reason},
          {"pdf", href_of(c) + "/certificate.pdf"},
          {"file", href_of(c) + "/certificate.json"},
          {"badge", href_of(c) + "/badge.jwt"},
          {"verify", "/verify/" + c.number},
          {"revoke_action", href_of(c) + "/revoke"},
          {"can_revoke", can_revoke && !c.revoked()}};
}

Response page(Context& ctx, int fy, const Status& st, int status) {
  auto& conn = ctx.work().conn;
  const bool office = is_office(ctx);
  const bool can_edit = ctx.user->has(web::Role::secretariat);
  auto rows = nlohmann::json::array();
  const auto list = office ? repo::of_year(conn, fy) : repo::of_user(conn, ctx.user_id());
  for (const auto& c : list) rows.push_back(row_of(ctx, c, can_edit));
  auto awaiting = nlohmann::json::array();
  if (office) {
    for (const auto& k : completion::signed_off_of_year(conn, fy)) {
      if (repo::valid_of_completion(conn, k.id)) continue;
      const auto u = identity::repo::user_by_id(conn, k.user_id);
      awaiting.push_back({{"completion_id", k.id},
                          {"name", u ? u->display_name(ctx.lang) : ""},
                          {"signed_at", i18n::format_date(ctx.lang, k.signed_off_at)}});
    }
  }
  nlohmann::json d{{"office", office},
                   {"rows", rows},
                   {"has_rows", !rows.empty()},
                   {"awaiting", awaiting},
                   {"has_awaiting", !awaiting.empty()},
                   {"can_edit", can_edit},
                   {"issue_action", "/certificates?fy=" + std::to_string(fy)},
                   {"key_hint", ctx.t("certificates.key_hint", {{"url", "/.well-known/jwks.json"}})},
                   {"form", web::form_state(ctx, st)}};
  if (office) d["fy"] = web::fiscal_year_nav(ctx, "/certificates", fy);
  return web::page(ctx, "certificates/list.html", "certificates.title", d, status);
}

// The certificate of the path, if the reader may see it (else nullopt: answered 404).
std::optional<Certificate> visible(Context& ctx) {
  auto c = repo::by_id(ctx.work().conn, ctx.id_param("id"));
  if (!c || !may_see(ctx, *c)) return std::nullopt;
  return c;
}

Response download(std::string body, const char* type, const std::string& filename) {
  Response r;
  r.body = std::move(body);
  r.set_header("Content-Type", type);
  r.set_header("Content-Disposition", "attachment; filename=\"" + filename + "\"");
  r.set_header("Cache-Control", "private, no-store");
  return r;
}

}  // namespace

bool may_see(const Context& ctx, const Certificate& c) { return is_office(ctx) || ctx.user_id() == c.user_id; }

// Without ?fy=, the current year; if it has no certificate yet, nor any awaiting one, the latest
// year that has (mid-year, the office sees the last cohort's rather than an empty list).
Response list_page(Context& ctx) {
  int fy = web::requested_fiscal_year(ctx);
  if (!ctx.query.has("fy") && is_office(ctx)) {
    auto& conn = ctx.work().conn;
    const auto latest = repo::latest_year(conn);
    if (latest && *latest < fy && completion::signed_off_of_year(conn, fy).empty()) fy = static_cast<int>(*latest);
  }
  return page(ctx, fy, Status::ok(), 200);
}

Response issue_submit(Context& ctx) {
  const int fy = web::requested_fiscal_year(ctx);
  Status st;
  const auto completion_id = web::read_number(ctx.form.trimmed("completion_id"), "completion_id", st);
  if (!completion_id)
    return page(ctx, fy, st ? Status::invalid().field("completion_id", "validation.required") : st, 422);
  auto r = issue(ctx.work(), *completion_id);
  if (!r) return page(ctx, fy, r.status(), http_status(r.status().code()));
  return web::redirect_with_success(ctx, "certificates.issued", "/certificates?fy=" + std::to_string(fy));
}

Response revoke_submit(Context& ctx) {
  const auto c = repo::by_id(ctx.work().conn, ctx.id_param("id"));
  if (!c) return web::not_found(ctx);
  const int fy = static_cast<int>(c->fiscal_year);
  Status st = revoke(ctx.work(), c->id, ctx.form.trimmed("reason"));
  if (!st) return page(ctx, fy, st, http_status(st.code()));
  return web::redirect_with_success(ctx, "certificates.revoked", "/certificates?fy=" + std::to_string(fy));
}

Response pdf_download(Context& ctx) {
  const auto c = visible(ctx);
  if (!c) return web::not_found(ctx);
  return download(render_pdf(*c, verify_url(ctx.services.config.base_url, c->number)), "application/pdf",
                  c->number + ".pdf");
}

Response file_download(Context& ctx) {
  const auto c = visible(ctx);
  if (!c) return web::not_found(ctx);
  const auto key = signing_key(ctx.work().conn);
  return download(file_of(*c, key.public_key).dump(2, ' ', false) + "\n", "application/json; charset=utf-8",
                  c->number + ".json");
}

Response badge_download(Context& ctx) {
  const auto c = visible(ctx);
  if (!c) return web::not_found(ctx);
  return download(badge_jwt(*c, ctx.services.config.base_url, signing_key(ctx.work().conn)), "application/jwt",
                  c->number + ".jwt");
}

}  // namespace mdsc::certificates::handlers
