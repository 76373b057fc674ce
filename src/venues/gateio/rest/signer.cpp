// Gate.io API v4 docs: "APIv4 signed request requirements" and "API Signature string generation";
// Spot/Futures WebSocket v4 docs: "Authentication" and "Websocket API / Login".
#include "venues/gateio/rest/signer.hpp"

#include <charconv>
#include <string>

#include "crypto/sha512.hpp"

namespace tradelink::gateio {
namespace {

constexpr std::size_t stack_message_capacity = 4096;

// Appends pieces into a fixed stack buffer, falling back to a heap string when they do not fit,
// so the common signature string costs no allocation.
class MessageBuilder {
 public:
  void append(std::string_view piece) {
    if (!overflow_.empty() || size_ + piece.size() > buffer_.size()) {
      if (overflow_.empty()) overflow_.assign(buffer_.data(), size_);
      overflow_.append(piece);
      return;
    }
    piece.copy(buffer_.data() + size_, piece.size());
    size_ += piece.size();
  }
  [[nodiscard]] std::string_view view() const noexcept {
    return overflow_.empty() ? std::string_view{buffer_.data(), size_} : std::string_view{overflow_};
  }

 private:
  // Left uninitialised on purpose: only the first size_ bytes are ever read.
  std::array<char, stack_message_capacity> buffer_;  // NOLINT(cppcoreguidelines-pro-type-member-init)
  std::size_t size_ = 0;
  std::string overflow_;
};

void build_rest_message(RestRequestParts const& parts, MessageBuilder& message) {
  std::array<char, 128> body_hash{};
  crypto::sha512_hex(parts.body, body_hash.data());
  message.append(parts.method);
  message.append("\n");
  message.append(parts.path);
  message.append("\n");
  message.append(parts.query);
  message.append("\n");
  message.append({body_hash.data(), body_hash.size()});
  message.append("\n");
  message.append(parts.timestamp);
}

HexDigest to_hex_digest(crypto::HmacSha512 const& hmac, std::string_view message) {
  HexDigest digest{};
  hmac.mac_hex(message, digest.data());
  return digest;
}

}  // namespace

Signer::Signer(Credential const& credential)
    : api_key_(credential.api_key()), hmac_(credential.secret().reveal()) {}

std::string Signer::rest_signature_string(RestRequestParts const& parts) {
  MessageBuilder message;
  build_rest_message(parts, message);
  return std::string(message.view());
}

RestSignature Signer::sign_rest(RestRequestParts const& parts) const {
  MessageBuilder message;
  build_rest_message(parts, message);
  return RestSignature{api_key_, parts.timestamp, to_hex_digest(hmac_, message.view())};
}

HexDigest Signer::sign_channel(std::string_view channel, std::string_view event,
                               std::int64_t time) const {
  std::array<char, 24> time_text{};
  auto const end = std::to_chars(time_text.data(), time_text.data() + time_text.size(), time).ptr;
  MessageBuilder message;
  message.append("channel=");
  message.append(channel);
  message.append("&event=");
  message.append(event);
  message.append("&time=");
  message.append({time_text.data(), static_cast<std::size_t>(end - time_text.data())});
  return to_hex_digest(hmac_, message.view());
}

HexDigest Signer::sign_ws_api(std::string_view channel, std::string_view request_param,
                              std::string_view timestamp) const {
  MessageBuilder message;
  message.append("api\n");
  message.append(channel);
  message.append("\n");
  message.append(request_param);
  message.append("\n");
  message.append(timestamp);
  return to_hex_digest(hmac_, message.view());
}

}  // namespace tradelink::gateio
