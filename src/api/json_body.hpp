#pragma once
// Reading a request's JSON body: one object, fields read by name with their type checked.
// Errors carry the API's stable codes (api.bad_json, api.invalid_field) and name the field.

#include <boost/json/object.hpp>

#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace tradelink::api {

class JsonBody {
 public:
  /// Parses `text` as one JSON object. Errors: api.bad_json.
  [[nodiscard]] static core::Result<JsonBody> parse(std::string_view text);

  /// A required string field. Errors: api.invalid_field when missing or not a string.
  [[nodiscard]] core::Result<std::string> required_string(std::string_view name) const;
  /// An optional string field (absent or null: nullopt). Errors: api.invalid_field.
  [[nodiscard]] core::Result<std::optional<std::string>> optional_string(
      std::string_view name) const;

 private:
  explicit JsonBody(boost::json::object object) : object_(std::move(object)) {}
  boost::json::object object_;
};

}  // namespace tradelink::api
