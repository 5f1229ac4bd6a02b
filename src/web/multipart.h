#pragma once
// multipart/form-data read from the temporary file the transport streamed the body into.
// Text fields go to the form (each at most 64 KiB); files are copied into their own temporary
// files (the caller deletes them after the response).
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "web/context.h"

namespace mdsc::web {

// The boundary parameter of a Content-Type header, or "" if it is not multipart/form-data.
std::string multipart_boundary(std::string_view content_type);

Status parse_multipart(const std::string& body_path, const std::string& boundary,
                       const std::string& temp_dir, Form& form, std::vector<Upload>& uploads);

}  // namespace mdsc::web
