#include "sandbox/service/rest/spot_order_body.hpp"

#include "sandbox/service/rest/json_body.hpp"
#include "sandbox/service/rest/spot_params.hpp"

namespace tradelink::sandbox::rest {
namespace {

/// Optional string fields the sandbox accepts only with values it can honour.
std::optional<Refusal> check_unsupported(BodyReader const& reader) {
  auto const account = reader.optional_string("account");
  if (!account) return account.error();
  if (*account && **account != "spot") return invalid_param("account", **account);

  auto const iceberg = reader.optional_decimal("iceberg");
  if (!iceberg) return iceberg.error();
  if (*iceberg && !(*iceberg)->is_zero()) {
    return invalid_param("iceberg", (*iceberg)->to_string());
  }

  auto const stp_act = reader.optional_string("stp_act");
  if (!stp_act) return stp_act.error();
  if (*stp_act && **stp_act != "-") return invalid_param("stp_act", **stp_act);

  auto const action_mode = reader.optional_string("action_mode");
  if (!action_mode) return action_mode.error();
  if (*action_mode && **action_mode != "ACK" && **action_mode != "RESULT" &&
      **action_mode != "FULL") {
    return invalid_param("action_mode", **action_mode);
  }
  return std::nullopt;
}

}  // namespace

SpotOrderRequest SpotOrderBody::request() const noexcept {
  return SpotOrderRequest{
      .currency_pair = currency_pair,
      .side = side,
      .type = type,
      .amount = amount,
      .price = price,
      .time_in_force = time_in_force,
      .text = text,
  };
}

Checked<SpotOrderBody> parse_spot_order_body(std::string_view body) {
  auto const object = parse_body_object(body);
  if (!object) return object.error();
  BodyReader const reader(*object);
  SpotOrderBody out;

  auto pair = reader.required_string("currency_pair");
  if (!pair) return pair.error();
  out.currency_pair = std::move(*pair);

  auto const side_text = reader.required_string("side");
  if (!side_text) return side_text.error();
  auto const side = parse_side("side", *side_text);
  if (!side) return side.error();
  out.side = *side;

  auto const amount = reader.required_decimal("amount");
  if (!amount) return amount.error();
  out.amount = *amount;

  auto const type_text = reader.optional_string("type");
  if (!type_text) return type_text.error();
  if (*type_text) {
    auto const type = parse_order_type(**type_text);
    if (!type) return invalid_param("type", **type_text);
    out.type = *type;
  }

  auto const price = reader.optional_decimal("price");
  if (!price) return price.error();
  if (out.type == SpotOrderType::limit && !*price) return missing_param("price");
  if (*price) out.price = **price;

  auto const tif_text = reader.optional_string("time_in_force");
  if (!tif_text) return tif_text.error();
  if (*tif_text) {
    auto const tif = parse_time_in_force(**tif_text);
    if (!tif) return invalid_param("time_in_force", **tif_text);
    out.time_in_force = *tif;
  } else if (out.type == SpotOrderType::market) {
    out.time_in_force = TimeInForce::ioc;
  }

  auto text = reader.optional_string("text");
  if (!text) return text.error();
  if (*text) {
    if (!is_valid_client_text(**text)) return invalid_param("text", **text);
    out.text = std::move(**text);
  }

  if (auto refused = check_unsupported(reader)) return *refused;
  return out;
}

}  // namespace tradelink::sandbox::rest
