#include "venues/gateio/ws/account_snapshot.hpp"

#include <memory>
#include <utility>

namespace tradelink::gateio {
namespace {

/// One snapshot in flight: the answers so far and how many calls are still out.
struct SnapshotRound {
  venues::AccountSnapshot snapshot;
  SnapshotExtras extras;
  std::optional<venues::FeedFailure> failure;
  int outstanding = 0;
  std::function<void(venues::SnapshotResult, SnapshotExtras)> done;

  void fail(GateError const& error) {
    if (!failure) failure = feed_failure(error);
  }

  void settle() {
    if (--outstanding > 0) return;
    auto handler = std::move(done);
    if (failure) {
      handler(venues::SnapshotResult(boost::system::in_place_error, std::move(*failure)),
              std::move(extras));
    } else {
      handler(venues::SnapshotResult(std::move(snapshot)), std::move(extras));
    }
  }
};

/// a + b; amounts a venue reports stay far inside Decimal's range, so saturating is only a guard.
core::Decimal sum(core::Decimal a, core::Decimal b) {
  auto total = a.add(b);
  return total ? *total : core::Decimal::max();
}

}  // namespace

venues::FeedFailure feed_failure(GateError const& error) {
  using venues::CredentialProblem;
  venues::FeedFailure failure{error.to_core(), std::nullopt};
  switch (error.category) {
    case ErrorCategory::invalid_key:
      failure.credentials = error.message.find("expire") != std::string::npos
                                ? CredentialProblem::expired
                                : CredentialProblem::unknown_key;
      break;
    case ErrorCategory::invalid_signature:
    case ErrorCategory::invalid_credentials:
    case ErrorCategory::missing_header:
      failure.credentials = CredentialProblem::bad_signature;
      break;
    case ErrorCategory::clock_skew: failure.credentials = CredentialProblem::clock_skew; break;
    case ErrorCategory::ip_forbidden: failure.credentials = CredentialProblem::ip_forbidden; break;
    case ErrorCategory::account_locked: failure.credentials = CredentialProblem::locked; break;
    case ErrorCategory::permission_denied:
    case ErrorCategory::read_only:
      failure.credentials = CredentialProblem::permission_removed;
      failure.error.retry = core::Retry::fatal;
      break;
    default: break;
  }
  return failure;
}

void read_account_snapshot(RestClient& client, SnapshotRequest const& request,
                           std::function<void(venues::SnapshotResult, SnapshotExtras)> done) {
  auto round = std::make_shared<SnapshotRound>();
  round->done = std::move(done);
  round->snapshot.mode = request.mode;
  round->outstanding = 1;  // held until every call is out

  if (request.measure_clock) {
    ++round->outstanding;
    // A failed measurement is not fatal: signed calls measure again on REQUEST_EXPIRED.
    client.transport().sync_clock([round](GateResult<std::int64_t>) { round->settle(); });
  }
  if (request.need_user_id) {
    ++round->outstanding;
    client.account_detail([round](GateResult<AccountDetail> detail) {
      if (!detail) {
        round->fail(detail.error());
      } else {
        round->extras.user_id = std::to_string(detail->user_id);
      }
      round->settle();
    });
  }
  if (core::includes_spot(request.scope)) {
    ++round->outstanding;
    client.spot_accounts(std::nullopt, [round](GateResult<std::vector<SpotAccount>> accounts) {
      if (!accounts) {
        round->fail(accounts.error());
      } else {
        for (SpotAccount const& account : *accounts) {
          round->snapshot.balances.push_back(
              venues::AccountBalance{venues::AccountKind::spot, account.currency, account.available,
                                     account.locked, sum(account.available, account.locked)});
        }
      }
      round->settle();
    });
  }
  if (core::includes_futures(request.scope)) {
    ++round->outstanding;
    client.futures_accounts([round](GateResult<FuturesAccount> account) {
      if (!account) {
        // A futures account never opened holds nothing; it is not a failure of the key.
        if (account.error().category != ErrorCategory::account_not_opened) {
          round->fail(account.error());
        }
      } else {
        round->snapshot.balances.push_back(venues::AccountBalance{
            venues::AccountKind::futures, account->currency, account->available,
            sum(account->order_margin, account->position_margin), account->total});
      }
      round->settle();
    });
    ++round->outstanding;
    client.futures_positions([round](GateResult<std::vector<Position>> positions) {
      if (!positions) {
        if (positions.error().category != ErrorCategory::account_not_opened) {
          round->fail(positions.error());
        }
      } else {
        for (Position const& position : *positions) {
          if (position.size.is_zero()) continue;
          round->snapshot.positions.push_back(venues::PositionState{
              position.contract, position.size, position.entry_price, position.margin,
              position.realised_pnl.value_or(core::Decimal{}), position.update_id});
        }
      }
      round->settle();
    });
  }
  ++round->outstanding;
  // An estimate only: a key without wallet read, or a venue busy on this call, leaves it out
  // without failing the snapshot (the balances above are the truth the sync keeps).
  client.wallet_total_balance("USDT", [round](GateResult<TotalBalance> total) {
    if (total) {
      round->snapshot.estimated_total =
          venues::EstimatedValue{total->total.currency, total->total.amount};
    }
    round->settle();
  });
  if (request.mode == venues::AccountMode::unified) {
    ++round->outstanding;
    client.unified_accounts([round](GateResult<UnifiedAccount> account) {
      if (!account) {
        round->fail(account.error());
      } else {
        for (auto const& [currency, balance] : account->balances) {
          round->snapshot.balances.push_back(
              venues::AccountBalance{venues::AccountKind::unified, currency, balance.available,
                                     balance.freeze, sum(balance.available, balance.freeze)});
        }
      }
      round->settle();
    });
  }
  round->settle();
}

}  // namespace tradelink::gateio
