#include "sandbox/service/rest/spot_amend_body.hpp"

#include "sandbox/service/rest/json_body.hpp"

namespace tradelink::sandbox::rest {
namespace {

/// Body member `name` as a string, else the query parameter of that name.
Checked<std::optional<std::string>> body_or_query(BodyReader const& reader, Params const& query,
                                                  std::string_view name) {
  auto value = reader.optional_string(name);
  if (!value) return value.error();
  if (*value) return value;
  if (auto const given = query.get(name)) return std::optional<std::string>(std::string(*given));
  return std::optional<std::string>{};
}

}  // namespace

SpotOrderAmendment SpotAmendBody::amendment() const noexcept {
  return SpotOrderAmendment{.amount = amount, .price = price, .amend_text = amend_text};
}

Checked<SpotAmendBody> parse_spot_amend_body(std::string_view body, Params const& query) {
  auto const object = parse_body_object(body);
  if (!object) return object.error();
  BodyReader const reader(*object);
  SpotAmendBody out;

  auto pair = body_or_query(reader, query, "currency_pair");
  if (!pair) return pair.error();
  if (!*pair || (*pair)->empty()) return missing_param("currency_pair");
  out.currency_pair = std::move(**pair);

  auto const account = body_or_query(reader, query, "account");
  if (!account) return account.error();
  if (*account && **account != "spot") return invalid_param("account", **account);

  auto const amount = reader.optional_decimal("amount");
  if (!amount) return amount.error();
  out.amount = *amount;
  auto const price = reader.optional_decimal("price");
  if (!price) return price.error();
  out.price = *price;
  if (!out.amount && !out.price) {
    return refusal("INVALID_PARAM_VALUE", "Either amount or price must be specified");
  }

  auto text = reader.optional_string("amend_text");
  if (!text) return text.error();
  if (*text) out.amend_text = std::move(**text);

  auto const action_mode = reader.optional_string("action_mode");
  if (!action_mode) return action_mode.error();
  if (*action_mode && **action_mode != "ACK" && **action_mode != "RESULT" &&
      **action_mode != "FULL") {
    return invalid_param("action_mode", **action_mode);
  }
  for (std::string_view const leg :
       {std::string_view("stop_profit"), std::string_view("stop_loss")}) {
    if (auto const* value = object->if_contains(leg); value != nullptr && !value->is_null()) {
      return refusal("INVALID_PARAM_VALUE",
                     "`" + std::string(leg) + "` is not supported by the sandbox");
    }
  }
  return out;
}

}  // namespace tradelink::sandbox::rest
