#pragma once
// Internal to the Gate.io REST parsers (included by .cpp files only, never by public headers):
// reading one simdjson on-demand value into one model member, with Gate's type leniencies.
//
// Leniencies, all deliberate (gateio-v4.md §3): decimals come as JSON strings or numbers and are
// parsed from the raw token text, never through double; integers come as numbers or as strings
// holding an integer; ids come as strings or integers. Everything else is strict.

#include <simdjson.h>

#include <boost/system/result.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/decimal.hpp"

namespace tradelink::gateio::detail {

namespace ondemand = simdjson::ondemand;

/// Why a value could not be decoded: where (a path relative to the value being decoded, such as
/// "perms[0].name"; empty for the value itself) and what, phrased to follow "field `path` " or
/// "response " ("is missing", "is not a string (got number)").
struct FieldError {
  std::string path;
  std::string problem;
};

/// Success, or the first FieldError met.
using Decoded = boost::system::result<void, FieldError>;

/// A failure at the value itself (empty path).
[[nodiscard]] Decoded fail(std::string problem);
/// A simdjson error while reading: "malformed JSON (<simdjson message>)".
[[nodiscard]] Decoded malformed(simdjson::error_code error);
/// `error` seen inside member `key` of an object: "key.path" (or "key[i]..." for list paths).
[[nodiscard]] FieldError prefixed(FieldError error, std::string_view key);

/// Reads the value's JSON type; a malformed token gives a FieldError.
[[nodiscard]] Decoded read_type(ondemand::value& value, ondemand::json_type& type);
/// "object", "array", "number", "string", "boolean", "null".
[[nodiscard]] std::string_view type_name(ondemand::json_type type) noexcept;
/// "is not <what> (got <type>)".
[[nodiscard]] Decoded wrong_type(std::string_view what, ondemand::json_type type);

// Required members: JSON null is an error ("is null"). Optional members: null and absence give
// std::nullopt. Containers: null gives an empty container.

Decoded read(ondemand::value& value, core::Decimal& out);
/// An empty string also gives std::nullopt (Gate sends "" for "no value" in places).
Decoded read(ondemand::value& value, std::optional<core::Decimal>& out);
Decoded read(ondemand::value& value, std::string& out);
Decoded read(ondemand::value& value, std::optional<std::string>& out);
Decoded read(ondemand::value& value, std::int64_t& out);
Decoded read(ondemand::value& value, std::optional<std::int64_t>& out);
Decoded read(ondemand::value& value, bool& out);
Decoded read(ondemand::value& value, std::optional<bool>& out);
/// A JSON array of strings.
Decoded read(ondemand::value& value, std::vector<std::string>& out);
Decoded read(ondemand::value& value, std::optional<std::vector<std::string>>& out);

/// An identifier sent as a JSON string or as a JSON integer (kept as its digits, exactly).
Decoded read_id(ondemand::value& value, std::string& out);
Decoded read_id(ondemand::value& value, std::optional<std::string>& out);

}  // namespace tradelink::gateio::detail
