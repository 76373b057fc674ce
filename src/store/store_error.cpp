#include "store/store_error.hpp"

namespace tradelink::store {

core::Error store_error(std::string_view code, std::string message, core::Retry retry) {
  return core::Error{core::ErrorLayer::store, std::string{code}, std::move(message), retry, {}};
}

}  // namespace tradelink::store
