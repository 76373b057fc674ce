#pragma once
// What the sandbox keeps across restarts (SandboxOptions::state_file): users, API keys with
// their secrets and times, spot balances, futures account equity and the clock offset. Open
// orders are cancelled before the capture so their locked funds are part of the balances.
// Futures positions cannot be re-opened through the engine: the capture keeps a futures
// account's equity (total + unrealised PnL at the current mark), i.e. positions are settled at
// the mark price, and the restored account is flat.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/decimal.hpp"
#include "core/result.hpp"
#include "sandbox/auth/api_key.hpp"
#include "sandbox/service/user_directory.hpp"
#include "sandbox/service/venue.hpp"

namespace tradelink::sandbox::state {

struct SavedBalance {
  std::string currency;
  core::Decimal amount;  ///< available + locked at capture (locks were released first)
  friend bool operator==(SavedBalance const&, SavedBalance const&) = default;
};

/// Money of one user.
struct SavedAccount {
  std::int64_t user_id = 0;
  std::vector<SavedBalance> spot;        ///< non-zero balances only
  std::optional<core::Decimal> futures;  ///< equity of the USDT futures account, when open
  friend bool operator==(SavedAccount const&, SavedAccount const&) = default;
};

struct StateSnapshot {
  std::int64_t saved_at_ms = 0;
  std::int64_t clock_offset_ms = 0;
  std::vector<User> users;
  std::vector<ApiKey> keys;
  std::vector<SavedAccount> accounts;
};

/// Cancels every open spot and futures order of every user at `now`, then captures the state.
/// Call with the venue lock held, when no more requests are served (at shutdown).
[[nodiscard]] StateSnapshot capture_state(VenueState& state, std::int64_t now_ms);

/// Loads `snapshot` into a venue that has no users, keys or balances yet: sets the clock offset,
/// restores users with their ids, keys with their secrets and times, and deposits the balances.
/// Errors (`sandbox.state`): a key or deposit the venue refuses (the message names it).
[[nodiscard]] core::Result<void> restore_state(VenueState& state, StateSnapshot const& snapshot);

}  // namespace tradelink::sandbox::state
