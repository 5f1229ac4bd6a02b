#include "core/crypto.h"

#include <gtest/gtest.h>
#include <sodium.h>

#include <set>

namespace mdsc::crypto {
namespace {

TEST(Crypto, PasswordRoundTrip) {
  init();
  const std::string h = hash_password("correct horse 電池 staple");
  EXPECT_EQ(h.rfind("$argon2id$", 0), 0u) << h;
  EXPECT_TRUE(verify_password("correct horse 電池 staple", h));
  EXPECT_FALSE(verify_password("correct horse 電池 stapler", h));
  EXPECT_FALSE(verify_password("", h));
  EXPECT_FALSE(verify_password("x", ""));
  EXPECT_FALSE(verify_password("x", "not a hash"));
  EXPECT_FALSE(password_needs_rehash(h));
  EXPECT_NE(hash_password("same"), hash_password("same"));  // salted
}

TEST(Crypto, WeakerHashNeedsRehash) {
  init();
  char weak[crypto_pwhash_STRBYTES];
  ASSERT_EQ(crypto_pwhash_str_alg(weak, "pw", 2, crypto_pwhash_OPSLIMIT_MIN,
                                  crypto_pwhash_MEMLIMIT_MIN, crypto_pwhash_ALG_ARGON2ID13),
            0);
  EXPECT_TRUE(verify_password("pw", weak));
  EXPECT_TRUE(password_needs_rehash(weak));
  EXPECT_TRUE(password_needs_rehash("garbage"));
}

TEST(Crypto, RandomTokens) {
  std::set<std::string> seen;
  for (int i = 0; i < 200; ++i) {
    auto tok = random_token();
    EXPECT_EQ(tok.size(), 43u);  // 32 bytes, base64 without padding
    EXPECT_EQ(tok.find_first_not_of(
                  "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
              std::string::npos)
        << tok;
    seen.insert(tok);
  }
  EXPECT_EQ(seen.size(), 200u);
  EXPECT_EQ(random_token(16).size(), 22u);
  EXPECT_EQ(random_token(1).size(), 2u);
}

TEST(Crypto, TokenHash) {
  // BLAKE2b-256 of "abc" (RFC 7693 test vectors are for 512; this is libsodium's 32-byte output).
  EXPECT_EQ(token_hash("abc"), "bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319");
  EXPECT_EQ(token_hash("abc").size(), 64u);
  EXPECT_NE(token_hash("abc"), token_hash("abd"));
}

TEST(Crypto, MacDependsOnKeyAndMessage) {
  const std::string key32(32, 'k');
  EXPECT_EQ(mac_hex(key32, "m").size(), 64u);
  EXPECT_EQ(mac_hex(key32, "m"), mac_hex(key32, "m"));
  EXPECT_NE(mac_hex(key32, "m"), mac_hex(std::string(32, 'j'), "m"));
  EXPECT_NE(mac_hex(key32, "m"), mac_hex(key32, "n"));
  EXPECT_NE(mac_hex(key32, "m"), token_hash("m"));
  // Keys outside BLAKE2b's 16..64 bytes are hashed first, and still matter.
  EXPECT_NE(mac_hex("short", "m"), mac_hex("shorT", "m"));
  EXPECT_NE(mac_hex(std::string(100, 'a'), "m"), mac_hex(std::string(100, 'b'), "m"));
  EXPECT_EQ(mac_hex("", "m").size(), 64u);
}

TEST(Crypto, ConstantTimeEqual) {
  EXPECT_TRUE(equal("abc", "abc"));
  EXPECT_FALSE(equal("abc", "abd"));
  EXPECT_FALSE(equal("abc", "abcd"));
  EXPECT_TRUE(equal("", ""));
  EXPECT_FALSE(equal("", "a"));
}

}  // namespace
}  // namespace mdsc::crypto
