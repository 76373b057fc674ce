#pragma once
// Typed reading of request bodies and query parameters, refusing bad input the way Gate does:
// INVALID_REQUEST_BODY for JSON that does not parse or is not an object, MISSING_REQUIRED_PARAM
// and INVALID_PARAM_VALUE (naming the field) for absent or ill-typed fields. Amounts are read
// exactly, from JSON strings ("0.001") or numbers.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <boost/json/object.hpp>

#include "core/decimal.hpp"
#include "sandbox/service/rest/rest_types.hpp"

namespace tradelink::sandbox::rest {

/// The body as a JSON object; an empty body is an empty object.
[[nodiscard]] Checked<boost::json::object> parse_body_object(std::string_view body);

class BodyReader {
 public:
  explicit BodyReader(boost::json::object const& object) noexcept : object_(object) {}

  [[nodiscard]] Checked<std::string> required_string(std::string_view name) const;
  [[nodiscard]] Checked<std::optional<std::string>> optional_string(std::string_view name) const;
  [[nodiscard]] Checked<core::Decimal> required_decimal(std::string_view name) const;
  [[nodiscard]] Checked<std::optional<core::Decimal>> optional_decimal(std::string_view name) const;
  /// An integer given as a JSON integer or an integral string.
  [[nodiscard]] Checked<std::int64_t> required_int(std::string_view name) const;
  [[nodiscard]] Checked<std::optional<std::int64_t>> optional_int(std::string_view name) const;
  [[nodiscard]] Checked<std::optional<bool>> optional_bool(std::string_view name) const;

  [[nodiscard]] boost::json::object const& object() const noexcept { return object_; }

 private:
  boost::json::object const& object_;
};

/// Query parameters read with the same rules.
[[nodiscard]] Checked<std::optional<std::int64_t>> query_int(Params const& query,
                                                             std::string_view name);
[[nodiscard]] Checked<std::optional<core::Decimal>> query_decimal(Params const& query,
                                                                  std::string_view name);
[[nodiscard]] Checked<std::optional<bool>> query_bool(Params const& query, std::string_view name);
[[nodiscard]] Checked<std::string_view> query_required(Params const& query, std::string_view name);

}  // namespace tradelink::sandbox::rest
