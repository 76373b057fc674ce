#include "net/websocket/websocket_errors.hpp"

#include <boost/asio/ssl/error.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/websocket/error.hpp>

#include <string>

#include "net/detail/transport_error.hpp"

namespace tradelink::net::detail {
namespace {

namespace websocket = boost::beast::websocket;

bool is_tls_failure(boost::system::error_code const& ec) noexcept {
  return ec.category() == boost::asio::error::get_ssl_category() ||
         ec.category() == boost::asio::ssl::error::get_stream_category();
}

}  // namespace

core::Error websocket_failure(boost::system::error_code const& ec, std::string_view peer) {
  std::string const where(peer);
  if (ec == boost::beast::error::timeout) {
    return transport_error(codes::timeout, "WebSocket with " + where + " timed out");
  }
  if (ec == websocket::error::message_too_big || ec == websocket::error::buffer_overflow) {
    return transport_error(websocket_codes::message_too_large,
                           "WebSocket message from " + where + " exceeds the size limit");
  }
  if (ec == websocket::condition::protocol_violation) {
    return transport_error(codes::protocol,
                           "WebSocket protocol violation by " + where + ": " + ec.message());
  }
  if (is_tls_failure(ec) && ec != boost::asio::ssl::error::stream_truncated) {
    return transport_error(codes::tls,
                           "TLS failure on the WebSocket with " + where + ": " + ec.message());
  }
  return transport_error(codes::reset, "WebSocket with " + where + " lost: " + ec.message());
}

}  // namespace tradelink::net::detail
