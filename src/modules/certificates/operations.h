#pragma once
// The certificates module's changes, each in the caller's unit of work (issue: in the face).
#include <cstdint>
#include <string>

#include "core/result.h"
#include "modules/certificates.h"
#include "platform/work.h"

namespace mdsc::certificates {

// Revokes a certificate with a reason (required, at most 500 characters), audited with before
// and after; once (conflict certificates.already_revoked after).
Status revoke(Work& w, std::int64_t certificate_id, const std::string& reason);

}  // namespace mdsc::certificates
