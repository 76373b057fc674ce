#pragma once
// The engine's money arithmetic divides 128-bit magnitudes by 64-bit divisors (a Decimal's raw
// units by a grid step, a lot count or 10^18): core's native 128-by-64 division, under the
// engine's names.

#include "core/wide_division.hpp"

namespace tradelink::sandbox::money {

using Wide = core::detail::Uint128;
using core::divide;
using core::half_even_rounds_up;
using core::multiply_divide;
using core::WideQuotient;

}  // namespace tradelink::sandbox::money
