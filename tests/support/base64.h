#pragma once
// Decoding what a test reads back in base64 (a mail's body, its encoded-word subject): the mail
// code only encodes, so the tests decode with libsodium directly.
#include <gtest/gtest.h>
#include <sodium.h>

#include <string>

#include "core/crypto.h"

namespace mdsc::testing {

// Standard base64 (line breaks ignored) to bytes; a malformed text fails the test.
inline std::string unbase64(const std::string& text) {
  crypto::init();
  std::string out(text.size(), '\0');
  std::size_t len = 0;
  EXPECT_EQ(sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(), text.size(),
                              "\r\n", &len, nullptr, sodium_base64_VARIANT_ORIGINAL),
            0);
  out.resize(len);
  return out;
}

}  // namespace mdsc::testing
