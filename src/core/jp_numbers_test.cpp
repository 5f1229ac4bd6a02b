#include "core/jp_numbers.h"

#include <gtest/gtest.h>

#include "core/i18n.h"

namespace mdsc {
namespace {

TEST(CorporateNumber, CheckDigit) {
  // 国税庁 (National Tax Agency): 7000012050002. Worked by hand: the base 000012050002 read from
  // its lowest digit is 2,0,0,0,5,0,2,1,0,0,0,0; odd positions 2+5+2 = 9, even 0+0+0+1+0+0 = 1,
  // 9 + 2×1 = 11, 11 mod 9 = 2, 9 − 2 = 7.
  EXPECT_EQ(corporate_number_check_digit("000012050002"), 7);
  // A company's published number (4011001098993) and the worked example of the rule's commentary
  // (base 123456789012 → 74 mod 9 = 2 → 7).
  EXPECT_EQ(corporate_number_check_digit("011001098993"), 4);
  EXPECT_EQ(corporate_number_check_digit("123456789012"), 7);
  // A sum divisible by 9 gives 9, never 0.
  EXPECT_EQ(corporate_number_check_digit("000000000000"), 9);
  EXPECT_EQ(corporate_number_check_digit("000000000009"), 9);
  EXPECT_EQ(corporate_number_check_digit("00000000001"), -1);
  EXPECT_EQ(corporate_number_check_digit("00000000000a"), -1);
}

TEST(CorporateNumber, Check) {
  for (const char* ok :
       {"7000012050002", "4011001098993", "7123456789012", "9000000000000",
        "９００００００００００００", "7000-0120-50002", "７０００ ０１２０ ５０００２"})
    EXPECT_EQ(check_corporate_number(ok), "") << ok;
  EXPECT_EQ(check_corporate_number("8000012050002"), "validation.corporate_number_check");
  EXPECT_EQ(check_corporate_number("7000021050002"), "validation.corporate_number_check");  // swap
  EXPECT_EQ(check_corporate_number("0000012050002"), "validation.corporate_number_check");
  for (const char* bad : {"", "700001205000", "70000120500021", "700001205000A", "T7000012050002",
                          "7000012050002.", "７０００\xFF０１２０５０００２"})
    EXPECT_EQ(check_corporate_number(bad), "validation.corporate_number_format") << bad;
}

TEST(RegistrationNumber, Normalize) {
  EXPECT_EQ(normalize_registration_number("Ｔ７０００－０１２０－５０００２"), "T7000012050002");
  EXPECT_EQ(normalize_registration_number("t 7000 0120 50002"), "T7000012050002");
  EXPECT_EQ(normalize_registration_number("ｔ7000ー0120ー50002"), "T7000012050002");
  EXPECT_EQ(normalize_registration_number("T7000‐0120−50002\u3000"), "T7000012050002");
  EXPECT_EQ(normalize_registration_number("X12"), "X12");  // kept, for the check to refuse
  EXPECT_EQ(normalize_corporate_number("７０００ ０１２０ ５０００２"), "7000012050002");
}

TEST(RegistrationNumber, Check) {
  for (const char* ok : {"T7000012050002", "T4011001098993", "Ｔ７０００－０１２０－５０００２",
                         "t7000012050002", "T 7000 0120 50002"})
    EXPECT_EQ(check_registration_number(ok), "") << ok;
  EXPECT_EQ(check_registration_number("T8000012050002"), "validation.registration_number_check");
  EXPECT_EQ(check_registration_number("T4011001098994"), "validation.registration_number_check");
  for (const char* bad : {"", "T", "7000012050002", "T700001205000", "T70000120500021",
                          "TT7000012050002", "T700001205000X", "S7000012050002", "7000012050002T"})
    EXPECT_EQ(check_registration_number(bad), "validation.registration_number_format") << bad;
}

TEST(JpNumbers, MessagesInCatalogues) {
  for (const char* id :
       {"validation.corporate_number_format", "validation.corporate_number_check",
        "validation.registration_number_format", "validation.registration_number_check"})
    for (const char* lang : {"ja", "en"})
      EXPECT_TRUE(i18n::Catalog::instance().has(lang, id)) << lang << " " << id;
}

}  // namespace
}  // namespace mdsc
