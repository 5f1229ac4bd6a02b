#pragma once
// A QR code as an inline SVG image (vector: sharp on a projector and on a phone's camera).
#include <string>
#include <string_view>

namespace mdsc::attendance {

// The SVG markup of `text` as a QR code with a quiet zone, `title` as its accessible name; ""
// when the text is too long for a QR code. The text is only encoded, never written into the markup.
std::string qr_svg(std::string_view text, std::string_view title);

}  // namespace mdsc::attendance
