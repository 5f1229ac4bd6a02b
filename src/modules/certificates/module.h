#pragma once
// Certificates (修了認定証, issue 11): issued with the co-issuing academic society when the
// society signs off a confirmed completion; numbered, signed (Ed25519 over canonical JSON),
// printed as a bilingual PDF, verifiable by anyone at /verify/{number}, revocable, and offered as
// an Open Badges 3.0 credential.
#include "web/registry.h"

namespace mdsc::certificates {
void register_module(web::Registry& registry);
}  // namespace mdsc::certificates
