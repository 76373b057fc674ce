#include "api/json_body.hpp"

#include <boost/json/parse.hpp>

#include "api/api_error.hpp"

namespace tradelink::api {
namespace {

core::Error invalid_field(std::string_view name, std::string_view what) {
  return core::validation_error(std::string(error_code::invalid_field),
                                "field \"" + std::string(name) + "\" " + std::string(what));
}

}  // namespace

core::Result<JsonBody> JsonBody::parse(std::string_view text) {
  boost::system::error_code error;
  boost::json::value value = boost::json::parse(text, error);
  if (error) {
    return core::validation_error(std::string(error_code::bad_json),
                                  "the body is not valid JSON: " + error.message());
  }
  if (!value.is_object()) {
    return core::validation_error(std::string(error_code::bad_json),
                                  "the body must be a JSON object");
  }
  return JsonBody(std::move(value.as_object()));
}

core::Result<std::string> JsonBody::required_string(std::string_view name) const {
  auto value = optional_string(name);
  if (!value) return value.error();
  if (!*value) return invalid_field(name, "is required");
  return std::move(**value);
}

core::Result<std::optional<std::string>> JsonBody::optional_string(std::string_view name) const {
  auto const* value = object_.if_contains(name);
  if (value == nullptr || value->is_null()) return std::optional<std::string>{};
  if (!value->is_string()) return invalid_field(name, "must be a string");
  return std::optional<std::string>(std::string(value->as_string()));
}

}  // namespace tradelink::api
