#pragma once
// The REST half of Gate.io's AccountFeed (gateio-v4.md §3.1, §3.5): every account a scope needs,
// read in parallel — spot balances, the USDT futures account and its positions, the unified
// account when the account is unified, the account's user id when not known yet, and the server
// clock once — and folded into one venues::AccountSnapshot.

#include <functional>
#include <optional>
#include <string>

#include "venues/account_feed.hpp"
#include "venues/gateio/rest/errors.hpp"
#include "venues/gateio/rest/rest_client.hpp"

namespace tradelink::gateio {

struct SnapshotRequest {
  core::Scope scope = core::Scope::both;
  venues::AccountMode mode = venues::AccountMode::unknown;
  bool need_user_id = false;  ///< also read /account/detail
  bool measure_clock = false;
};

/// What a snapshot learnt besides the balances.
struct SnapshotExtras {
  std::optional<std::string> user_id;
};

/// Reads the snapshot with `client` (which must outlive the calls) and calls `done` once on the
/// client's thread.
void read_account_snapshot(RestClient& client, SnapshotRequest const& request,
                           std::function<void(venues::SnapshotResult, SnapshotExtras)> done);

/// A Gate failure in venue-neutral terms: the core error, and the credential problem when Gate
/// refused the key (invalid, expired, IP, locked, permission taken away, clock).
[[nodiscard]] venues::FeedFailure feed_failure(GateError const& error);

}  // namespace tradelink::gateio
