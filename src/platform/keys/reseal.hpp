#pragma once
// Re-sealing every stored secret under a new master key, in one store transaction: either all
// bindings move to the new key or none does.

#include <cstddef>
#include <cstdint>

#include "core/result.hpp"
#include "crypto/vault.hpp"
#include "store/store.hpp"

namespace tradelink::platform::keys {

/// Opens each live binding's secret (and passphrase) with `current` and seals it with `next`
/// under the same associated data. Returns how many bindings were re-sealed.
[[nodiscard]] core::Result<std::size_t> reseal_all(store::Store& store,
                                                   crypto::Vault const& current,
                                                   crypto::Vault const& next, std::int64_t now_ms);

}  // namespace tradelink::platform::keys
