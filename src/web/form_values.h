#pragma once
// Numbers typed into forms.
#include <cstdint>
#include <optional>
#include <string>

#include "core/result.h"

namespace mdsc::web {

// A whole number as people type it ("2,000,000", "２０００", "¥500"): nullopt for "" (after
// trimming), and a field error (validation.number) for anything else.
std::optional<std::int64_t> read_number(const std::string& text, const std::string& field, Status& st);

}  // namespace mdsc::web
