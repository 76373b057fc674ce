// Gate.io API v4 REST response parsing (gateio-v4.md §3, §4, §11) with simdjson on-demand:
// one document pass per body, members decoded in wire order by the tables in detail/.
#include "venues/gateio/rest/parsers.hpp"

#include <simdjson.h>

#include <cstring>
#include <utility>

#include "venues/gateio/rest/detail/json_fields.hpp"

namespace tradelink::gateio {
namespace {

namespace ondemand = simdjson::ondemand;
using detail::Decoded;
using detail::FieldError;

core::Error parse_error(std::string_view model, FieldError const& error) {
  std::string message(model);
  if (error.path.empty()) {
    message += ": response ";
  } else {
    message += ": field `";
    message += error.path;
    message += "` ";
  }
  message += error.problem;
  return core::Error{core::ErrorLayer::venue, "gateio.parse", std::move(message),
                     core::Retry::never, std::nullopt};
}

core::Error parse_error(std::string_view model, Decoded const& decoded) {
  return parse_error(model, decoded.error());
}

/// Anything but whitespace after the root value is an error (simdjson does not check it).
Decoded expect_end(ondemand::document& document) {
  char const* location = nullptr;
  if (document.current_location().get(location) == simdjson::OUT_OF_BOUNDS) return {};
  return detail::fail("has trailing content after the JSON value");
}

Decoded expect_root_type(ondemand::document& document, ondemand::json_type expected) {
  ondemand::json_type type{};
  if (auto const error = document.type().get(type)) return detail::malformed(error);
  if (type == expected) return {};
  return detail::wrong_type(
      expected == ondemand::json_type::object ? "a JSON object" : "a JSON array", type);
}

template <class Model>
Decoded decode_root_object(ondemand::document& document, Model& out) {
  if (auto decoded = expect_root_type(document, ondemand::json_type::object); !decoded) {
    return decoded;
  }
  ondemand::object object;
  if (auto const error = document.get_object().get(object)) return detail::malformed(error);
  if (auto decoded = detail::decode(object, out); !decoded) return decoded;
  return expect_end(document);
}

template <class Model>
Decoded decode_root_array(ondemand::document& document, std::vector<Model>& out) {
  if (auto decoded = expect_root_type(document, ondemand::json_type::array); !decoded) {
    return decoded;
  }
  ondemand::array array;
  if (auto const error = document.get_array().get(array)) return detail::malformed(error);
  if (auto decoded = detail::decode_array(array, out); !decoded) return decoded;
  return expect_end(document);
}

}  // namespace

struct ResponseParser::Impl {
  ondemand::parser parser;
  /// Body copy followed by SIMDJSON_PADDING zero bytes; grows to the largest body seen.
  std::vector<char> buffer;

  /// Starts iterating a copy of `body`. The returned document borrows `parser` and `buffer`.
  simdjson::simdjson_result<ondemand::document> iterate(std::string_view body) {
    buffer.resize(body.size() + simdjson::SIMDJSON_PADDING);
    if (!body.empty()) std::memcpy(buffer.data(), body.data(), body.size());
    std::memset(buffer.data() + body.size(), 0, simdjson::SIMDJSON_PADDING);
    return parser.iterate(buffer.data(), body.size(), buffer.size());
  }

  template <class Model>
  core::Result<Model> parse_object(std::string_view body, std::string_view model) {
    ondemand::document document;
    if (auto const error = iterate(body).get(document)) {
      return parse_error(model, detail::malformed(error));
    }
    Model out{};
    if (auto decoded = decode_root_object(document, out); !decoded) {
      return parse_error(model, decoded);
    }
    return out;
  }

  template <class Model>
  core::Result<std::vector<Model>> parse_array(std::string_view body, std::string_view model) {
    ondemand::document document;
    if (auto const error = iterate(body).get(document)) {
      return parse_error(model, detail::malformed(error));
    }
    std::vector<Model> out;
    if (auto decoded = decode_root_array(document, out); !decoded) {
      return parse_error(model, decoded);
    }
    return out;
  }

