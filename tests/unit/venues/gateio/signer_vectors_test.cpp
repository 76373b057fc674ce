// Reproduces every signing vector of tests/data/gateio/gateio-v4-vectors.json (a copy of the
// team's shared reference). The suite fails when the file is missing or unreadable.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <fstream>
#include <sstream>
#include <string>

#include "crypto/sha512.hpp"
#include "venues/gateio/rest/signer.hpp"

namespace tradelink::gateio {
namespace {

boost::json::value const& vectors() {
  static boost::json::value const document = [] {
    std::ifstream file(TRADELINK_VECTORS_FILE, std::ios::binary);
    if (!file) throw std::runtime_error("cannot read signing vectors: " TRADELINK_VECTORS_FILE);
    std::ostringstream text;
    text << file.rdbuf();
    return boost::json::parse(text.str());
  }();
  return document;
}

std::string text(boost::json::object const& vector, char const* field) {
  return std::string(vector.at(field).as_string());
}

Signer signer_for(boost::json::object const& vector) {
  return Signer(Credential(text(vector, "key"), crypto::SecretString(text(vector, "secret"))));
}

boost::json::array const& section(char const* name) { return vectors().at(name).as_array(); }

TEST(SignerVectors, FileHoldsTheExpectedCases) {
  EXPECT_EQ(section("rest").size(), 17U);
  EXPECT_EQ(section("ws").size(), 3U);
  EXPECT_EQ(section("ws_api").size(), 3U);
}

TEST(SignerVectors, RestPayloadHashesAndSignatures) {
  int checked = 0;
  for (auto const& entry : section("rest")) {
    auto const& vector = entry.as_object();
    SCOPED_TRACE(text(vector, "id"));
    std::string const method = text(vector, "method");
    std::string const path = text(vector, "path");
    std::string const query = text(vector, "query");
    std::string const body = text(vector, "body");
    std::string const timestamp = text(vector, "timestamp");
    RestRequestParts const parts{method, path, query, body, timestamp};

    EXPECT_EQ(crypto::sha512_hex(body), text(vector, "expected_payload_hash"));
    EXPECT_EQ(Signer::rest_signature_string(parts), text(vector, "signature_string"));

    Signer const signer = signer_for(vector);
    RestSignature const signature = signer.sign_rest(parts);
    EXPECT_EQ(view(signature.sign), text(vector, "expected_sign"));

    auto const& headers = vector.at("headers").as_object();
    EXPECT_EQ(signature.key, std::string_view(headers.at("KEY").as_string()));
    EXPECT_EQ(signature.timestamp, std::string_view(headers.at("Timestamp").as_string()));
    EXPECT_EQ(view(signature.sign), std::string_view(headers.at("SIGN").as_string()));
    ++checked;
  }
  EXPECT_EQ(checked, 17);
}

TEST(SignerVectors, WebSocketChannelAuth) {
  int checked = 0;
  for (auto const& entry : section("ws")) {
    auto const& vector = entry.as_object();
    SCOPED_TRACE(text(vector, "id"));
    Signer const signer = signer_for(vector);
    auto const sign = signer.sign_channel(text(vector, "channel"), text(vector, "event"),
                                          vector.at("time").as_int64());
    EXPECT_EQ(view(sign), text(vector, "expected_sign"));
    auto const& auth = vector.at("auth").as_object();
    EXPECT_EQ(std::string_view(auth.at("method").as_string()), "api_key");
    EXPECT_EQ(view(sign), std::string_view(auth.at("SIGN").as_string()));
    ++checked;
  }
  EXPECT_EQ(checked, 3);
}

TEST(SignerVectors, WebSocketApi) {
  int checked = 0;
  for (auto const& entry : section("ws_api")) {
    auto const& vector = entry.as_object();
    SCOPED_TRACE(text(vector, "id"));
    Signer const signer = signer_for(vector);
    std::string const timestamp = std::to_string(vector.at("time").as_int64());
    auto const sign = signer.sign_ws_api(text(vector, "channel"), text(vector, "req_param"), timestamp);
    EXPECT_EQ(view(sign), text(vector, "expected_sign"));
    ++checked;
  }
  EXPECT_EQ(checked, 3);
}

TEST(Signer, LongRequestsFallBackToTheHeapAndStillSign) {
  Signer const signer(Credential("key", crypto::SecretString("secret")));
  std::string const long_query(10'000, 'a');
  RestRequestParts const parts{"GET", "/api/v4/spot/orders", long_query, "", "1700000000"};
  std::string const message = Signer::rest_signature_string(parts);
  EXPECT_EQ(message.size(), 3 + 1 + 19 + 1 + 10'000 + 1 + 128 + 1 + 10);
  crypto::HmacSha512 const reference("secret");
  EXPECT_EQ(view(signer.sign_rest(parts).sign), reference.mac_hex(message));
}

TEST(Signer, DifferentSecretsGiveDifferentSignatures) {
  RestRequestParts const parts{"GET", "/api/v4/spot/accounts", "", "", "1700000000"};
  Signer const first(Credential("key", crypto::SecretString("secret-a")));
  Signer const second(Credential("key", crypto::SecretString("secret-b")));
  EXPECT_NE(view(first.sign_rest(parts).sign), view(second.sign_rest(parts).sign));
}

}  // namespace
}  // namespace tradelink::gateio
