#pragma once
// Turns the answers of Gate's verification probes (gateio-v4.md §3.1, §5) into venue-neutral
// KeyFacts. Pure: no I/O, so every verdict can be tested from canned answers.
//
// The probes, all sent at once:
//   GET /account/detail, GET /account/main_keys          identity, whitelists, perms, state
//   GET /spot/accounts, DELETE /spot/orders/{none}        spot read / write
//   GET /futures/usdt/accounts, DELETE .../orders/{none}  futures read / write, account opened
//   GET /wallet/total_balance, POST /wallet/transfers 0   wallet read / write
//   POST /withdrawals 0                                   the withdrawal right
//   GET /unified/unified_mode                             account mode
// A write probe can never take effect: the order id cannot exist and the amounts are zero, so
// Gate answers ORDER_NOT_FOUND / INVALID_PARAM_VALUE when the key may write, and FORBIDDEN /
// READ_ONLY when it may not.

#include <optional>
#include <vector>

#include "venues/gateio/rest/errors.hpp"
#include "venues/gateio/rest/models.hpp"
#include "venues/key_check.hpp"

namespace tradelink::gateio {

/// How one probe ended, as far as permissions go.
enum class ProbeVerdict {
  granted,       ///< the call passed the permission check
  read_only,     ///< READ_ONLY: the group is read-only
  denied,        ///< FORBIDDEN: the group (or right) is not granted
  not_opened,    ///< USER_NOT_FOUND: passed the permission check, account never opened
  auth_failed,   ///< refused before permissions were looked at (key, signature, IP, clock, lock)
  inconclusive,  ///< rate limit, 5xx, transport, or an answer that proves nothing
};

/// Classifies a probe answer: success, or an error category.
[[nodiscard]] ProbeVerdict verdict_of(std::optional<GateError> const& error) noexcept;

class KeyFactsBuilder {
 public:
  void account_detail(GateResult<AccountDetail> const& answer);
  void main_keys(GateResult<std::vector<AccountKeyInfo>> const& answer);
  void spot_read(GateResult<std::vector<SpotAccount>> const& answer);
  void spot_write(GateResult<SpotOrder> const& answer);
  void futures_read(GateResult<FuturesAccount> const& answer);
  void futures_write(GateResult<FuturesOrder> const& answer);
  void wallet_read(GateResult<TotalBalance> const& answer);
  void wallet_write(GateResult<WalletTransfer> const& answer);
  void withdraw(GateResult<Withdrawal> const& answer);
  void unified_mode(GateResult<UnifiedMode> const& answer);
  /// The clock measurement made alongside the probes.
  void clock(GateResult<std::int64_t> const& offset_ms);

  /// The facts; `round_trips` is the number of sequential exchanges the verification needed.
  [[nodiscard]] venues::KeyFacts finish(int round_trips);

 private:
  /// Records the probe and what its answer says about authentication; returns its verdict.
  ProbeVerdict record(std::string name, std::optional<GateError> const& error);
  void note_auth_failure(GateError const& error);

  struct Level {
    std::optional<core::Access> read;   ///< none or read, when a read probe decided
    std::optional<core::Access> write;  ///< read or read_write, when a write probe decided
  };
  static void apply(Level& level, ProbeVerdict verdict, bool write_probe);

  venues::KeyFacts facts_;
  bool auth_passed_ = false;
  std::optional<venues::AuthOutcome> auth_failure_;
  Level spot_, futures_, wallet_, unified_;
  std::optional<core::PermissionSet> listed_;  ///< from main_keys, when it answered
  std::vector<core::Product> listed_products_;
  std::optional<std::int64_t> key_mode_;
};

}  // namespace tradelink::gateio
