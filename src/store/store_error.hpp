#pragma once
// The store's error codes. Every implementation maps its failures onto these so callers can
// branch on the code whatever database is underneath.

#include <string>
#include <string_view>

#include "core/error.hpp"

namespace tradelink::store {

namespace error_code {
inline constexpr std::string_view conflict = "store.conflict";    ///< a unique key already exists
inline constexpr std::string_view not_found = "store.not_found";  ///< no such row for this owner
inline constexpr std::string_view version_conflict = "store.version_conflict";  ///< stale version
inline constexpr std::string_view busy = "store.busy";      ///< locked by another writer; retryable
inline constexpr std::string_view io = "store.io";          ///< the database failed
inline constexpr std::string_view schema = "store.schema";  ///< unknown or failed migration
}  // namespace error_code

[[nodiscard]] core::Error store_error(std::string_view code, std::string message,
                                      core::Retry retry = core::Retry::never);

[[nodiscard]] inline bool is_error(core::Error const& error, std::string_view code) noexcept {
  return error.code == code;
}

}  // namespace tradelink::store
