#include "sandbox/service/rest/futures_request.hpp"

#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include <algorithm>
#include <charconv>

namespace tradelink::sandbox::rest {
namespace {

constexpr std::string_view client_text_prefix = "t-";
constexpr std::size_t client_text_max_after_prefix = 28;

bool client_text_char(char c) noexcept {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' ||
         c == '.' || c == '-';
}

}  // namespace

std::optional<Refusal> check_settle(RestCall const& call) {
  auto const settle = call.path.get("settle").value_or("");
  if (settle == "usdt") return std::nullopt;
  return invalid_param("settle", settle);
}

bool lists_no_contracts(std::string_view settle) noexcept { return settle == "btc"; }

Checked<ContractSpec const*> listed_contract(RestCall const& call, std::string_view name) {
  ContractSpec const* spec = call.state.engine.find_contract(name);
  if (spec == nullptr) {
    return refusal("CONTRACT_NOT_FOUND", "Contract not found: " + std::string(name));
  }
  return spec;
}

Checked<std::size_t> query_count(Params const& query, std::string_view name, std::size_t fallback,
                                 std::size_t max) {
  auto const value = query_int(query, name);
  if (!value) return value.error();
  if (!*value) return Checked<std::size_t>(boost::system::in_place_value, fallback);
  if (**value < 1 || static_cast<std::uint64_t>(**value) > max) {
    return invalid_param(name, std::to_string(**value));
  }
  return Checked<std::size_t>(boost::system::in_place_value, static_cast<std::size_t>(**value));
}

Checked<core::Decimal> read_size(BodyReader const& body, std::string_view name,
                                 SizeEncoding sizes) {
  auto const size = body.required_decimal(name);
  if (!size) return size.error();
  if (sizes == SizeEncoding::integer && size->fractional_digits() != 0) {
    return invalid_param(name, size->to_string());
  }
  return *size;
}

Checked<OrderRef> order_ref_of(std::string_view order_id) {
  if (order_id.empty()) return invalid_param("order_id", order_id);
  if (std::all_of(order_id.begin(), order_id.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    OrderId id = 0;
    auto const [end, error] =
        std::from_chars(order_id.data(), order_id.data() + order_id.size(), id);
    if (error != std::errc{} || end != order_id.data() + order_id.size()) {
      return invalid_param("order_id", order_id);
    }
    return OrderRef{id};
  }
  return OrderRef{order_id};
}

std::optional<Refusal> check_client_text(std::string_view text) {
  if (!text.starts_with(client_text_prefix)) return invalid_param("text", text);
  std::string_view const rest = text.substr(client_text_prefix.size());
  if (rest.empty() || rest.size() > client_text_max_after_prefix ||
      !std::all_of(rest.begin(), rest.end(), client_text_char)) {
    return invalid_param("text", text);
  }
  return std::nullopt;
}

Checked<ListWindow> list_window(Params const& query) {
  ListWindow window;
  auto const limit = query_count(query, "limit", 100, Page::max_limit);
  if (!limit) return limit.error();
  window.limit = *limit;
  auto const offset = query_int(query, "offset");
  if (!offset) return offset.error();
  if (*offset) {
    if (**offset < 0) return invalid_param("offset", std::to_string(**offset));
    window.offset = static_cast<std::size_t>(**offset);
  }
  auto const last_id = query_int(query, "last_id");
  if (!last_id) return last_id.error();
  if (*last_id) {
    if (**last_id < 0) return invalid_param("last_id", std::to_string(**last_id));
    window.last_id = **last_id;
  }
  return window;
}

}  // namespace tradelink::sandbox::rest
