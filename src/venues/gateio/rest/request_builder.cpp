#include "venues/gateio/rest/request_builder.hpp"

#include <cstddef>
#include <cstring>
#include <vector>

#include "venues/gateio/rest/detail/short_text.hpp"

namespace tradelink::gateio {
namespace {

constexpr std::size_t sign_hex_length = 128;

// The rare branches (a request that held other headers, or none) are out of line: the path a
// steady sender takes stays short and dense, which matters more next to the SHA-512 code it runs
// with than the instructions themselves.

/// `text` resized to `size`, when it was not that size already.
[[gnu::cold, gnu::noinline]] void resize_text(std::string& text, std::size_t size) {
  text.resize(size);
}
[[gnu::cold, gnu::noinline]] void assign_text(std::string& text, std::string_view value) {
  text.assign(value);
}

/// `text` = `value` in `text`'s buffer, which allocates only when the buffer is too small:
/// never in a request that held the same header before.
void overwrite(std::string& text, std::string_view value) {
  if (text.size() != value.size()) [[unlikely]]
    resize_text(text, value.size());
  detail::copy_text(text.data(), value);
}

/// `text` = the string literal `literal`. The length is a constant, so the comparison that
/// usually finds the same text already there compiles to a few loads.
template <std::size_t N>
void overwrite(std::string& text, char const (&literal)[N]) {
  constexpr std::size_t size = N - 1;
  if (text.size() != size || std::memcmp(text.data(), literal, size) != 0) [[unlikely]] {
    assign_text(text, {literal, size});
  }
}

[[gnu::cold, gnu::noinline]] void add_slot(std::vector<net::Header>& headers) {
  headers.emplace_back();
}
[[gnu::cold, gnu::noinline]] void drop_slots_from(std::vector<net::Header>& headers,
                                                  std::size_t first) {
  headers.erase(headers.begin() + static_cast<std::ptrdiff_t>(first), headers.end());
}

/// Fills a request's header list slot by slot, reusing the strings already in each slot, and
/// drops the slots left over at the end.
class HeaderWriter {
 public:
  explicit HeaderWriter(std::vector<net::Header>& headers) : headers_(headers) {}

  /// Header `name` whose value the caller writes into the returned string.
  template <std::size_t N>
  std::string& put(char const (&name)[N]) {
    if (next_ == headers_.size()) [[unlikely]]
      add_slot(headers_);
    net::Header& header = headers_[next_++];
    overwrite(header.name, name);
    return header.value;
  }
  template <std::size_t N, class Value>
  void put(char const (&name)[N], Value const& value) {
    overwrite(put(name), value);
  }

  void finish() {
    if (next_ != headers_.size()) drop_slots_from(headers_, next_);
  }

 private:
  std::vector<net::Header>& headers_;
  std::size_t next_ = 0;
};

}  // namespace

RequestBuilder::RequestBuilder(RequestBuildOptions options, Signer const* signer)
    : base_path_(options.base_path), size_decimal_(options.size_decimal) {
  if (signer != nullptr) signing_.emplace(*signer);
}

void RequestBuilder::build(Endpoint const& endpoint, std::string_view timestamp,
                           net::HttpRequest& request) {
  request.method = endpoint.method;
  std::string& target = request.target;  // base path + path, in the target's own buffer
  if (std::size_t const size = base_path_.size() + endpoint.path.size(); target.size() != size)
      [[unlikely]] {
    resize_text(target, size);
  }
  detail::copy_text(detail::copy_text(target.data(), base_path_), endpoint.path);
  overwrite(request.body, endpoint.body);

  HeaderWriter headers(request.headers);
  headers.put("Accept", "application/json");
  if (!endpoint.body.empty()) headers.put("Content-Type", "application/json");
  if (size_decimal_) headers.put("X-Gate-Size-Decimal", "1");
  if (endpoint.auth == Auth::signed_call && signing_) {
    headers.put("KEY", signing_->api_key());
    headers.put("Timestamp", timestamp);
    std::string& sign = headers.put("SIGN");
    if (sign.size() != sign_hex_length) [[unlikely]]
      resize_text(sign, sign_hex_length);
    // Signed before the query joins the target: the signature covers path and query apart.
    signing_->sign_rest(
        {net::to_string(endpoint.method), request.target, endpoint.query, request.body, timestamp},
        sign.data());
  }
  headers.finish();
  if (!endpoint.query.empty()) request.target.append("?").append(endpoint.query);
}

}  // namespace tradelink::gateio
