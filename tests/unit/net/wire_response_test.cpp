// The bytes of an answer as the server writes them must be those Beast's serializer would write.

#include "net/server/wire_response.hpp"

#include <gtest/gtest.h>

#include <boost/beast/http/write.hpp>

#include <sstream>
#include <string>
#include <vector>

namespace tradelink::net::detail {
namespace {

std::string beast_bytes(WireResponse const& message) {
  std::ostringstream out;
  out << message;
  return out.str();
}

ServerResponse answer(unsigned status, std::vector<Header> headers, std::string body) {
  ServerResponse response;
  response.status = status;
  response.headers = std::move(headers);
  response.body = std::move(body);
  return response;
}

TEST(WireBytes, AreWhatBeastWouldWrite) {
  struct Case {
    ServerResponse response;
    unsigned version;
    bool head;
    bool keep_alive;
  };
  std::vector<Case> cases{
      {answer(200,
              {{"Content-Type", "application/json"},
               {"Cache-Control", "no-store"},
               {"X-Content-Type-Options", "nosniff"}},
              R"({"binding_id":"kb_1","balances":[]})"),
       11, false, true},
      {answer(404, {{"Content-Type", "text/plain"}}, "no such endpoint"), 11, false, false},
      {answer(200, {{"Content-Type", "text/html"}}, "<!doctype html>"), 11, true, true},
      {answer(204, {{"Set-Cookie", "tl_session=; Max-Age=0"}}, ""), 11, false, true},
      {answer(200, {{"X-Custom", "a value"}}, "ten bytes."), 10, false, true},
      {answer(200, {}, "closing"), 10, false, false},
      {answer(599, {{"Connection", "close"}}, "unusual status"), 11, false, true},
  };
  for (Case& c : cases) {
    auto prepared = prepare_response(std::move(c.response), c.version, c.head, c.keep_alive);
    ASSERT_TRUE(prepared.has_value());
    std::string ours = "left from before|";
    append_wire_bytes(prepared->message, ours);
    EXPECT_EQ(ours, "left from before|" + beast_bytes(prepared->message));
  }
}

}  // namespace
}  // namespace tradelink::net::detail
