// Gate.io WebSocket v4 private channel messages: gateio-v4.md §2.4 (envelopes, acks, error
// codes), §2.5 (pong), §7.1 (spot.balances, spot.orders, spot.usertrades), §7.2
// (futures.balances, futures.orders, futures.positions, futures.usertrades).
#include "venues/gateio/ws/private_messages.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>

#include "venues/gateio/rest/detail/json_fields.hpp"

namespace tradelink::gateio {
namespace detail {
namespace {

// ----- wire shapes of one pushed element ----------------------------------------------------

struct SpotBalanceWire {
  std::string currency;
  core::Decimal total;
  core::Decimal available;
  core::Decimal freeze;
  std::optional<core::Decimal> timestamp_ms;
};

struct FuturesBalanceWire {
  core::Decimal balance;
  std::optional<std::string> currency;
  std::optional<std::int64_t> time_ms;
};

struct SpotOrderWire {
  std::string id;
  std::string currency_pair;
  std::optional<std::string> text;
  std::optional<core::Decimal> left;
  std::optional<std::string> event;
  std::optional<core::Decimal> update_time_ms;
};

struct FuturesOrderWire {
  std::string id;
  std::string contract;
  std::optional<std::string> text;
  std::optional<core::Decimal> left;
  std::optional<std::string> status;
  std::optional<std::int64_t> update_time;  ///< ms
};

struct SpotTradeWire {
  std::string order_id;
  std::string currency_pair;
  core::Decimal amount;
  core::Decimal price;
  std::optional<core::Decimal> fee;
  std::optional<std::string> fee_currency;
  std::optional<core::Decimal> create_time_ms;
};

struct FuturesTradeWire {
  std::string order_id;
  std::string contract;
  core::Decimal size;
  core::Decimal price;
  std::optional<core::Decimal> fee;
  std::optional<core::Decimal> create_time_ms;
};

struct PositionWire {
  std::string contract;
  core::Decimal size;
  std::optional<core::Decimal> entry_price;
  std::optional<core::Decimal> margin;
  std::optional<core::Decimal> realised_pnl;
  std::optional<std::int64_t> update_id;
  std::optional<std::int64_t> time_ms;
};

struct ErrorWire {
  std::int64_t code = 0;
  std::optional<std::string> message;
};

Decoded decode(ondemand::object& object, SpotBalanceWire& out) {
  static constexpr std::array rules{
      field<&SpotBalanceWire::currency>("currency"),
      field<&SpotBalanceWire::total>("total"),
      field<&SpotBalanceWire::available>("available"),
      field<&SpotBalanceWire::freeze>("freeze"),
      field<&SpotBalanceWire::timestamp_ms>("timestamp_ms"),
  };
  return decode_fields(object, out, rules);
}

Decoded decode(ondemand::object& object, FuturesBalanceWire& out) {
  static constexpr std::array rules{
      field<&FuturesBalanceWire::balance>("balance"),
      field<&FuturesBalanceWire::currency>("currency"),
      field<&FuturesBalanceWire::time_ms>("time_ms"),
  };
  return decode_fields(object, out, rules);
}

Decoded decode(ondemand::object& object, SpotOrderWire& out) {
  static constexpr std::array rules{
      id_field<&SpotOrderWire::id>("id"),
      field<&SpotOrderWire::currency_pair>("currency_pair"),
      field<&SpotOrderWire::text>("text"),
      field<&SpotOrderWire::left>("left"),
      field<&SpotOrderWire::event>("event"),
      field<&SpotOrderWire::update_time_ms>("update_time_ms"),
  };
  return decode_fields(object, out, rules);
}

Decoded decode(ondemand::object& object, FuturesOrderWire& out) {
  static constexpr std::array rules{
      id_field<&FuturesOrderWire::id>("id"),
      field<&FuturesOrderWire::contract>("contract"),
      field<&FuturesOrderWire::text>("text"),
      field<&FuturesOrderWire::left>("left"),
      field<&FuturesOrderWire::status>("status"),
      field<&FuturesOrderWire::update_time>("update_time"),
  };
  return decode_fields(object, out, rules);
}

Decoded decode(ondemand::object& object, SpotTradeWire& out) {
  static constexpr std::array rules{
      id_field<&SpotTradeWire::order_id>("order_id"),
      field<&SpotTradeWire::currency_pair>("currency_pair"),
      field<&SpotTradeWire::amount>("amount"),
      field<&SpotTradeWire::price>("price"),
      field<&SpotTradeWire::fee>("fee"),
      field<&SpotTradeWire::fee_currency>("fee_currency"),
      field<&SpotTradeWire::create_time_ms>("create_time_ms"),
  };
  return decode_fields(object, out, rules);
}

Decoded decode(ondemand::object& object, FuturesTradeWire& out) {
  static constexpr std::array rules{
      id_field<&FuturesTradeWire::order_id>("order_id"),
      field<&FuturesTradeWire::contract>("contract"),
      field<&FuturesTradeWire::size>("size"),
      field<&FuturesTradeWire::price>("price"),
      field<&FuturesTradeWire::fee>("fee"),
      field<&FuturesTradeWire::create_time_ms>("create_time_ms"),
  };
  return decode_fields(object, out, rules);
}

Decoded decode(ondemand::object& object, PositionWire& out) {
  static constexpr std::array rules{
      field<&PositionWire::contract>("contract"),
      field<&PositionWire::size>("size"),
      field<&PositionWire::entry_price>("entry_price"),
      field<&PositionWire::margin>("margin"),
      field<&PositionWire::realised_pnl>("realised_pnl"),
      field<&PositionWire::update_id>("update_id"),
      field<&PositionWire::time_ms>("time_ms"),
  };
  return decode_fields(object, out, rules);
}

Decoded decode(ondemand::object& object, ErrorWire& out) {
  static constexpr std::array rules{
      field<&ErrorWire::code>("code"),
      field<&ErrorWire::message>("message"),
  };
  return decode_fields(object, out, rules);
}

// ----- conversion to venue-neutral updates ---------------------------------------------------

constexpr core::Decimal::Raw one_unit = [] {
  core::Decimal::Raw value = 1;
  for (int digit = 0; digit < core::Decimal::scale; ++digit) value *= 10;
  return value;
}();

/// Whole milliseconds of a time Gate sends as "1700000010123.456" or 1700000010123.
std::int64_t whole_ms(std::optional<core::Decimal> const& value, std::int64_t fallback) {
  if (!value) return fallback;
  return static_cast<std::int64_t>(value->raw() / one_unit);
}

std::string upper(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return text;
}

/// Decodes the `result` array as `Wire` elements and hands each to `convert`.
template <class Wire, class Convert>
Decoded for_each_element(ondemand::value& value, Convert convert) {
  std::vector<Wire> items;
  if (auto decoded = read_list(value, items); !decoded) return decoded;
  for (Wire& item : items) {
    if (auto converted = convert(item); !converted) return converted;
  }
  return {};
}

// ----- envelope -------------------------------------------------------------------------------

struct Envelope {
  PrivateMessage* out = nullptr;
  std::optional<std::string> event;
  std::optional<std::int64_t> time_s;
  bool result_seen = false;
};

Decoded read_channel(ondemand::value& value, Envelope& envelope) {
  return read(value, envelope.out->channel);
}

Decoded read_event(ondemand::value& value, Envelope& envelope) {
  return read(value, envelope.event);
}

Decoded read_id_member(ondemand::value& value, Envelope& envelope) {
  return read(value, envelope.out->id);
}

Decoded read_time(ondemand::value& value, Envelope& envelope) {
  return read(value, envelope.time_s);
}

Decoded read_time_ms(ondemand::value& value, Envelope& envelope) {
  std::optional<std::int64_t> time_ms;
  if (auto decoded = read(value, time_ms); !decoded) return decoded;
  if (time_ms) envelope.out->time_ms = *time_ms;
  return {};
}

Decoded read_error(ondemand::value& value, Envelope& envelope) {
  std::optional<ErrorWire> error;
  if (auto decoded = read_object(value, error); !decoded) return decoded;
  if (error) {
    envelope.out->failed = true;
    envelope.out->error_code = error->code;
    envelope.out->error_message = error->message.value_or("");
  }
  return {};
}

Decoded read_result(ondemand::value& value, Envelope& envelope) {
  PrivateMessage& out = *envelope.out;
  envelope.result_seen = true;
  // Pushes are "update" events; acks and pongs carry a status object or null.
  if (envelope.event.value_or("") != "update") return {};
  std::int64_t const now_ms = out.time_ms;
  std::string_view const channel = out.channel;
  if (channel == "spot.balances") {
    return for_each_element<SpotBalanceWire>(value, [&](SpotBalanceWire& item) -> Decoded {
      out.balances.push_back(venues::BalanceUpdate{
          venues::AccountKind::spot, upper(std::move(item.currency)), item.total, item.available,
          item.freeze, whole_ms(item.timestamp_ms, now_ms)});
      return {};
    });
  }
  if (channel == "futures.balances") {
    return for_each_element<FuturesBalanceWire>(value, [&](FuturesBalanceWire& item) -> Decoded {
      out.balances.push_back(venues::BalanceUpdate{
          venues::AccountKind::futures, upper(item.currency.value_or("USDT")), item.balance,
          std::nullopt, std::nullopt, item.time_ms.value_or(now_ms)});
      return {};
    });
  }
  if (channel == "spot.orders") {
    return for_each_element<SpotOrderWire>(value, [&](SpotOrderWire& item) -> Decoded {
      out.orders.push_back(venues::OrderUpdate{
          venues::AccountKind::spot, std::move(item.id), item.text.value_or(""),
          std::move(item.currency_pair), item.event.value_or("") == "finish",
          item.left.value_or(core::Decimal{}), whole_ms(item.update_time_ms, now_ms)});
      return {};
    });
  }
  if (channel == "futures.orders") {
    return for_each_element<FuturesOrderWire>(value, [&](FuturesOrderWire& item) -> Decoded {
      out.orders.push_back(venues::OrderUpdate{
          venues::AccountKind::futures, std::move(item.id), item.text.value_or(""),
          std::move(item.contract), item.status.value_or("") == "finished",
          item.left.value_or(core::Decimal{}), item.update_time.value_or(now_ms)});
      return {};
    });
  }
  if (channel == "spot.usertrades") {
    return for_each_element<SpotTradeWire>(value, [&](SpotTradeWire& item) -> Decoded {
      out.fills.push_back(venues::FillUpdate{
          venues::AccountKind::spot, std::move(item.order_id), std::move(item.currency_pair),
          item.amount, item.price, item.fee.value_or(core::Decimal{}),
          upper(item.fee_currency.value_or("")), whole_ms(item.create_time_ms, now_ms)});
      return {};
    });
  }
  if (channel == "futures.usertrades") {
    return for_each_element<FuturesTradeWire>(value, [&](FuturesTradeWire& item) -> Decoded {
      out.fills.push_back(venues::FillUpdate{venues::AccountKind::futures, std::move(item.order_id),
                                             std::move(item.contract), item.size, item.price,
                                             item.fee.value_or(core::Decimal{}), "USDT",
                                             whole_ms(item.create_time_ms, now_ms)});
      return {};
    });
  }
  if (channel == "futures.positions") {
    return for_each_element<PositionWire>(value, [&](PositionWire& item) -> Decoded {
      out.positions.push_back(venues::PositionUpdate{
          venues::PositionState{std::move(item.contract), item.size,
                                item.entry_price.value_or(core::Decimal{}),
                                item.margin.value_or(core::Decimal{}),
                                item.realised_pnl.value_or(core::Decimal{}), item.update_id},
          item.time_ms.value_or(now_ms)});
      return {};
    });
  }
  return {};
}

Decoded decode_envelope(ondemand::object& object, Envelope& envelope) {
  // Gate and the sandbox send `channel` and `event` before `result`; a result met before them is
  // not understood and the message counts as "other".
  static constexpr std::array rules{
      custom_field<Envelope>("channel", read_channel), custom_field<Envelope>("event", read_event),
      custom_field<Envelope>("id", read_id_member),    custom_field<Envelope>("time", read_time),
      custom_field<Envelope>("time_ms", read_time_ms), custom_field<Envelope>("error", read_error),
      custom_field<Envelope>("result", read_result),
  };
  return decode_fields(object, envelope, rules);
}

}  // namespace
}  // namespace detail

struct PrivateMessageParser::Impl {
  detail::ondemand::parser parser;
  std::vector<char> buffer;
};

PrivateMessageParser::PrivateMessageParser() : impl_(std::make_unique<Impl>()) {}
PrivateMessageParser::~PrivateMessageParser() = default;

core::Result<void> PrivateMessageParser::parse(std::string_view text, PrivateMessage& out) {
  namespace ondemand = detail::ondemand;
  out.kind = MessageKind::other;
  out.channel.clear();
  out.id.reset();
  out.failed = false;
  out.error_code = 0;
  out.error_message.clear();
  out.time_ms = 0;
  out.balances.clear();
  out.orders.clear();
  out.fills.clear();
  out.positions.clear();

  auto const parse_error = [](detail::FieldError const& error) {
    std::string where = error.path.empty() ? "message " : "field `" + error.path + "` ";
    return core::Error{core::ErrorLayer::venue, "gateio.parse",
                       "WebSocket message: " + where + error.problem, core::Retry::never,
                       std::nullopt};
  };

  impl_->buffer.resize(text.size() + simdjson::SIMDJSON_PADDING);
  if (!text.empty()) std::memcpy(impl_->buffer.data(), text.data(), text.size());
  std::memset(impl_->buffer.data() + text.size(), 0, simdjson::SIMDJSON_PADDING);
  ondemand::document document;
  if (auto const error =
          impl_->parser.iterate(impl_->buffer.data(), text.size(), impl_->buffer.size())
              .get(document)) {
    return parse_error(detail::malformed(error).error());
  }
  ondemand::object object;
  if (auto const error = document.get_object().get(object)) {
    return parse_error(detail::malformed(error).error());
  }
  detail::Envelope envelope;
  envelope.out = &out;
  if (auto decoded = detail::decode_envelope(object, envelope); !decoded) {
    return parse_error(decoded.error());
  }
  if (out.time_ms == 0 && envelope.time_s) out.time_ms = *envelope.time_s * 1000;

  std::string_view const event = envelope.event ? std::string_view(*envelope.event) : "";
  if (out.channel.ends_with(".pong")) {
    out.kind = MessageKind::pong;
  } else if (event == "subscribe" || event == "unsubscribe") {
    out.kind = MessageKind::ack;
  } else if (event == "update" && envelope.result_seen &&
             (!out.balances.empty() || !out.orders.empty() || !out.fills.empty() ||
              !out.positions.empty())) {
    out.kind = MessageKind::updates;
  }
  return core::ok();
}

}  // namespace tradelink::gateio
