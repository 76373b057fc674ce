#include "core/scope.hpp"

#include <fmt/format.h>

namespace tradelink::core {

Result<Scope> parse_scope(std::string_view text) {
  for (Scope const scope : {Scope::spot, Scope::futures, Scope::both}) {
    if (text == to_string(scope)) return scope;
  }
  return validation_error(
      "scope.parse",
      fmt::format("\"{}\" is not a trading scope: expected \"spot\", \"futures\" or \"both\"",
                  text.substr(0, 40)));
}

}  // namespace tradelink::core
