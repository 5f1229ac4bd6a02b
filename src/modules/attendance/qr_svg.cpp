#include "modules/attendance/qr_svg.h"

#include "core/qr.h"
#include "web/templates.h"

namespace mdsc::attendance {

std::string qr_svg(std::string_view text, std::string_view title) {
  const auto qr = qr::encode(text);
  if (!qr) return "";
  const int quiet = 4, size = qr->width + 2 * quiet;
  std::string path;
  for (const auto& run : qr->runs)
    path += "M" + std::to_string(run.col + quiet) + " " + std::to_string(run.row + quiet) + "h" +
            std::to_string(run.length) + "v1h-" + std::to_string(run.length) + "z";
  const std::string n = std::to_string(size);
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + n + " " + n +
         "\" class=\"qr\" role=\"img\" shape-rendering=\"crispEdges\"><title>" + web::html_escape(title) +
         "</title><rect width=\"" + n + "\" height=\"" + n + "\" fill=\"#fff\"/><path d=\"" + path +
         "\" fill=\"#000\"/></svg>";
}

}  // namespace mdsc::attendance
