#include "net/server/wire_response.hpp"

#include <boost/beast/http/status.hpp>

#include <algorithm>
#include <string_view>

#include "net/text/ascii.hpp"

namespace tradelink::net::detail {
namespace {

namespace http = boost::beast::http;

/// True when a comma-separated Connection value lists the "close" option.
bool lists_close(std::string_view value) noexcept {
  while (!value.empty()) {
    std::size_t const comma = value.find(',');
    std::string_view item = value.substr(0, comma);
    while (!item.empty() && (item.front() == ' ' || item.front() == '\t')) item.remove_prefix(1);
    while (!item.empty() && (item.back() == ' ' || item.back() == '\t')) item.remove_suffix(1);
    if (ascii_iequals(item, "close")) return true;
    if (comma == std::string_view::npos) break;
    value.remove_prefix(comma + 1);
  }
  return false;
}

bool has_no_body(unsigned status) noexcept {
  return status == 204 || status == 304;
}

}  // namespace

std::optional<PreparedResponse> prepare_response(ServerResponse&& response, unsigned version,
                                                 bool head, bool keep_alive) {
  if (response.status < 200 || response.status > 999) return std::nullopt;
  PreparedResponse prepared;
  WireResponse& message = prepared.message;
  message.version(version);
  message.result(response.status);
  for (Header const& header : response.headers) {
    if (!is_http_token(header.name) || !is_safe_field_value(header.value)) return std::nullopt;
    if (ascii_iequals(header.name, "Content-Length") ||
        ascii_iequals(header.name, "Transfer-Encoding")) {
      continue;
    }
    if (ascii_iequals(header.name, "Connection")) {
      if (lists_close(header.value)) keep_alive = false;
      continue;
    }
    message.insert(header.name, header.value);
  }
  if (!has_no_body(response.status)) {
    message.content_length(response.body.size());
    if (!head) message.body() = std::move(response.body);
  }
  message.keep_alive(keep_alive);
  prepared.keep_alive = keep_alive;
  return prepared;
}

void append_wire_bytes(WireResponse const& message, std::string& out) {
  unsigned const status = message.result_int();
  std::string_view const reason = message.reason();
  out.reserve(out.size() + 128 + message.body().size());
  unsigned const version = message.version();
  out += "HTTP/";
  out += static_cast<char>('0' + version / 10 % 10);
  out += '.';
  out += static_cast<char>('0' + version % 10);
  out += ' ';
  out += static_cast<char>('0' + status / 100 % 10);
  out += static_cast<char>('0' + status / 10 % 10);
  out += static_cast<char>('0' + status % 10);
  out += ' ';
  out += reason;
  out += "\r\n";
  for (auto const& field : message) {
    out += field.name_string();
    out += ": ";
    out += field.value();
    out += "\r\n";
  }
  out += "\r\n";
  out += message.body();
}

}  // namespace tradelink::net::detail
