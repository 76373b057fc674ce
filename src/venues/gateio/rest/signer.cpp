// Gate.io API v4 docs: "APIv4 signed request requirements" and "API Signature string generation";
// Spot/Futures WebSocket v4 docs: "Authentication" and "Websocket API / Login".
#include "venues/gateio/rest/signer.hpp"

#include <array>
#include <charconv>
#include <cstddef>
#include <memory>
#include <string>

#include "crypto/sha512.hpp"

namespace tradelink::gateio {
namespace {

constexpr std::size_t stack_message_capacity = 4096;

// Appends pieces into a fixed stack buffer, falling back to a heap string when they do not fit,
// so a WebSocket signature string costs no allocation.
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

/// Bytes of the REST signature string: the parts, four newlines and the hex body hash.
std::size_t rest_message_size(RestRequestParts const& parts) noexcept {
  return parts.method.size() + parts.path.size() + parts.query.size() + sizeof(HexDigest) +
         parts.timestamp.size() + 4;
}

char* put(char* out, std::string_view piece) noexcept {
  piece.copy(out, piece.size());
  return out + piece.size();
}

/// Writes the REST signature string to `out` (rest_message_size bytes) except the hex body
/// hash, and returns where its 128 characters go.
char* write_rest_message(RestRequestParts const& parts, char* out) noexcept {
  out = put(out, parts.method);
  *out++ = '\n';
  out = put(out, parts.path);
  *out++ = '\n';
  out = put(out, parts.query);
  *out++ = '\n';
  char* const body_hash = out;
  out += sizeof(HexDigest);
  *out++ = '\n';
  put(out, parts.timestamp);
  return body_hash;
}

/// A signature string's storage: on the stack when it fits, which is every ordinary request.
class RestMessage {
 public:
  explicit RestMessage(std::size_t size) : size_(size) {
    if (size > stack_.size()) {
      heap_ = std::make_unique_for_overwrite<char[]>(size);
      data_ = heap_.get();
    }
  }
  RestMessage(RestMessage const&) = delete;
  RestMessage& operator=(RestMessage const&) = delete;

  [[nodiscard]] char* data() noexcept { return data_; }
  [[nodiscard]] std::string_view view() const noexcept { return {data_, size_}; }

 private:
  // Left uninitialised on purpose: the first size_ bytes are written before being read.
  // NOLINTNEXTLINE(cppcoreguidelines-pro-type-member-init)
  std::array<char, stack_message_capacity> stack_;
  std::size_t size_;
  std::unique_ptr<char[]> heap_;
  char* data_ = stack_.data();
};

HexDigest to_hex_digest(crypto::HmacSha512 const& hmac, std::string_view message) {
  HexDigest digest{};
  hmac.mac_hex(message, digest.data());
  return digest;
}

}  // namespace

Signer::Signer(Credential const& credential)
    : api_key_(credential.api_key()), hmac_(credential.secret().reveal()) {}

std::string Signer::rest_signature_string(RestRequestParts const& parts) {
  std::string message(rest_message_size(parts), '\0');
  crypto::sha512_hex(parts.body, write_rest_message(parts, message.data()));
  return message;
}

RestSignature Signer::sign_rest(RestRequestParts const& parts) const {
  return SigningContext(*this).sign_rest(parts);
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

SigningContext::SigningContext(Signer const& signer) : signer_(&signer), hmac_(signer.hmac_) {}

void SigningContext::sign_rest(RestRequestParts const& parts, char* sign_out) {
  RestMessage message(rest_message_size(parts));
  body_hash_.hex(parts.body, write_rest_message(parts, message.data()));
  hmac_.mac_hex(message.view(), sign_out);
}

RestSignature SigningContext::sign_rest(RestRequestParts const& parts) {
  RestSignature signature{signer_->api_key(), parts.timestamp, {}};
  sign_rest(parts, signature.sign.data());
  return signature;
}

}  // namespace tradelink::gateio
