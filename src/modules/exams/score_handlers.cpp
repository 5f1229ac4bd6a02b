// An exam's scores: one form with a field per trainee and attempt, the sheet to fill in (CSV),
// and its import: the file is read and every row checked, the preview lists each bad row with
// the reason, and only a file without one can be confirmed (the confirmation posts the scores
// to the same form's action: all or nothing).
#include <fstream>
#include <map>
#include <sstream>

#include "modules/attendance.h"
#include "modules/exams/handlers.h"
#include "modules/exams/operations.h"
#include "modules/exams/repo.h"
#include "modules/exams/score_sheet.h"
#include "nlohmann/json.hpp"
#include "platform/work.h"
#include "web/flash_redirect.h"
#include "web/render.h"

namespace mdsc::exams::handlers {
namespace {

std::string exam_href(std::int64_t id) { return "/exams/" + std::to_string(id); }
std::string field_name(std::int64_t user_id, std::int64_t attempt) {
  return "score." + std::to_string(user_id) + "." + std::to_string(attempt);
}

nlohmann::json exam_view(Context& ctx, const Exam& e, const curriculum::Course& course) {
  return {{"id", e.id},
          {"title", e.title},
          {"held_on", e.held_on},
          {"max_score", e.max_score},
          {"pass_mark", e.pass_mark},
          {"retake_allowed", e.retake_allowed},
          {"requires_attendance", e.requires_attendance},
          {"course", course.code + " " + course.title(ctx.lang)},
          {"course_href", "/courses/" + std::to_string(course.id) + "/exams"},
          {"href", exam_href(e.id)}};
}

// The form's rows: every trainee of the course, their attendance, and a field per attempt that
// shows what was typed (after a refusal) or what is stored.
Response page(Context& ctx, const Exam& e, const curriculum::Course& course, const Status& st, int status) {
  auto& c = ctx.work().conn;
  std::map<std::pair<std::int64_t, std::int64_t>, ExamResult> stored;
  for (const auto& r : repo::results_of_exam(c, e.id)) stored[{r.user_id, r.attempt}] = r;
  const auto form = web::form_state(ctx, st);
  const std::int64_t at = e.day_ends_at() ? std::min(e.day_ends_at(), ctx.now()) : ctx.now();
  const bool can_grade = grades(ctx, course.id);
  auto standings = attendance::standings_of_course(c, course.id, at);
  auto rows = nlohmann::json::array();
  for (const auto& t : curriculum::roster(c, course.id)) {
    const auto& standing = standings[t.user_id];
    nlohmann::json row{{"name", t.name},
                       {"kana", t.kana},
                       {"user_id", t.user_id},
                       {"rate", standing.held ? std::to_string(standing.rate_percent()) + "%" : "—"},
                       {"ineligible", e.requires_attendance && standing.below()}};
    auto attempts = nlohmann::json::array();
    for (std::int64_t a = 1; a <= (e.retake_allowed ? 2 : 1); ++a) {
      const std::string name = field_name(t.user_id, a);
      const auto it = stored.find({t.user_id, a});
      std::string value = it == stored.end() ? "" : std::to_string(it->second.score);
      if (form["values"].contains(name)) value = form["values"][name].get<std::string>();
      nlohmann::json cell{{"name", name},
                          {"id", "f-" + std::to_string(t.user_id) + "-" + std::to_string(a)},
                          {"value", value},
                          {"attempt", a}};
      if (it != stored.end()) cell["result"] = ctx.t(it->second.passed ? "exams.passed" : "exams.failed");
      if (form["errors"].contains(name)) cell["error"] = form["errors"][name];
      attempts.push_back(std::move(cell));
    }
    row["attempts"] = attempts;
    rows.push_back(std::move(row));
  }
  nlohmann::json d{{"exam", exam_view(ctx, e, course)},
                   {"rows", rows},
                   {"can_grade", can_grade},
                   {"action", exam_href(e.id) + "/scores"},
                   {"import_action", exam_href(e.id) + "/import"},
                   {"csv_href", exam_href(e.id) + "/scores.csv"},
                   {"form", form}};
  return web::page(ctx, "exams/exam.html", "exams.exam_title", d, status);
}

// Field errors "row.<i>" of check_scores, renamed to the form's field of entry i.
Status on_fields(const Status& st, const std::vector<ScoreEntry>& entries) {
  if (st.fields().empty()) return st;
  Status out = Status::invalid("exams.some_scores_refused");
  for (const auto& [key, fe] : st.fields()) {
    const std::size_t i = std::stoul(key.substr(4));
    out.field(field_name(entries[i].user_id, entries[i].attempt), fe.message_id, fe.args);
  }
  return out;
}

// The scores typed on the form (or carried by the import's confirmation): every non-empty field
// score.<user>.<attempt>.
std::vector<ScoreEntry> entries_of_form(const Context& ctx) {
  std::vector<ScoreEntry> out;
  for (const auto& [k, v] : ctx.form.pairs()) {
    if (k.rfind("score.", 0) != 0) continue;
    const auto dot = k.find('.', 6);
    if (dot == std::string::npos) continue;
    const std::string user = k.substr(6, dot - 6), attempt = k.substr(dot + 1);
    if (user.empty() || user.size() > 15 || user.find_first_not_of("0123456789") != std::string::npos) continue;
    if (attempt != "1" && attempt != "2") continue;
    const std::string score = web::trim(v);
    if (score.empty()) continue;
    out.push_back({std::stoll(user), attempt == "2" ? 2 : 1, score, 0});
  }
  return out;
}

}  // namespace

Response exam_show(Context& ctx) {
  auto found = visible_exam(ctx, ctx.id_param("id"));
  if (!found) return web::not_found(ctx);
  return page(ctx, found->first, found->second, Status::ok(), 200);
}

Response scores_submit(Context& ctx) {
  auto found = visible_exam(ctx, ctx.id_param("id"));
  if (!found || !grades(ctx, found->second.id)) return web::not_found(ctx);
  const auto entries = entries_of_form(ctx);
  auto r = enter_scores(ctx.work(), found->first.id, entries);
  if (!r) return page(ctx, found->first, found->second, on_fields(r.status(), entries), http_status(r.status().code()));
  return web::redirect_with_success(ctx, "exams.scores_saved", exam_href(found->first.id));
}

Response scores_csv(Context& ctx) {
  auto found = visible_exam(ctx, ctx.id_param("id"));
  if (!found) return web::not_found(ctx);
  auto& c = ctx.work().conn;
  return web::csv_download(
      score_sheet_csv(ctx.lang, curriculum::roster(c, found->second.id), repo::results_of_exam(c, found->first.id)),
      "scores-" + found->second.code + "-" + std::to_string(found->first.id) + ".csv");
}

Response import_preview(Context& ctx) {
  auto found = visible_exam(ctx, ctx.id_param("id"));
  if (!found || !grades(ctx, found->second.id)) return web::not_found(ctx);
  const auto& [exam, course] = *found;
  nlohmann::json d{{"exam", exam_view(ctx, exam, course)}, {"action", exam_href(exam.id) + "/scores"}};
  if (ctx.uploads.empty() || ctx.uploads.front().size == 0) {
    d["file_error"] = ctx.t("import.no_file");
    return web::page(ctx, "exams/import_preview.html", "exams.import_title", d, 422);
  }
  std::ifstream in(ctx.uploads.front().path, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  auto sheet = read_score_sheet(bytes.str(), curriculum::roster(ctx.work().conn, course.id));
  if (!sheet) {
    d["file_error"] = ctx.t(sheet.status().message_id(), sheet.status().args());
    return web::page(ctx, "exams/import_preview.html", "exams.import_title", d, 422);
  }
  const Status checked = sheet->entries.empty() ? Status::ok() : check_scores(ctx.work(), exam, sheet->entries);
  std::map<std::size_t, nlohmann::json> by_line;  // in file order
  for (std::size_t i = 0; i < sheet->entries.size(); ++i) {
    const auto& e = sheet->entries[i];
    nlohmann::json row{{"line", e.line},
                       {"name", sheet->names[i]},
                       {"attempt", e.attempt},
                       {"score", e.score},
                       {"field", field_name(e.user_id, e.attempt)}};
    if (auto f = checked.fields().find("row." + std::to_string(i)); f != checked.fields().end())
      row["error"] = ctx.t(f->second.message_id, f->second.args);
    by_line[e.line] = std::move(row);
  }
  for (const auto& [line, fe] : sheet->row_errors)
    by_line[line] = {{"line", line}, {"error", ctx.t(fe.message_id, fe.args)}};
  auto rows = nlohmann::json::array();
  int bad = 0;
  for (auto& [line, row] : by_line) {
    bad += row.contains("error") ? 1 : 0;
    rows.push_back(std::move(row));
  }
  d["has_rows"] = !rows.empty();
  d["rows"] = rows;
  d["bad"] = bad;
  d["count"] = rows.size();
  d["valid"] = bad == 0 && !sheet->entries.empty();
  if (sheet->entries.empty() && bad == 0) d["file_error"] = ctx.t("exams.no_scores");
  return web::page(ctx, "exams/import_preview.html", "exams.import_title", d, d["valid"] ? 200 : 422);
}

}  // namespace mdsc::exams::handlers
