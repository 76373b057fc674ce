// Signed wallet calls that move money: transfers between a user's own spot and futures accounts
// (`POST /wallet/transfers`, the "wallet" group) and withdrawals off the exchange
// (`POST /withdrawals`, the key's separate withdrawal right). The sandbox settles both at once.
#include <boost/json/object.hpp>

#include <optional>
#include <string>

#include "sandbox/service/rest/json_body.hpp"
#include "sandbox/service/rest/json_values.hpp"
#include "sandbox/service/rest/routes.hpp"

namespace tradelink::sandbox::rest {
namespace {

/// Gate's account names for transfers; the sandbox holds spot and USDT futures accounts only.
std::optional<Account> transfer_account(std::string_view name) {
  if (name == "spot") return Account::spot;
  if (name == "futures") return Account::futures;
  return std::nullopt;
}

Checked<core::Decimal> positive_amount(BodyReader const& body) {
  auto const amount = body.required_decimal("amount");
  if (!amount) return amount.error();
  if (*amount <= core::Decimal{}) return invalid_param("amount", amount->to_string());
  return *amount;
}

RestResult create_transfer(RestCall const& call) {
  auto const object = parse_body_object(call.http.body);
  if (!object) return object.error();
  BodyReader const body(*object);
  auto const currency = body.required_string("currency");
  if (!currency) return currency.error();
  auto const from_text = body.required_string("from");
  if (!from_text) return from_text.error();
  auto const to_text = body.required_string("to");
  if (!to_text) return to_text.error();
  auto const amount = positive_amount(body);
  if (!amount) return amount.error();
  auto const settle = body.optional_string("settle");
  if (!settle) return settle.error();
  if (*settle && **settle != "usdt") return invalid_param("settle", **settle);

  auto const from = transfer_account(*from_text);
  if (!from) return invalid_param("from", *from_text);
  auto const to = transfer_account(*to_text);
  if (!to) return invalid_param("to", *to_text);
  auto const moved =
      call.state.engine.transfer(call.user_id(), *currency, *from, *to, *amount, call.now_ms);
  if (!moved) return refusal_from(moved.error());
  return json_reply(boost::json::object{{"tx_id", call.state.wallet.next_transfer_id()}});
}

RestResult create_withdrawal(RestCall const& call) {
  auto const object = parse_body_object(call.http.body);
  if (!object) return object.error();
  BodyReader const body(*object);
  auto const currency = body.required_string("currency");
  if (!currency) return currency.error();
  auto const amount = positive_amount(body);
  if (!amount) return amount.error();
  auto const address = body.required_string("address");
  if (!address) return address.error();
  if (address->empty()) return invalid_param("address", *address);
  auto const chain = body.required_string("chain");
  if (!chain) return chain.error();
  auto const memo = body.optional_string("memo");
  if (!memo) return memo.error();
  auto const client_id = body.optional_string("withdraw_order_id");
  if (!client_id) return client_id.error();

  auto const sent =
      call.state.engine.withdraw(call.user_id(), Account::spot, *currency, *amount, call.now_ms);
  if (!sent) return refusal_from(sent.error());
  return json_reply(boost::json::object{
      {"id", call.state.wallet.next_withdrawal_id()},
      {"txid", ""},
      {"withdraw_order_id", client_id->value_or("")},
      {"timestamp", seconds_text(call.now_ms)},
      {"amount", decimal_text(*amount)},
      {"fee", "0"},
      {"currency", *currency},
      {"address", *address},
      {"memo", memo->value_or("")},
      {"status", "DONE"},
      {"chain", *chain},
  });
}

}  // namespace

void add_wallet_routes(Router& router) {
  router.add({"POST", "/wallet/transfers", "wallet", RateGroup::wallet_balance, create_transfer});
  router.add({"POST", "/withdrawals", std::string(withdrawal_right), RateGroup::wallet_other,
              create_withdrawal});
}

}  // namespace tradelink::sandbox::rest
