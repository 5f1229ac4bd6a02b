#pragma once
// A QR code (libqrencode, error correction M) as the runs of dark modules of each row, for
// drawing it as vector shapes: the invoice PDF's verification code, the check-in page's code.
#include <optional>
#include <string_view>
#include <vector>

namespace mdsc::qr {

struct Run {
  int row = 0, col = 0, length = 0;  // in modules, without the quiet zone
};

struct Code {
  int width = 0;  // modules per side
  std::vector<Run> runs;
};

// nullopt when the text is too long for a QR code (over about 2,000 bytes).
std::optional<Code> encode(std::string_view text);

}  // namespace mdsc::qr
