#include "net/server_types.hpp"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iterator>

#include "net/detail/transport_error.hpp"
#include "net/text/ascii.hpp"

namespace tradelink::net {
namespace {

core::Result<std::string> read_whole_file(std::filesystem::path const& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file.is_open()) {
    return detail::transport_error(detail::codes::tls, "cannot open '" + path.string() + "'");
  }
  std::string contents((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  if (file.bad()) {
    return detail::transport_error(detail::codes::tls, "cannot read '" + path.string() + "'");
  }
  return contents;
}

/// Appends `text` as the inside of a JSON string literal.
void append_json_escaped(std::string& out, std::string_view text) {
  for (char const c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char escaped[8];
          std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned>(c));
          out += escaped;
        } else {
          out += c;
        }
    }
  }
}

ServerResponse with_content_type(unsigned status, std::string_view content_type, std::string body) {
  ServerResponse response;
  response.status = status;
  response.headers.push_back({"Content-Type", std::string(content_type)});
  response.body = std::move(body);
  return response;
}

}  // namespace

core::Result<ServerTls> ServerTls::from_files(std::filesystem::path const& certificate_chain,
                                              std::filesystem::path const& private_key) {
  auto chain = read_whole_file(certificate_chain);
  if (!chain) return chain.error();
  auto key = read_whole_file(private_key);
  if (!key) return key.error();
  return ServerTls{std::move(*chain), std::move(*key)};
}

std::string_view ServerRequest::header(std::string_view name) const noexcept {
  auto const found = std::find_if(headers.begin(), headers.end(), [&](HeaderView const& field) {
    return detail::ascii_iequals(field.name, name);
  });
  return found == headers.end() ? std::string_view{} : found->value;
}

bool ServerRequest::has_header(std::string_view name) const noexcept {
  return std::any_of(headers.begin(), headers.end(), [&](HeaderView const& field) {
    return detail::ascii_iequals(field.name, name);
  });
}

ServerResponse ServerResponse::json(unsigned status, std::string body) {
  return with_content_type(status, "application/json", std::move(body));
}

ServerResponse ServerResponse::text(unsigned status, std::string body) {
  return with_content_type(status, "text/plain; charset=utf-8", std::move(body));
}

ErrorBody default_error_body(unsigned status, std::string_view reason) {
  std::string body = "{\"status\":" + std::to_string(status) + ",\"message\":\"";
  append_json_escaped(body, reason);
  body += "\"}";
  return ErrorBody{"application/json", std::move(body)};
}

}  // namespace tradelink::net
