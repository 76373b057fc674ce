#include "core/error.hpp"

namespace tradelink::core {

std::string_view to_string(ErrorLayer layer) noexcept {
  switch (layer) {
    case ErrorLayer::validation: return "validation";
    case ErrorLayer::transport: return "transport";
    case ErrorLayer::venue: return "venue";
    case ErrorLayer::store: return "store";
    case ErrorLayer::internal: return "internal";
  }
  return "unknown";
}

Error validation_error(std::string code, std::string message) {
  return Error{ErrorLayer::validation, std::move(code), std::move(message), Retry::never, {}};
}

Error internal_error(std::string code, std::string message) {
  return Error{ErrorLayer::internal, std::move(code), std::move(message), Retry::never, {}};
}

}  // namespace tradelink::core

#include <stdexcept>

#include "core/result.hpp"

namespace tradelink::core {

void throw_exception_from_error(Error const& error, boost::source_location const& /*location*/) {
  throw std::runtime_error(error.code + ": " + error.message);
}

}  // namespace tradelink::core
