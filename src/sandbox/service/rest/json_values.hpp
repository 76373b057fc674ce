#pragma once
// How the sandbox prints values in Gate's REST JSON (gateio-v4.md §3): money as exact decimal
// strings without exponent, times in whole seconds or milliseconds as Gate types each field,
// and the serialised reply. Shared by the spot, market and account renderers.

#include <boost/json/string.hpp>
#include <boost/json/value.hpp>

#include <string>

#include "core/decimal.hpp"
#include "sandbox/engine/types.hpp"
#include "sandbox/service/rest/rest_types.hpp"

namespace tradelink::sandbox::rest {

/// `value` as Gate prints amounts: a JSON string, shortest exact form ("0.001", "65000", "0").
[[nodiscard]] boost::json::string decimal_text(core::Decimal value);
/// Whole Unix seconds of `time_ms` ("1700000002"), Gate's `create_time` of spot objects.
[[nodiscard]] boost::json::string seconds_text(TimeMs time_ms);
/// Unix milliseconds with Gate's three fractional (microsecond) digits: "1700000010123.000",
/// the `create_time_ms` of spot trades (the sandbox clock has millisecond resolution).
[[nodiscard]] boost::json::string millis_text(TimeMs time_ms);
/// Floor of `time_ms` / 1000.
[[nodiscard]] std::int64_t whole_seconds(TimeMs time_ms) noexcept;

/// `value` serialised as the reply body with `status` (200, or 201 for created orders).
[[nodiscard]] RestReply json_reply(boost::json::value const& value, unsigned status = 200);

}  // namespace tradelink::sandbox::rest
