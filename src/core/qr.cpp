#include "core/qr.h"

#include <qrencode.h>

namespace mdsc::qr {

std::optional<Code> encode(std::string_view text) {
  QRcode* q = QRcode_encodeData(static_cast<int>(text.size()), reinterpret_cast<const unsigned char*>(text.data()), 0,
                                QR_ECLEVEL_M);
  if (!q) return std::nullopt;
  Code code;
  code.width = q->width;
  for (int r = 0; r < q->width; ++r) {
    for (int c = 0; c < q->width;) {
      if (!(q->data[r * q->width + c] & 1)) {
        ++c;
        continue;
      }
      const int start = c;
      while (c < q->width && (q->data[r * q->width + c] & 1)) ++c;
      code.runs.push_back({r, start, c - start});
    }
  }
  QRcode_free(q);
  return code;
}

}  // namespace mdsc::qr
