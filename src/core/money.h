#pragma once
// Whole-yen amounts: the one bound on every amount a person types (fees, agreed extra fees,
// payments) and arithmetic that reports overflow instead of wrapping. Signed overflow is undefined
// behaviour in C++, so every sum or product of money goes through these and an overflow becomes an
// error value the caller turns into a refusal. Formatting (¥1,000) is in core/i18n.h.
#include <cstdint>
#include <optional>

namespace mdsc::money {

// ¥100,000,000 per amount: fifty times the largest annual fee of the prospectus (¥2,000,000), far
// below where a sum of a few hundred such amounts, or one times a tax rate, could overflow int64.
inline constexpr std::int64_t kMaxAmount = 100'000'000;

// 0 ≤ amount ≤ kMaxAmount.
constexpr bool within_limit(std::int64_t amount) { return amount >= 0 && amount <= kMaxAmount; }

// nullopt when the exact result does not fit in int64.
std::optional<std::int64_t> add(std::int64_t a, std::int64_t b);
std::optional<std::int64_t> sub(std::int64_t a, std::int64_t b);
std::optional<std::int64_t> mul(std::int64_t a, std::int64_t b);
std::optional<std::int64_t> negate(std::int64_t a);  // nullopt only for INT64_MIN

}  // namespace mdsc::money
