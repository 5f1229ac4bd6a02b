// Ed25519 over canonical JSON: a signature verifies with the key it was made with, and fails
// after one byte of the document, of the signature or of the key is changed.
#include "core/signing.h"

#include <gtest/gtest.h>

namespace mdsc::signing {
namespace {

TEST(Signing, CanonicalJsonSortsMembersAtEveryDepthAndKeepsUtf8) {
  const auto j = nlohmann::json::parse(R"({"name":"金沢 太郎","year":2017,"a":{"z":1,"b":[true,null]}})");
  EXPECT_EQ(canonical(j), R"({"a":{"b":[true,null],"z":1},"name":"金沢 太郎","year":2017})");
  EXPECT_THROW(canonical(nlohmann::json{{"score", 1.5}}), std::invalid_argument);
}

TEST(Signing, ASignatureVerifiesAndOneChangedByteBreaksIt) {
  const KeyPair k = generate();
  EXPECT_EQ(public_key_of(k.secret_key), k.public_key);
  const std::string doc = canonical({{"number", "MDSC-2017-ABCD"}, {"name", "金沢 太郎"}, {"year", 2017}});
  const std::string sig = sign(doc, k.secret_key);
  EXPECT_TRUE(verify(doc, sig, k.public_key));
  for (std::size_t i = 0; i < doc.size(); ++i) {
    std::string changed = doc;
    changed[i] = static_cast<char>(changed[i] ^ 0x01);
    EXPECT_FALSE(verify(changed, sig, k.public_key)) << "byte " << i;
  }
  auto raw = *from_base64url(sig);
  raw[10] = static_cast<char>(raw[10] ^ 0x80);
  EXPECT_FALSE(verify(doc, base64url(raw), k.public_key)) << "a changed signature";
  EXPECT_FALSE(verify(doc, sig, generate().public_key)) << "another key";
  EXPECT_FALSE(verify(doc, "not base64!", k.public_key));
  EXPECT_FALSE(verify(doc, sig, "short"));
  EXPECT_THROW(sign(doc, "short"), std::invalid_argument);
}

// RFC 8032 test 1: the seed 9d61...7f60 has the public key d75a...511a; RFC 8037 appendix A.3
// gives that key's JWK thumbprint.
TEST(Signing, ASeedGivesItsKnownKeyAndThumbprint) {
  std::string seed;
  const std::string hex = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
  for (std::size_t i = 0; i < hex.size(); i += 2)
    seed.push_back(static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16)));
  const KeyPair k = from_seed(seed);
  EXPECT_EQ(k.public_key, "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo");
  EXPECT_EQ(jwk_thumbprint(k.public_key), "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k");
  EXPECT_EQ(jwk(k.public_key)["kid"], jwk_thumbprint(k.public_key));
  EXPECT_EQ(from_seed(seed).secret_key, k.secret_key) << "the same seed, the same key";
  EXPECT_THROW(from_seed("short"), std::invalid_argument);
}

TEST(Signing, Base64UrlRoundTripsAndRefusesOtherAlphabets) {
  const std::string bytes("\x00\xff\xfe?>", 5);
  EXPECT_EQ(from_base64url(base64url(bytes)), bytes);
  EXPECT_EQ(base64url(bytes).find_first_of("+/="), std::string::npos);
  EXPECT_FALSE(from_base64url("ab+/"));
}

}  // namespace
}  // namespace mdsc::signing
