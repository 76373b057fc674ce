#include "net/websocket_session.hpp"

#include <algorithm>
#include <utility>

#include "net/text/ascii.hpp"
#include "net/websocket/outbox.hpp"

namespace tradelink::net {

std::string_view UpgradeRequest::path() const noexcept {
  return std::string_view(target).substr(0, target.find('?'));
}

std::string_view UpgradeRequest::query() const noexcept {
  std::size_t const question = target.find('?');
  return question == std::string::npos ? std::string_view{}
                                       : std::string_view(target).substr(question + 1);
}

std::string_view UpgradeRequest::header(std::string_view name) const noexcept {
  auto const found = std::find_if(headers.begin(), headers.end(), [&](Header const& field) {
    return detail::ascii_iequals(field.name, name);
  });
  return found == headers.end() ? std::string_view{} : std::string_view(found->value);
}

WebSocketSession::WebSocketSession(std::shared_ptr<detail::Outbox> outbox,
                                   std::shared_ptr<UpgradeRequest const> request,
                                   std::uint64_t id) noexcept
    : outbox_(std::move(outbox)), request_(std::move(request)), id_(id) {}

bool WebSocketSession::send_text(std::string message) const {
  return outbox_->push(std::move(message));
}

void WebSocketSession::close(std::uint16_t code, std::string reason) const {
  outbox_->request_close(code, std::move(reason));
}

void WebSocketSession::abort() const { outbox_->request_abort(); }

bool WebSocketSession::is_open() const noexcept {
  return outbox_->accepting();
}

std::size_t WebSocketSession::queued_bytes() const noexcept {
  return outbox_->queued_bytes();
}

}  // namespace tradelink::net
