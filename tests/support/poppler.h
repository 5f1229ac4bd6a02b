#pragma once
// PDFs read back as a reader would, with poppler's tools: text with pdftotext, embedded fonts
// with pdffonts, metadata with pdfinfo.
#include <string>

namespace mdsc::testing {

// What a poppler tool ("pdftotext -layout", "pdffonts", "pdfinfo") prints about the PDF, the
// arguments `after` following the file. The file is named after this process (ctest runs a suite
// once per database backend, in parallel). A tool that fails is a test failure.
std::string poppler(const std::string& tool, const std::string& pdf, const std::string& after = "");
// Text of the PDF as pdftotext -layout reads it: pages separated by form feeds.
std::string pdf_text(const std::string& pdf);

}  // namespace mdsc::testing
