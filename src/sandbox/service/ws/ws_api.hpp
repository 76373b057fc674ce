#pragma once
// Gate's WebSocket trading API on the sandbox's WebSocket endpoints (gateio-v4.md §2.3, §2.4):
// `spot.login` / `futures.login` bind an API key to the connection, then `*.order_place`,
// `*.order_cancel`, `*.order_status`, `*.order_list` and `*.order_cancel_cp` run the matching
// REST route for that key (same permission checks, rate limits, injected faults, labels and
// JSON); batch placement (`futures.order_batch_place`, `spot.order_place` with an array) and
// `*.order_cancel_ids` run it once per item and answer per item (`succeeded`, or `label` and
// `message`); `*.order_amend` runs the amend route (PATCH spot, PUT futures) with req_param as
// its body. Placement is acknowledged (`ack: true`, the request echoed) before its result.
//
// Threading: thread-safe; replies go through the session, which may be any thread's.

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sandbox/service/faults.hpp"
#include "sandbox/service/rest/rest_front.hpp"
#include "sandbox/service/scheduler.hpp"
#include "sandbox/service/venue.hpp"
#include "sandbox/service/ws/client_session.hpp"
#include "sandbox/service/ws/ws_api_calls.hpp"
#include "sandbox/service/ws/ws_api_protocol.hpp"

namespace tradelink::sandbox::ws {

class WsApi {
 public:
  /// Every reference must outlive the WS API.
  WsApi(Venue& venue, Faults& faults, Scheduler& scheduler, rest::RestFront& rest);

  /// Answers one WS API request (or the reason it could not be read) of `session`. Never
  /// throws: an unexpected failure is answered 500 SERVER_ERROR.
  void handle(std::shared_ptr<ClientSession> const& session, WsApiParsed const& parsed) noexcept;

 private:
  /// What every reply of one request shares.
  struct Exchange {
    std::shared_ptr<ClientSession> session;
    std::string channel;
    std::string request_id;
    std::int64_t in_us = 0;
    std::string client_id;
    std::string conn_id;
    std::string conn_trace_id;
    std::string trace_id;
  };

  void dispatch(std::shared_ptr<ClientSession> const& session, WsApiParsed const& parsed);
  [[nodiscard]] Exchange open_exchange(std::shared_ptr<ClientSession> const& session,
                                       std::string channel, std::string request_id) const;
  [[nodiscard]] WsApiHeader header_of(Exchange const& exchange, unsigned status) const;
  void reply_error(Exchange const& exchange, unsigned status, std::string_view label,
                   std::string_view message) const;
  void login(Exchange const& exchange, WsApiRequest const& request) const;
  void run(Exchange const& exchange, ApiCall call, WsApiRequest const& request);
  /// Runs one REST request for the logged-in `key` of the exchange's connection, with the
  /// request's `x-gate-exptime` deadline when it has one.
  [[nodiscard]] rest::RestFront::DelegatedAnswer delegate(Exchange const& exchange,
                                                          DelegatedRequest const& request,
                                                          std::string_view key,
                                                          std::string_view deadline);
  /// Runs a batch call item by item and answers one result per item.
  void run_batch(Exchange const& exchange, ApiCall call, WsApiRequest const& request,
                 ClientSession::ApiLogin const& login);
  void refuse(Exchange const& exchange, Refusal const& refusal) const;
  /// The `ack: true` echo of a placement.
  void acknowledge(Exchange const& exchange, WsApiRequest const& request) const;
  /// Sends `text` now, or after `delay` (injected latency).
  void send(Exchange const& exchange, std::string text, std::chrono::milliseconds delay);
  [[nodiscard]] bool silent() const { return faults_.ws().silent; }

  Venue& venue_;
  Faults& faults_;
  Scheduler& scheduler_;
  rest::RestFront& rest_;
};

}  // namespace tradelink::sandbox::ws
