#include "modules/attendance/qr_svg.h"

#include <qrencode.h>

#include "web/templates.h"

namespace mdsc::attendance {

std::string qr_svg(std::string_view text, std::string_view title) {
  QRcode* qr = QRcode_encodeData(static_cast<int>(text.size()), reinterpret_cast<const unsigned char*>(text.data()), 0,
                                 QR_ECLEVEL_M);
  if (!qr) return "";
  const int quiet = 4, size = qr->width + 2 * quiet;
  std::string path;
  for (int r = 0; r < qr->width; ++r) {
    for (int c = 0; c < qr->width;) {
      if (!(qr->data[r * qr->width + c] & 1)) {
        ++c;
        continue;
      }
      const int start = c;
      while (c < qr->width && (qr->data[r * qr->width + c] & 1)) ++c;
      path += "M" + std::to_string(start + quiet) + " " + std::to_string(r + quiet) + "h" + std::to_string(c - start) +
              "v1h-" + std::to_string(c - start) + "z";
    }
  }
  QRcode_free(qr);
  const std::string n = std::to_string(size);
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + n + " " + n +
         "\" class=\"qr\" role=\"img\" shape-rendering=\"crispEdges\"><title>" + web::html_escape(title) +
         "</title><rect width=\"" + n + "\" height=\"" + n + "\" fill=\"#fff\"/><path d=\"" + path + "\" fill=\"#000\"/></svg>";
}

}  // namespace mdsc::attendance