  /// One object or an array of objects.
  template <class Model>
  core::Result<std::vector<Model>> parse_object_or_array(std::string_view body,
                                                         std::string_view model) {
    ondemand::document document;
    if (auto const error = iterate(body).get(document)) {
      return parse_error(model, detail::malformed(error));
    }
    ondemand::json_type type{};
    if (auto const error = document.type().get(type)) {
      return parse_error(model, detail::malformed(error));
    }
    std::vector<Model> out;
    if (type == ondemand::json_type::array) {
      if (auto decoded = decode_root_array(document, out); !decoded) {
        return parse_error(model, decoded);
      }
      return out;
    }
    Model single{};
    if (auto decoded = decode_root_object(document, single); !decoded) {
      return parse_error(model, decoded);
    }
    out.push_back(std::move(single));
    return out;
  }
};

ResponseParser::ResponseParser() : impl_(std::make_unique<Impl>()) {}
ResponseParser::~ResponseParser() = default;
ResponseParser::ResponseParser(ResponseParser&&) noexcept = default;
ResponseParser& ResponseParser::operator=(ResponseParser&&) noexcept = default;

core::Result<ErrorBody> ResponseParser::parse_error_body(std::string_view body) {
  return impl_->parse_object<ErrorBody>(body, "ErrorBody");
}
core::Result<ServerTime> ResponseParser::parse_server_time(std::string_view body) {
  return impl_->parse_object<ServerTime>(body, "ServerTime");
}
core::Result<AccountDetail> ResponseParser::parse_account_detail(std::string_view body) {
  return impl_->parse_object<AccountDetail>(body, "AccountDetail");
}
core::Result<std::vector<AccountKeyInfo>> ResponseParser::parse_account_key_infos(
    std::string_view body) {
  return impl_->parse_object_or_array<AccountKeyInfo>(body, "AccountKeyInfo");
}
core::Result<std::vector<SpotAccount>> ResponseParser::parse_spot_accounts(std::string_view body) {
  return impl_->parse_array<SpotAccount>(body, "SpotAccount");
}
core::Result<FuturesAccount> ResponseParser::parse_futures_account(std::string_view body) {
  return impl_->parse_object<FuturesAccount>(body, "FuturesAccount");
}
core::Result<TotalBalance> ResponseParser::parse_total_balance(std::string_view body) {
  return impl_->parse_object<TotalBalance>(body, "TotalBalance");
}
core::Result<UnifiedMode> ResponseParser::parse_unified_mode(std::string_view body) {
  return impl_->parse_object<UnifiedMode>(body, "UnifiedMode");
}
core::Result<UnifiedAccount> ResponseParser::parse_unified_account(std::string_view body) {
  return impl_->parse_object<UnifiedAccount>(body, "UnifiedAccount");
}
core::Result<SpotCurrency> ResponseParser::parse_spot_currency(std::string_view body) {
  return impl_->parse_object<SpotCurrency>(body, "SpotCurrency");
}
core::Result<std::vector<SpotCurrency>> ResponseParser::parse_spot_currencies(
    std::string_view body) {
  return impl_->parse_array<SpotCurrency>(body, "SpotCurrency");
}
core::Result<CurrencyPair> ResponseParser::parse_currency_pair(std::string_view body) {
  return impl_->parse_object<CurrencyPair>(body, "CurrencyPair");
}
core::Result<std::vector<CurrencyPair>> ResponseParser::parse_currency_pairs(
    std::string_view body) {
  return impl_->parse_array<CurrencyPair>(body, "CurrencyPair");
}
core::Result<FuturesContract> ResponseParser::parse_futures_contract(std::string_view body) {
  return impl_->parse_object<FuturesContract>(body, "FuturesContract");
}
core::Result<std::vector<FuturesContract>> ResponseParser::parse_futures_contracts(
    std::string_view body) {
  return impl_->parse_array<FuturesContract>(body, "FuturesContract");
}
core::Result<SpotOrder> ResponseParser::parse_spot_order(std::string_view body) {
  return impl_->parse_object<SpotOrder>(body, "SpotOrder");
}
core::Result<std::vector<SpotOrder>> ResponseParser::parse_spot_orders(std::string_view body) {
  return impl_->parse_array<SpotOrder>(body, "SpotOrder");
}
core::Result<std::vector<SpotTrade>> ResponseParser::parse_spot_trades(std::string_view body) {
  return impl_->parse_array<SpotTrade>(body, "SpotTrade");
}
core::Result<std::vector<OpenOrders>> ResponseParser::parse_open_orders(std::string_view body) {
  return impl_->parse_array<OpenOrders>(body, "OpenOrders");
}
core::Result<std::vector<SpotCancelResult>> ResponseParser::parse_spot_cancel_results(
    std::string_view body) {
  return impl_->parse_array<SpotCancelResult>(body, "SpotCancelResult");
}
core::Result<FuturesOrder> ResponseParser::parse_futures_order(std::string_view body) {
  return impl_->parse_object<FuturesOrder>(body, "FuturesOrder");
}
core::Result<std::vector<FuturesOrder>> ResponseParser::parse_futures_orders(
    std::string_view body) {
  return impl_->parse_array<FuturesOrder>(body, "FuturesOrder");
}
core::Result<std::vector<FuturesTrade>> ResponseParser::parse_futures_trades(
    std::string_view body) {
  return impl_->parse_array<FuturesTrade>(body, "FuturesTrade");
}
core::Result<Position> ResponseParser::parse_position(std::string_view body) {
  return impl_->parse_object<Position>(body, "Position");
}
core::Result<std::vector<Position>> ResponseParser::parse_positions(std::string_view body) {
  return impl_->parse_array<Position>(body, "Position");
}
core::Result<std::vector<FuturesCancelResult>> ResponseParser::parse_futures_cancel_results(
    std::string_view body) {
  return impl_->parse_array<FuturesCancelResult>(body, "FuturesCancelResult");
}
core::Result<CountdownCancelResult> ResponseParser::parse_countdown_cancel_result(
    std::string_view body) {
  return impl_->parse_object<CountdownCancelResult>(body, "CountdownCancelResult");
}

core::Result<WalletTransfer> ResponseParser::parse_wallet_transfer(std::string_view body) {
  return impl_->parse_object<WalletTransfer>(body, "WalletTransfer");
}
core::Result<Withdrawal> ResponseParser::parse_withdrawal(std::string_view body) {
  return impl_->parse_object<Withdrawal>(body, "Withdrawal");
}

// One-off forms.

core::Result<ErrorBody> parse_error_body(std::string_view body) {
  return ResponseParser{}.parse_error_body(body);
}
core::Result<ServerTime> parse_server_time(std::string_view body) {
  return ResponseParser{}.parse_server_time(body);
}
core::Result<AccountDetail> parse_account_detail(std::string_view body) {
  return ResponseParser{}.parse_account_detail(body);
}
core::Result<std::vector<AccountKeyInfo>> parse_account_key_infos(std::string_view body) {
  return ResponseParser{}.parse_account_key_infos(body);
}
core::Result<std::vector<SpotAccount>> parse_spot_accounts(std::string_view body) {
  return ResponseParser{}.parse_spot_accounts(body);
}
core::Result<FuturesAccount> parse_futures_account(std::string_view body) {
  return ResponseParser{}.parse_futures_account(body);
}
core::Result<TotalBalance> parse_total_balance(std::string_view body) {
  return ResponseParser{}.parse_total_balance(body);
}
core::Result<UnifiedMode> parse_unified_mode(std::string_view body) {
  return ResponseParser{}.parse_unified_mode(body);
}
core::Result<UnifiedAccount> parse_unified_account(std::string_view body) {
  return ResponseParser{}.parse_unified_account(body);
}
core::Result<SpotCurrency> parse_spot_currency(std::string_view body) {
  return ResponseParser{}.parse_spot_currency(body);
}
core::Result<std::vector<SpotCurrency>> parse_spot_currencies(std::string_view body) {
  return ResponseParser{}.parse_spot_currencies(body);
}
core::Result<CurrencyPair> parse_currency_pair(std::string_view body) {
  return ResponseParser{}.parse_currency_pair(body);
}
core::Result<std::vector<CurrencyPair>> parse_currency_pairs(std::string_view body) {
  return ResponseParser{}.parse_currency_pairs(body);
}
core::Result<FuturesContract> parse_futures_contract(std::string_view body) {
  return ResponseParser{}.parse_futures_contract(body);
}
core::Result<std::vector<FuturesContract>> parse_futures_contracts(std::string_view body) {
  return ResponseParser{}.parse_futures_contracts(body);
}
core::Result<SpotOrder> parse_spot_order(std::string_view body) {
  return ResponseParser{}.parse_spot_order(body);
}
core::Result<std::vector<SpotOrder>> parse_spot_orders(std::string_view body) {
  return ResponseParser{}.parse_spot_orders(body);
}
core::Result<std::vector<SpotTrade>> parse_spot_trades(std::string_view body) {
  return ResponseParser{}.parse_spot_trades(body);
}
core::Result<std::vector<OpenOrders>> parse_open_orders(std::string_view body) {
  return ResponseParser{}.parse_open_orders(body);
}
core::Result<std::vector<SpotCancelResult>> parse_spot_cancel_results(std::string_view body) {
  return ResponseParser{}.parse_spot_cancel_results(body);
}
core::Result<FuturesOrder> parse_futures_order(std::string_view body) {
  return ResponseParser{}.parse_futures_order(body);
}
core::Result<std::vector<FuturesOrder>> parse_futures_orders(std::string_view body) {
  return ResponseParser{}.parse_futures_orders(body);
}
core::Result<std::vector<FuturesTrade>> parse_futures_trades(std::string_view body) {
  return ResponseParser{}.parse_futures_trades(body);
}
core::Result<Position> parse_position(std::string_view body) {
  return ResponseParser{}.parse_position(body);
}
core::Result<std::vector<Position>> parse_positions(std::string_view body) {
  return ResponseParser{}.parse_positions(body);
}
core::Result<std::vector<FuturesCancelResult>> parse_futures_cancel_results(std::string_view body) {
  return ResponseParser{}.parse_futures_cancel_results(body);
}
core::Result<CountdownCancelResult> parse_countdown_cancel_result(std::string_view body) {
  return ResponseParser{}.parse_countdown_cancel_result(body);
}

}  // namespace tradelink::gateio
