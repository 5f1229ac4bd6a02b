#pragma once
// Certificate numbers: the year and 60 random bits in Crockford's base32 (no I, L, O, U), in
// groups of four, e.g. "MDSC-2017-7K3M-Q9PX-2HRT". Random rather than sequential, so that knowing
// one certificate tells nothing of another's number (the public verify page is rate-limited too).
#include <cstdint>
#include <string>
#include <string_view>

namespace mdsc::certificates {

std::string new_number(std::int64_t fiscal_year);
// Whether text has the shape of a number (the verify page answers anything else at once).
bool well_formed_number(std::string_view text);

}  // namespace mdsc::certificates
