#pragma once
// Gate's names for key permissions: the `perms[].name` groups of the API (gateio-v4.md §5) and
// the wording of the APIv4 key page, so a fix can name the exact setting to tick.

#include <optional>
#include <string>
#include <string_view>

#include "core/permission.hpp"

namespace tradelink::gateio {

/// The product of a `perms[].name` group; nullopt for groups tradelink does not model
/// ("copy", "pilot", ...).
[[nodiscard]] std::optional<core::Product> product_for_group(std::string_view group) noexcept;

/// What Gate's key page calls the setting that grants `access` on `product`:
/// "Perpetual Futures – Read & Write", "Spot & Margin Trading – Read Only", "Withdrawal".
[[nodiscard]] std::string key_page_checkbox(core::Product product, core::Access access);

}  // namespace tradelink::gateio
