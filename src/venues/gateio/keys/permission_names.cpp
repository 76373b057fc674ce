#include "venues/gateio/keys/permission_names.hpp"

#include <array>
#include <utility>

namespace tradelink::gateio {
namespace {

using core::Product;

constexpr std::array<std::pair<std::string_view, Product>, 10> groups{{
    {"spot", Product::spot},
    {"margin", Product::margin},
    {"futures", Product::futures},
    {"delivery", Product::delivery},
    {"options", Product::options},
    {"wallet", Product::wallet},
    {"account", Product::account},
    {"unified", Product::unified},
    {"earn", Product::earn},
    {"loan", Product::loan},
}};

std::string_view section_name(Product product) noexcept {
  switch (product) {
    case Product::spot: return "Spot & Margin Trading";
    case Product::margin: return "Margin Trading";
    case Product::futures: return "Perpetual Futures";
    case Product::delivery: return "Delivery Futures";
    case Product::options: return "Options";
    case Product::wallet: return "Wallet";
    case Product::withdraw: return "Withdrawal";
    case Product::account: return "Account";
    case Product::unified: return "Unified Account";
    case Product::earn: return "Earn";
    case Product::loan: return "Loan";
  }
  return "Unknown";
}

}  // namespace

std::optional<core::Product> product_for_group(std::string_view group) noexcept {
  for (auto const& [name, product] : groups) {
    if (name == group) return product;
  }
  return std::nullopt;
}

std::string key_page_checkbox(core::Product product, core::Access access) {
  std::string text(section_name(product));
  if (product == Product::withdraw) return text;
  switch (access) {
    case core::Access::read_write: return text + " – Read & Write";
    case core::Access::read: return text + " – Read Only";
    case core::Access::none: return text + " – off";
  }
  return text;
}

}  // namespace tradelink::gateio
