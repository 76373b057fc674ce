#include "net/responder.hpp"

#include <utility>

namespace tradelink::net {
namespace {

/// ResponseTarget behind Responder::capture.
class CallbackTarget final : public ResponseTarget {
 public:
  explicit CallbackTarget(std::function<void(std::optional<ServerResponse>)> on_answer)
      : on_answer_(std::move(on_answer)) {}

  void complete(std::uint64_t /*token*/, std::optional<ServerResponse> response) noexcept override {
    if (!on_answer_) return;
    try {
      on_answer_(std::move(response));
    } catch (...) {
      // A capturing callback has nobody to report to; the answer is simply lost.
    }
  }

 private:
  std::function<void(std::optional<ServerResponse>)> on_answer_;
};

}  // namespace

Responder::Responder(std::shared_ptr<ResponseTarget> target, std::uint64_t token) noexcept
    : target_(std::move(target)), token_(token) {}

Responder Responder::capture(std::function<void(std::optional<ServerResponse>)> on_answer) {
  return Responder(std::make_shared<CallbackTarget>(std::move(on_answer)), 0);
}

Responder::Responder(Responder&& other) noexcept
    : target_(std::move(other.target_)), token_(other.token_) {}

Responder& Responder::operator=(Responder&& other) noexcept {
  if (this != &other) {
    finish(std::nullopt);
    target_ = std::move(other.target_);
    token_ = other.token_;
  }
  return *this;
}

Responder::~Responder() {
  finish(std::nullopt);
}

void Responder::respond(ServerResponse response) noexcept {
  finish(std::move(response));
}

void Responder::finish(std::optional<ServerResponse> response) noexcept {
  if (!target_) return;
  std::shared_ptr<ResponseTarget> const target = std::move(target_);
  target_.reset();
  target->complete(token_, std::move(response));
}

}  // namespace tradelink::net
