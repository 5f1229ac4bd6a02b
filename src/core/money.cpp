// Yen amounts. Whole yen only: the yen has no minor unit in practice, and invoices round once
// per invoice before any amount reaches here.
#include <string>

#include "core/i18n.h"
#include "core/money.h"

namespace mdsc::i18n {
namespace {
// Magnitude as unsigned so that INT64_MIN does not overflow on negation.
std::string grouped_magnitude(std::uint64_t n) {
  std::string digits = std::to_string(n);
  std::string out;
  out.reserve(digits.size() + digits.size() / 3);
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::uint64_t magnitude(std::int64_t n) {
  return n < 0 ? 0 - static_cast<std::uint64_t>(n) : static_cast<std::uint64_t>(n);
}
}  // namespace

std::string grouped(std::int64_t n) {
  return (n < 0 ? "-" : "") + grouped_magnitude(magnitude(n));
}

// The sign goes before the symbol (-¥1,000), as Japanese invoices and accounting software write it.
std::string yen(std::int64_t amount) {
  return (amount < 0 ? "-¥" : "¥") + grouped_magnitude(magnitude(amount));
}

}  // namespace mdsc::i18n

namespace mdsc::money {

std::optional<std::int64_t> add(std::int64_t a, std::int64_t b) {
  std::int64_t r;
  if (__builtin_add_overflow(a, b, &r)) return std::nullopt;
  return r;
}

std::optional<std::int64_t> sub(std::int64_t a, std::int64_t b) {
  std::int64_t r;
  if (__builtin_sub_overflow(a, b, &r)) return std::nullopt;
  return r;
}

std::optional<std::int64_t> mul(std::int64_t a, std::int64_t b) {
  std::int64_t r;
  if (__builtin_mul_overflow(a, b, &r)) return std::nullopt;
  return r;
}

std::optional<std::int64_t> negate(std::int64_t a) { return sub(0, a); }

}  // namespace mdsc::money
