#pragma once
// Details Gate.io puts only into the free text of an error message (gateio-v4.md §4, §5): the
// caller IP an IP whitelist rejected, and the permission group a key lacks. Gate's wording is
// not documented and varies ("Request IP not in whitelist: 203.0.113.7", "Request API key does
// not have wallet permission"), so both searches look for the thing itself, not for a phrase.

#include <optional>
#include <string>
#include <string_view>

namespace tradelink::gateio {

/// The first IPv4 or IPv6 address in `text` (validated with inet_pton; "1.2.3.4:8080" and
/// "[2001:db8::1]" yield the bare address, trailing sentence punctuation is dropped), or nullopt.
[[nodiscard]] std::optional<std::string> find_ip_address(std::string_view text);

/// The Gate permission group named in `text`, in the `perms[].name` spelling: "spot", "futures",
/// "delivery", "margin", "unified", "wallet", "withdraw", "earn", "options", "loan", "custody",
/// "copy", "pilot", "otc", "alpha", "crossx" or "account". Case-insensitive whole words, with
/// synonyms ("perpetual" → futures, "withdrawal" → withdraw, "option" → options). When several
/// groups appear, the one nearest to the word "permission" wins; "account" (a common word in
/// messages) only when no other group is named. nullopt when none is named.
[[nodiscard]] std::optional<std::string> find_permission_group(std::string_view text);

}  // namespace tradelink::gateio
