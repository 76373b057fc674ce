#include "platform/sync/account_state.hpp"

#include <set>

namespace tradelink::platform::sync {
namespace {

core::Decimal minus(core::Decimal a, core::Decimal b) {
  auto difference = a.sub(b);
  return difference ? *difference : core::Decimal{};
}

std::string name_of(venues::AccountKind account, std::string const& currency,
                    std::string_view field) {
  std::string name(venues::to_string(account));
  name.append(" ").append(currency).append(" ").append(field);
  return name;
}

void compare(std::vector<Drift>& drifts, std::string what, core::Decimal streamed,
             core::Decimal venue) {
  if (streamed != venue)
    drifts.push_back(Drift{std::move(what), streamed.to_string(), venue.to_string()});
}

}  // namespace

bool AccountState::apply(venues::BalanceUpdate const& update) {
  Line& line = lines_[LineKey{update.account, update.currency}];
  Line const before = line;
  line.total = update.total;
  if (update.available) {
    line.available = *update.available;
    line.locked = update.locked ? *update.locked : minus(update.total, *update.available);
    line.streams_split = true;
  } else {
    line.available = minus(update.total, line.locked);
  }
  line.touched_at = ++sequence_;
  return before.available != line.available || before.locked != line.locked ||
         before.total != line.total;
}

bool AccountState::apply(venues::PositionUpdate const& update) {
  auto found = positions_.find(update.position.contract);
  if (found != positions_.end() && update.position.update_id && found->second.state.update_id &&
      *update.position.update_id < *found->second.state.update_id) {
    return false;
  }
  ++sequence_;
  if (update.position.size.is_zero()) {
    if (found == positions_.end()) return false;
    positions_.erase(found);
    return true;
  }
  positions_.insert_or_assign(update.position.contract,
                              TrackedPosition{update.position, sequence_});
  return true;
}

std::vector<Drift> AccountState::merge(venues::AccountSnapshot const& snapshot,
                                       std::uint64_t sequence_at_request) {
  std::vector<Drift> drifts;
  std::set<LineKey> reported;
  for (venues::AccountBalance const& balance : snapshot.balances) {
    LineKey key{balance.account, balance.currency};
    reported.insert(key);
    auto found = lines_.find(key);
    if (found == lines_.end()) {
      if (!balance.total.is_zero() || !balance.available.is_zero()) {
        compare(drifts, name_of(balance.account, balance.currency, "total"), core::Decimal{},
                balance.total);
      }
      lines_.emplace(key, Line{balance.available, balance.locked, balance.total, false, 0});
      continue;
    }
    Line& line = found->second;
    if (line.touched_at > sequence_at_request) {
      // Streamed after the snapshot was taken: newer. Only the part the stream does not report
      // comes from the snapshot.
      if (!line.streams_split) {
        line.locked = balance.locked;
        line.available = minus(line.total, line.locked);
      }
      continue;
    }
    compare(drifts, name_of(balance.account, balance.currency, "total"), line.total, balance.total);
    if (line.streams_split) {
      compare(drifts, name_of(balance.account, balance.currency, "available"), line.available,
              balance.available);
      compare(drifts, name_of(balance.account, balance.currency, "locked"), line.locked,
              balance.locked);
    }
    line.available = balance.available;
    line.locked = balance.locked;
    line.total = balance.total;
  }
  for (auto it = lines_.begin(); it != lines_.end();) {
    bool const gone = !reported.contains(it->first) && it->second.touched_at <= sequence_at_request;
    if (!gone) {
      ++it;
      continue;
    }
    compare(drifts, name_of(it->first.first, it->first.second, "total"), it->second.total,
            core::Decimal{});
    it = lines_.erase(it);
  }

  std::set<std::string, std::less<>> open;
  for (venues::PositionState const& position : snapshot.positions) {
    open.insert(position.contract);
    auto found = positions_.find(position.contract);
    if (found != positions_.end() && found->second.touched_at > sequence_at_request) continue;
    core::Decimal const streamed =
        found == positions_.end() ? core::Decimal{} : found->second.state.size;
    compare(drifts, "futures position " + position.contract + " size", streamed, position.size);
    positions_.insert_or_assign(position.contract, TrackedPosition{position, 0});
  }
  for (auto it = positions_.begin(); it != positions_.end();) {
    if (open.contains(it->first) || it->second.touched_at > sequence_at_request) {
      ++it;
      continue;
    }
    compare(drifts, "futures position " + it->first + " size", it->second.state.size,
            core::Decimal{});
    it = positions_.erase(it);
  }
  has_snapshot_ = true;
  return drifts;
}

std::vector<BalanceLine> AccountState::lines() const {
  std::vector<BalanceLine> out;
  out.reserve(lines_.size());
  for (auto const& [key, line] : lines_) {
    out.push_back(BalanceLine{std::string(venues::to_string(key.first)), key.second, line.available,
                              line.locked, line.total});
  }
  return out;
}

std::vector<venues::PositionState> AccountState::positions() const {
  std::vector<venues::PositionState> out;
  out.reserve(positions_.size());
  for (auto const& [contract, position] : positions_) out.push_back(position.state);
  return out;
}

}  // namespace tradelink::platform::sync
