#pragma once
// The sandbox's admin API under /sandbox/v1 (JSON): users, API keys, deposits and withdrawals,
// fair prices, the clock, fault injection and rate limits — what tests and the demo use to set
// the exchange up. Only loopback peers, or peers with the admin token (see admin_access.hpp);
// others get 403 FORBIDDEN. Errors use the REST API's `{"label","message"}` shape.

#include <memory>
#include <string>

#include "net/responder.hpp"
#include "net/server_types.hpp"
#include "sandbox/service/admin/admin_route.hpp"

namespace tradelink::sandbox::admin {

inline constexpr std::string_view admin_prefix = "/sandbox/v1";

class AdminFront {
 public:
  /// `context` is copied; what it refers to must outlive the front. `admin_token` empty:
  /// loopback peers only.
  AdminFront(AdminContext context, std::string admin_token);

  /// Answers one request whose path starts with /sandbox/v1. Thread-safe.
  void handle(net::ServerRequest const& request, net::Responder responder);
  /// The answer (tests call it without sockets). Never throws.
  [[nodiscard]] net::ServerResponse answer(net::ServerRequest const& request);

 private:
  AdminContext context_;
  std::string admin_token_;
  AdminRouter router_;
};

}  // namespace tradelink::sandbox::admin
