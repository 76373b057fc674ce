#include "sandbox/service/state/state_snapshot.hpp"

namespace tradelink::sandbox::state {
namespace {

core::Error state_error(std::string message) {
  return core::Error{core::ErrorLayer::store, "sandbox.state", std::move(message),
                     core::Retry::never, std::nullopt};
}

KeySpec spec_of(ApiKey const& key) {
  KeySpec spec;
  spec.user_id = key.user_id;
  spec.name = key.name;
  spec.perms = key.perms;
  spec.withdraw_enabled = key.withdraw_enabled;
  spec.ip_whitelist = key.ip_whitelist;
  spec.currency_pairs = key.currency_pairs;
  spec.state = key.state;
  spec.mode = key.mode;
  spec.key = key.key;
  spec.secret = key.secret;
  return spec;
}

SavedAccount capture_account(Engine const& engine, std::int64_t user_id) {
  SavedAccount account{user_id, {}, std::nullopt};
  for (SpotBalance const& balance : engine.spot_balances(user_id)) {
    auto const total = balance.available.add(balance.locked);
    if (total && !total->is_zero()) account.spot.push_back({std::string(balance.currency), *total});
  }
  if (auto futures = engine.futures_account(user_id)) {
    auto const equity = futures->total.add(futures->unrealised_pnl);
    if (equity) account.futures = *equity;
  }
  return account;
}

}  // namespace

StateSnapshot capture_state(VenueState& state, std::int64_t now_ms) {
  StateSnapshot snapshot;
  snapshot.saved_at_ms = now_ms;
  snapshot.clock_offset_ms = state.clock.offset_ms();
  snapshot.users = state.users.all();
  for (User const& user : snapshot.users) {
    (void)state.engine.cancel_spot_orders(user.id, std::nullopt, std::nullopt, now_ms);
    // USER_NOT_FOUND for users without a futures account: nothing to cancel.
    (void)state.engine.cancel_futures_orders(user.id, std::nullopt, std::nullopt, now_ms);
    SavedAccount account = capture_account(state.engine, user.id);
    if (!account.spot.empty() || account.futures) snapshot.accounts.push_back(std::move(account));
  }
  for (ApiKey const* key : state.keys.all()) snapshot.keys.push_back(*key);
  return snapshot;
}

core::Result<void> restore_state(VenueState& state, StateSnapshot const& snapshot) {
  state.clock.set_offset_ms(snapshot.clock_offset_ms);
  std::int64_t const now_ms = state.clock.now_ms();
  for (User const& user : snapshot.users) {
    if (state.users.find(user.id) != nullptr) {
      return state_error("user " + std::to_string(user.id) + " appears twice");
    }
    state.users.restore(user);
  }
  for (ApiKey const& saved : snapshot.keys) {
    if (state.users.find(saved.user_id) == nullptr) {
      return state_error("key " + saved.key.substr(0, 4) + "… belongs to unknown user " +
                         std::to_string(saved.user_id));
    }
    auto created = state.keys.create(spec_of(saved), now_ms);
    if (!created) {
      return state_error("key " + saved.key.substr(0, 4) + "…: " + created.error().message);
    }
    // Times matter: a key without whitelist expires 90 days after its creation.
    ApiKey* restored = state.keys.find(saved.key);
    restored->created_at_ms = saved.created_at_ms;
    restored->updated_at_ms = saved.updated_at_ms;
    restored->last_access_ms = saved.last_access_ms;
  }
  for (SavedAccount const& account : snapshot.accounts) {
    if (state.users.find(account.user_id) == nullptr) {
      return state_error("balances of unknown user " + std::to_string(account.user_id));
    }
    for (SavedBalance const& balance : account.spot) {
      if (!balance.amount.is_positive()) continue;
      auto deposited = state.engine.deposit(account.user_id, Account::spot, balance.currency,
                                            balance.amount, now_ms);
      if (!deposited) {
        return state_error("balance " + balance.currency + " of user " +
                           std::to_string(account.user_id) + ": " + deposited.error().message);
      }
    }
    // An account whose equity is zero or below (no liquidation in the engine) reopens on its
    // next transfer.
    if (account.futures && account.futures->is_positive()) {
      auto deposited =
          state.engine.deposit(account.user_id, Account::futures, "USDT", *account.futures, now_ms);
      if (!deposited) {
        return state_error("futures balance of user " + std::to_string(account.user_id) + ": " +
                           deposited.error().message);
      }
    }
  }
  return core::ok();
}

}  // namespace tradelink::sandbox::state
