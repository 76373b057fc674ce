#pragma once
// What an API key may do, venue-neutral: an access level per product. Venue adapters map their
// own permission names (Gate's `perms[].name`, ...) onto these products; nothing here spells a
// venue's label.

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace tradelink::core {

/// A product or capability an exchange key can be granted access to.
enum class Product : std::uint8_t {
  spot,      ///< spot trading and spot balances
  margin,    ///< margin trading and borrowing for it
  futures,   ///< perpetual futures
  delivery,  ///< dated (delivery) futures
  options,   ///< options
  wallet,    ///< deposits, transfers between accounts, deposit/withdrawal history
  withdraw,  ///< sending funds off the exchange
  account,   ///< account details and key management
  unified,   ///< the unified (portfolio margin) account
  earn,      ///< savings, staking and similar products
  loan,      ///< stand-alone loans
};

/// Every product, in declaration order (the order to_string(PermissionSet) lists them in).
inline constexpr std::array<Product, 11> all_products{
    Product::spot,    Product::margin, Product::futures,  Product::delivery,
    Product::options, Product::wallet, Product::withdraw, Product::account,
    Product::unified, Product::earn,   Product::loan,
};

/// How much of a product a key may use; ordered, so read_write also grants read.
enum class Access : std::uint8_t {
  none,
  read,
  read_write,
};

/// "spot", "futures", ... (the enumerator names).
[[nodiscard]] std::string_view to_string(Product product) noexcept;
/// "none" / "read" / "read_write".
[[nodiscard]] std::string_view to_string(Access access) noexcept;
/// Exact enumerator name; otherwise a `permission.parse` error listing the accepted names.
[[nodiscard]] Result<Product> parse_product(std::string_view text);
/// "none", "read" or "read_write"; otherwise a `permission.parse` error.
[[nodiscard]] Result<Access> parse_access(std::string_view text);

/// One product with its access level, written "futures:read_write".
struct Permission {
  Product product = Product::spot;
  Access access = Access::none;

  friend constexpr bool operator==(Permission, Permission) noexcept = default;
};

/// "product:access", e.g. "wallet:read".
[[nodiscard]] std::string to_string(Permission permission);
/// Parses "product:access"; `permission.parse` error naming the bad part otherwise.
[[nodiscard]] Result<Permission> parse_permission(std::string_view text);

/// The access level of every product for one key; products never set have Access::none.
/// A small value type (one byte per product), cheap to copy and compare.
class PermissionSet {
 public:
  /// No access to anything.
  constexpr PermissionSet() noexcept = default;

  /// Sets the level of one product, replacing what it had.
  constexpr void set(Product product, Access access) noexcept { levels_[index(product)] = access; }
  /// Sets `permission.product` to `permission.access`.
  constexpr void set(Permission permission) noexcept { set(permission.product, permission.access); }
  [[nodiscard]] constexpr Access access(Product product) const noexcept {
    return levels_[index(product)];
  }
  /// True when the key holds at least `needed` on `product` (read_write grants read; every
  /// product grants none).
  [[nodiscard]] constexpr bool grants(Product product, Access needed) const noexcept {
    return access(product) >= needed;
  }
  /// True when no product has any access.
  [[nodiscard]] constexpr bool empty() const noexcept {
    for (Access const level : levels_) {
      if (level != Access::none) return false;
    }
    return true;
  }

  /// Products with access, in all_products order, comma-separated without spaces:
  /// "spot:read_write,futures:read,wallet:read"; "" for the empty set. Round-trips through parse().
  [[nodiscard]] std::string to_string() const;
  /// Parses the to_string() form; "" is the empty set and "x:none" entries are allowed. Errors
  /// (`permission.parse`): a malformed entry, or the same product listed twice.
  static Result<PermissionSet> parse(std::string_view text);

  friend constexpr bool operator==(PermissionSet const&, PermissionSet const&) noexcept = default;

 private:
  static constexpr std::size_t index(Product product) noexcept {
    return static_cast<std::size_t>(product);
  }

  std::array<Access, all_products.size()> levels_{};
};

}  // namespace tradelink::core
