#pragma once
// A refusal's field errors as one value, so that a test says every message it expects at once
// and a field refused that it did not expect fails it too.
//
//   EXPECT_EQ(testing::field_messages(r.status()), (FieldMessages{{"email", "validation.email"}}));
#include <map>
#include <string>

#include "core/result.h"

namespace mdsc::testing {

using FieldMessages = std::map<std::string, std::string>;

// Field name → the message id the refusal shows beside it.
inline FieldMessages field_messages(const Status& s) {
  FieldMessages out;
  for (const auto& [name, error] : s.fields()) out.emplace(name, error.message_id);
  return out;
}

}  // namespace mdsc::testing
