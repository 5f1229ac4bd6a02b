#pragma once
// The certificate as a one-page bilingual PDF (A4): title, the trainee's names, what is certified,
// the date, the consortium and the co-issuing society, and the verification address as text and
// as a QR code. Its wording is fixed here, like the invoice's: it is the document, not page text.
#include <string>

#include "modules/certificates/model.h"

namespace mdsc::certificates {

// Throws std::runtime_error if cairo fails.
std::string render_pdf(const Certificate& c, const std::string& verify_url);

}  // namespace mdsc::certificates
