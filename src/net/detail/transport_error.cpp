#include "net/detail/transport_error.hpp"

#include <boost/asio/error.hpp>
#include <boost/asio/ssl/error.hpp>
#include <boost/beast/http/error.hpp>

namespace tradelink::net::detail {
namespace {

namespace asio_error = boost::asio::error;
namespace http_error = boost::beast::http;

bool is_malformed_message(boost::system::error_code const& ec) noexcept {
  return ec.category() == http_error::make_error_code(http_error::error::bad_version).category() &&
         !is_size_limit(ec) && ec != http_error::error::end_of_stream &&
         ec != http_error::error::partial_message;
}

/// "timed out <activity> <origin>".
std::string_view activity(Phase phase) noexcept {
  switch (phase) {
    case Phase::resolve: return "resolving the host of";
    case Phase::connect: return "connecting to";
    case Phase::handshake: return "in the TLS handshake with";
    case Phase::write: return "sending the request to";
    case Phase::read: return "reading the response from";
  }
  return "talking to";
}

std::string with_detail(std::string message, std::string_view detail) {
  if (!detail.empty()) {
    message += " (";
    message += detail;
    message += ')';
  }
  return message;
}

core::Retry retry_class(std::string_view code) noexcept {
  bool const transient = code == codes::timeout || code == codes::connect || code == codes::reset;
  return transient ? core::Retry::retryable : core::Retry::never;
}

}  // namespace

core::Error transport_error(std::string_view code, std::string message) {
  return core::Error{
      core::ErrorLayer::transport, std::string(code), std::move(message), retry_class(code), {}};
}

core::Error phase_error(Phase phase, boost::system::error_code const& ec, std::string_view origin,
                        bool timed_out, std::string_view detail) {
  std::string const where(origin);
  if (timed_out) {
    return transport_error(
        codes::timeout,
        with_detail("timed out " + std::string(activity(phase)) + ' ' + where, detail));
  }
  std::string const reason = ec.message();
  switch (phase) {
    case Phase::resolve:
      return transport_error(codes::resolve,
                             with_detail("cannot resolve " + where + ": " + reason, detail));
    case Phase::connect:
      return transport_error(codes::connect,
                             with_detail("cannot connect to " + where + ": " + reason, detail));
    case Phase::handshake:
      return transport_error(
          codes::tls, with_detail("TLS handshake with " + where + " failed: " + reason, detail));
    case Phase::write:
    case Phase::read: break;
  }
  if (is_size_limit(ec)) {
    return transport_error(
        codes::response_too_large,
        with_detail("response from " + where + " exceeds the size limit", detail));
  }
  if (is_malformed_message(ec)) {
    return transport_error(
        codes::protocol,
        with_detail("malformed HTTP response from " + where + ": " + reason, detail));
  }
  return transport_error(
      codes::reset,
      with_detail("connection lost " + std::string(activity(phase)) + ' ' + where + ": " + reason,
                  detail));
}

bool is_size_limit(boost::system::error_code const& ec) noexcept {
  return ec == http_error::error::body_limit || ec == http_error::error::header_limit ||
         ec == http_error::error::buffer_overflow;
}

bool is_peer_hang_up(boost::system::error_code const& ec) noexcept {
  return ec == asio_error::eof || ec == http_error::error::end_of_stream ||
         ec == asio_error::connection_reset || ec == asio_error::broken_pipe ||
         ec == asio_error::connection_aborted || ec == boost::asio::ssl::error::stream_truncated;
}

}  // namespace tradelink::net::detail
