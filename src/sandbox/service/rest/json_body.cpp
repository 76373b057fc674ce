#include "sandbox/service/rest/json_body.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include <charconv>

namespace tradelink::sandbox::rest {
namespace {

constexpr std::size_t max_json_depth = 32;

std::optional<std::int64_t> parse_int(std::string_view text) {
  std::int64_t value = 0;
  auto const [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

std::string shown(boost::json::value const& value) {
  if (value.is_string()) return std::string(value.get_string());
  std::string text = boost::json::serialize(value);
  if (text.size() > 64) text.resize(64);
  return text;
}

}  // namespace

Checked<boost::json::object> parse_body_object(std::string_view body) {
  if (body.find_first_not_of(" \t\r\n") == std::string_view::npos) return boost::json::object{};
  boost::system::error_code error;
  boost::json::parse_options options;
  options.max_depth = max_json_depth;
  boost::json::value value = boost::json::parse(body, error, {}, options);
  if (error) {
    return refusal("INVALID_REQUEST_BODY", "Request body is not valid JSON: " + error.message());
  }
  if (!value.is_object()) return refusal("INVALID_REQUEST_BODY", "Request body must be a JSON object");
  return std::move(value.as_object());
}

Checked<std::optional<std::string>> BodyReader::optional_string(std::string_view name) const {
  auto const* value = object_.if_contains(name);
  if (value == nullptr || value->is_null()) return std::optional<std::string>{};
  if (!value->is_string()) return invalid_param(name, shown(*value));
  return std::optional<std::string>(std::string(value->get_string()));
}

Checked<std::string> BodyReader::required_string(std::string_view name) const {
  auto text = optional_string(name);
  if (!text) return text.error();
  if (!*text) return missing_param(name);
  return std::move(**text);
}

Checked<std::optional<core::Decimal>> BodyReader::optional_decimal(std::string_view name) const {
  auto const* value = object_.if_contains(name);
  if (value == nullptr || value->is_null()) return std::optional<core::Decimal>{};
  std::string text;
  if (value->is_string()) {
    text = std::string(value->get_string());
  } else if (value->is_number()) {
    text = boost::json::serialize(*value);
  } else {
    return invalid_param(name, shown(*value));
  }
  auto decimal = core::Decimal::parse(text);
  if (!decimal) return invalid_param(name, text);
  return std::optional<core::Decimal>(*decimal);
}

Checked<core::Decimal> BodyReader::required_decimal(std::string_view name) const {
  auto decimal = optional_decimal(name);
  if (!decimal) return decimal.error();
  if (!*decimal) return missing_param(name);
  return **decimal;
}

Checked<std::optional<std::int64_t>> BodyReader::optional_int(std::string_view name) const {
  auto const* value = object_.if_contains(name);
  if (value == nullptr || value->is_null()) return std::optional<std::int64_t>{};
  if (value->is_int64()) return std::optional<std::int64_t>(value->get_int64());
  if (value->is_uint64() && value->get_uint64() <= static_cast<std::uint64_t>(INT64_MAX)) {
    return std::optional<std::int64_t>(static_cast<std::int64_t>(value->get_uint64()));
  }
  if (value->is_string()) {
    if (auto parsed = parse_int(value->get_string())) return std::optional<std::int64_t>(*parsed);
  }
  return invalid_param(name, shown(*value));
}

Checked<std::int64_t> BodyReader::required_int(std::string_view name) const {
  auto number = optional_int(name);
  if (!number) return number.error();
  if (!*number) return missing_param(name);
  return Checked<std::int64_t>(boost::system::in_place_value, **number);
}

Checked<std::optional<bool>> BodyReader::optional_bool(std::string_view name) const {
  auto const* value = object_.if_contains(name);
  if (value == nullptr || value->is_null()) return std::optional<bool>{};
  if (value->is_bool()) return std::optional<bool>(value->get_bool());
  if (value->is_string() && (value->get_string() == "true" || value->get_string() == "false")) {
    return std::optional<bool>(value->get_string() == "true");
  }
  return invalid_param(name, shown(*value));
}

Checked<std::optional<std::int64_t>> query_int(Params const& query, std::string_view name) {
  auto const text = query.get(name);
  if (!text) return std::optional<std::int64_t>{};
  if (auto parsed = parse_int(*text)) return std::optional<std::int64_t>(*parsed);
  return invalid_param(name, *text);
}

Checked<std::optional<core::Decimal>> query_decimal(Params const& query, std::string_view name) {
  auto const text = query.get(name);
  if (!text) return std::optional<core::Decimal>{};
  auto decimal = core::Decimal::parse(*text);
  if (!decimal) return invalid_param(name, *text);
  return std::optional<core::Decimal>(*decimal);
}

Checked<std::optional<bool>> query_bool(Params const& query, std::string_view name) {
  auto const text = query.get(name);
  if (!text) return std::optional<bool>{};
  if (*text == "true" || *text == "1") return std::optional<bool>(true);
  if (*text == "false" || *text == "0") return std::optional<bool>(false);
  return invalid_param(name, *text);
}

Checked<std::string_view> query_required(Params const& query, std::string_view name) {
  auto const text = query.get(name);
  if (!text || text->empty()) return missing_param(name);
  return *text;
}

}  // namespace tradelink::sandbox::rest
