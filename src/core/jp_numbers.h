#pragma once
// Japanese business numbers with a check digit.
//
// Corporate number (法人番号): 13 digits, the first being a check digit over the 12-digit base
// number (法人番号の指定等に関する省令 第2条):
//   check = 9 − ((Σ_{n=1..12} P_n × Q_n) mod 9)
//   P_n: the n-th digit of the base counted from its lowest digit; Q_n: 1 for odd n, 2 for even n.
// So the check digit is 1..9, never 0. E.g. the National Tax Agency itself: 7000012050002.
//
// Qualified invoice registration number (適格請求書発行事業者登録番号): "T" + 13 digits. For a
// corporation the digits are its corporate number; sole proprietors get another 13-digit number
// with the same check-digit rule.
//
// People copy these from PDFs and web pages, so the checks accept full-width digits and letters,
// hyphens (ASCII, Unicode dashes, full-width, and the ー that Japanese IMEs produce) and spaces;
// store what normalize_* returns.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace mdsc {

// The check digit (1..9) for a 12-digit base; -1 if base is not exactly 12 ASCII digits.
int corporate_number_check_digit(std::string_view base12);

// Full-width → ASCII, lower-case t → T, separators removed. Anything else is kept, so that the
// check below still refuses it. "Ｔ７０００－０１２０－５０００２" → "T7000012050002".
std::string normalize_registration_number(std::string_view s);
// The same without the T: "７０００ ０１２０ ５０００２" → "7000012050002".
std::string normalize_corporate_number(std::string_view s);

// "" when valid (after normalisation), otherwise the message id:
//   "validation.corporate_number_format"  not 13 digits
//   "validation.corporate_number_check"   the check digit does not match
std::string check_corporate_number(std::string_view s);
//   "validation.registration_number_format"  not T + 13 digits
//   "validation.registration_number_check"   the check digit does not match
std::string check_registration_number(std::string_view s);

// A whole number as people type and paste it: "2,000,000", "２，０００，０００", "¥500", "￥ 500".
// nullopt for "" or anything else.
std::optional<std::int64_t> parse_whole_number(std::string_view s);

}  // namespace mdsc
