#pragma once
// What a venue adapter offers for keeping an account in sync, venue-neutral: a REST snapshot of
// every account a scope needs (balances per account, futures positions) and a stream of private
// updates (balances, orders, fills, positions) with notice of the stream's state and of the
// venue refusing the credentials. The platform decides what to do with both (ordering,
// reconciliation, drift repair, reconnect policy); the adapter only reports.

#include <boost/system/result.hpp>

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/decimal.hpp"
#include "core/error.hpp"
#include "core/result.hpp"
#include "core/scope.hpp"
#include "venues/key_check.hpp"

namespace boost::asio {
class io_context;
}

namespace tradelink::venues {

/// Which of the key's accounts a balance belongs to.
enum class AccountKind : std::uint8_t { spot, futures, unified };

/// One currency of one account, as the venue reports it.
struct AccountBalance {
  AccountKind account = AccountKind::spot;
  std::string currency;  ///< upper case, e.g. "USDT"
  core::Decimal available;
  core::Decimal locked;  ///< in open orders (spot); order margin + position margin (futures)
  core::Decimal total;   ///< futures: margin balance without unrealised PnL
};

/// One open futures position (size 0 when flat).
struct PositionState {
  std::string contract;
  core::Decimal size;  ///< signed contracts
  core::Decimal entry_price;
  core::Decimal margin;
  core::Decimal realised_pnl;
  std::optional<std::int64_t> update_id;  ///< increases with every change of the position
};

/// The venue's own valuation of everything the key's account holds, in one currency.
struct EstimatedValue {
  std::string currency;
  core::Decimal amount;
};

/// Everything the scope's accounts hold, read over REST.
struct AccountSnapshot {
  std::vector<AccountBalance> balances;
  std::vector<PositionState> positions;
  AccountMode mode = AccountMode::unknown;
  /// Absent when the key may not read it (no wallet read) or the venue did not answer it.
  std::optional<EstimatedValue> estimated_total;
};

/// A streamed balance change. `total` is absolute. `available`/`locked` are absolute too when
/// the venue streams them; when it streams only the total (futures on some venues), the
/// receiver keeps the locked part it knows and derives available = total − locked.
struct BalanceUpdate {
  AccountKind account = AccountKind::spot;
  std::string currency;
  core::Decimal total;
  std::optional<core::Decimal> available;
  std::optional<core::Decimal> locked;
  std::int64_t venue_time_ms = 0;  ///< when the venue made the change (venue clock)
};

/// A streamed order change (created, partly filled, finished).
struct OrderUpdate {
  AccountKind account = AccountKind::spot;
  std::string order_id;
  std::string client_text;
  std::string market;
  bool finished = false;
  core::Decimal left;  ///< amount (spot) or contracts (futures) still open
  std::int64_t venue_time_ms = 0;
};

/// A streamed own fill.
struct FillUpdate {
  AccountKind account = AccountKind::spot;
  std::string order_id;
  std::string market;
  core::Decimal amount;  ///< base amount (spot) or signed contracts (futures)
  core::Decimal price;
  core::Decimal fee;
  std::string fee_currency;
  std::int64_t venue_time_ms = 0;
};

/// A streamed position change.
struct PositionUpdate {
  PositionState position;
  std::int64_t venue_time_ms = 0;
};

/// Why the venue refused the credentials (the key changed on the venue's side mid-life).
enum class CredentialProblem : std::uint8_t {
  unknown_key,         ///< the venue no longer knows the key (deleted, revoked)
  bad_signature,       ///< the secret no longer matches
  expired,             ///< the key expired
  ip_forbidden,        ///< this server's address is not (or no longer) whitelisted
  locked,              ///< key or account locked / frozen
  permission_removed,  ///< a permission the scope needs was taken away
  clock_skew,          ///< timestamps refused even after measuring the venue's clock
};

/// A failed snapshot or stream: the error (retryable or not, with retry-after for rate limits)
/// and, when the venue refused the credentials, which way.
struct FeedFailure {
  core::Error error;
  std::optional<CredentialProblem> credentials;
};

/// What the stream reports. Callbacks run on the feed's io_context thread, one at a time, in the
/// order the venue sent the updates; they must not block.
struct FeedListener {
  std::function<void(BalanceUpdate const&)> on_balance;
  std::function<void(OrderUpdate const&)> on_order;
  std::function<void(FillUpdate const&)> on_fill;
  std::function<void(PositionUpdate const&)> on_position;
  /// Every subscription of every connection is confirmed: updates flow from now on.
  std::function<void()> on_live;
  /// The stream ended (a socket dropped, went silent, or a subscription was refused); every
  /// connection of the feed is closed. Called at most once per start().
  std::function<void(FeedFailure const&)> on_down;
};

/// Timing of a feed's connections.
struct FeedTiming {
  /// An application-level ping is sent this often on each connection.
  std::chrono::milliseconds ping_interval{5'000};
  /// A connection that delivered no message at all for this long is declared dead.
  std::chrono::milliseconds silence_deadline{15'000};
  std::chrono::milliseconds connect_timeout{10'000};
};

/// What a feed needs to know about the binding.
struct FeedConfig {
  core::Scope scope = core::Scope::both;
  AccountMode mode = AccountMode::unknown;
  /// The venue's account id, when verification learnt it (else the feed asks for it).
  std::optional<std::string> exchange_user_id;
  FeedTiming timing;
};

/// A snapshot or why there is none.
using SnapshotResult = boost::system::result<AccountSnapshot, FeedFailure>;

/// One binding's connection to its venue account. Lives on one io_context; every method must be
/// called on that io_context's thread, and the feed must be destroyed there (or while the
/// io_context is not running). Destroying it closes everything; no callback runs afterwards.
class AccountFeed {
 public:
  virtual ~AccountFeed() = default;

  /// Reads every account the scope needs over REST (rate-limit aware, retried by the adapter
  /// where safe). `done` runs once, on the feed's thread, never inline.
  virtual void snapshot(std::function<void(SnapshotResult)> done) = 0;
  /// Opens the stream (closing any previous one first) and reports through `listener`.
  virtual void start(FeedListener listener) = 0;
  /// Closes the stream; no listener callback runs afterwards until the next start().
  virtual void stop() = 0;
  /// Venue clock − local clock in ms, as last measured (0 until measured).
  [[nodiscard]] virtual std::int64_t venue_clock_offset_ms() const noexcept = 0;
};

/// Makes feeds for one venue. Thread-safe.
class AccountFeedFactory {
 public:
  virtual ~AccountFeedFactory() = default;

  /// A feed on `io` for the key. Errors: configuration (bad base URL) only; connection problems
  /// come later through the feed.
  [[nodiscard]] virtual core::Result<std::unique_ptr<AccountFeed>> create(
      boost::asio::io_context& io, KeyMaterial const& key, FeedConfig config) = 0;
  [[nodiscard]] virtual std::string_view venue() const noexcept = 0;
};

[[nodiscard]] constexpr std::string_view to_string(AccountKind kind) noexcept {
  switch (kind) {
    case AccountKind::spot: return "spot";
    case AccountKind::futures: return "futures";
    case AccountKind::unified: return "unified";
  }
  return "spot";
}

[[nodiscard]] constexpr std::string_view to_string(CredentialProblem problem) noexcept {
  switch (problem) {
    case CredentialProblem::unknown_key: return "unknown_key";
    case CredentialProblem::bad_signature: return "bad_signature";
    case CredentialProblem::expired: return "expired";
    case CredentialProblem::ip_forbidden: return "ip_forbidden";
    case CredentialProblem::locked: return "locked";
    case CredentialProblem::permission_removed: return "permission_removed";
    case CredentialProblem::clock_skew: return "clock_skew";
  }
  return "unknown_key";
}

}  // namespace tradelink::venues
