#include "unit/sandbox/service/admin_client.hpp"

#include <gtest/gtest.h>

#include <boost/asio/ip/address.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/json/parse.hpp>

namespace tradelink::sandbox::test {
namespace {

namespace asio = boost::asio;
namespace http = boost::beast::http;

boost::json::value parse_or_null(std::string const& body) {
  boost::system::error_code error;
  boost::json::value value = boost::json::parse(body, error);
  return error ? boost::json::value() : value;
}

}  // namespace

std::string AdminReply::text(std::string_view name) const {
  auto const* object = json.if_object();
  if (object == nullptr) return {};
  auto const* value = object->if_contains(name);
  if (value == nullptr || !value->is_string()) return {};
  return std::string(value->get_string());
}

AdminClient::AdminClient(std::string const& base_url)
    : origin_(net::Origin::parse(base_url).value()), http_(io_, net::ClientOptions{}) {}

AdminReply AdminClient::call(net::Method method, std::string const& target, std::string body,
                             std::vector<net::Header> headers) {
  if (!body.empty()) headers.push_back({"Content-Type", "application/json"});
  auto response =
      http_.send(origin_, net::HttpRequest{method, target, std::move(headers), std::move(body)});
  EXPECT_TRUE(response.has_value()) << (response ? "" : response.error().message);
  if (!response) return {};
  return AdminReply{response->status, response->body, parse_or_null(response->body)};
}

AdminReply call_from(std::string const& source_address, std::uint16_t port,
                     std::string const& method, std::string const& target,
                     std::vector<net::Header> const& headers) {
  asio::io_context io;
  asio::ip::tcp::socket socket(io);
  socket.open(asio::ip::tcp::v4());
  socket.bind(asio::ip::tcp::endpoint(asio::ip::make_address(source_address), 0));
  socket.connect(asio::ip::tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
  http::request<http::string_body> request(http::string_to_verb(method), target, 11);
  request.set(http::field::host, "127.0.0.1");
  for (auto const& header : headers) request.set(header.name, header.value);
  request.prepare_payload();
  http::write(socket, request);
  boost::beast::flat_buffer buffer;
  http::response<http::string_body> response;
  http::read(socket, buffer, response);
  return AdminReply{response.result_int(), response.body(), parse_or_null(response.body())};
}

}  // namespace tradelink::sandbox::test
