#pragma once
// Ids of the wallet's own records: transfers between a user's accounts and withdrawals. Gate
// numbers transfers (`tx_id`) and names withdrawals "w" + digits; both only ever grow.

#include <cstdint>
#include <string>

namespace tradelink::sandbox {

class WalletLedger {
 public:
  [[nodiscard]] std::int64_t next_transfer_id() noexcept { return next_transfer_++; }
  [[nodiscard]] std::string next_withdrawal_id() {
    return "w" + std::to_string(next_withdrawal_++);
  }

 private:
  std::int64_t next_transfer_ = 1;
  std::int64_t next_withdrawal_ = 1;
};

}  // namespace tradelink::sandbox
