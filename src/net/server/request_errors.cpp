#include "net/server/request_errors.hpp"

#include <boost/beast/http/error.hpp>

namespace tradelink::net::detail {
namespace {

namespace http = boost::beast::http;

bool is_http_parse_error(boost::system::error_code const& ec) noexcept {
  return ec.category() == http::make_error_code(http::error::bad_version).category();
}

}  // namespace

std::optional<ErrorAnswer> answer_for_read_error(boost::system::error_code const& ec) noexcept {
  if (ec == http::error::body_limit) return ErrorAnswer{413, "request body too large"};
  if (ec == http::error::header_limit) return ErrorAnswer{431, "request header too large"};
  // Anything else the parser rejected is a malformed request; running out of input
  // (end_of_stream, partial_message) means the peer left and is owed nothing.
  if (is_http_parse_error(ec) && ec != http::error::end_of_stream &&
      ec != http::error::partial_message && ec != http::error::need_more) {
    return ErrorAnswer{400, "malformed HTTP request"};
  }
  return std::nullopt;
}

}  // namespace tradelink::net::detail
