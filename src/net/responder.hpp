#pragma once
// The one-shot answer channel handed to an HTTP request handler. It may be used right away or
// moved to another thread and used later; a responder dropped without answering answers 500.

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>

#include "net/server_types.hpp"

namespace tradelink::net {

/// Where a Responder's answer goes. HttpServer implements it per connection; tests and adapters
/// may implement it to capture answers (see Responder::capture).
class ResponseTarget {
 public:
  virtual ~ResponseTarget() = default;
  /// Takes the answer to the request identified by `token`, or nullopt when the responder was
  /// dropped without answering. Called at most once per responder, on the thread that answered
  /// or dropped it; must be thread-safe and must not throw.
  virtual void complete(std::uint64_t token, std::optional<ServerResponse> response) noexcept = 0;
};

/// Answers one request exactly once. Move-only; thread-safe to use from any thread (one at a
/// time, like any object). Answering after the connection closed or the server stopped is a
/// harmless no-op. Destroying a responder that has not answered answers 500 (the server's
/// error body) on its behalf.
class Responder {
 public:
  /// A responder whose answer goes to `target` tagged with `token`. `target` may be null (a
  /// responder that discards its answer).
  Responder(std::shared_ptr<ResponseTarget> target, std::uint64_t token) noexcept;
  /// A responder that hands its answer to `on_answer` (nullopt when dropped); for testing handlers
  /// without sockets and for adapters.
  static Responder capture(std::function<void(std::optional<ServerResponse>)> on_answer);

  Responder(Responder&& other) noexcept;
  Responder& operator=(Responder&& other) noexcept;
  Responder(Responder const&) = delete;
  Responder& operator=(Responder const&) = delete;
  ~Responder();

  /// Sends `response`. Only the first call counts; later calls are ignored.
  void respond(ServerResponse response) noexcept;

  /// True until respond() was called (or the responder was moved from).
  [[nodiscard]] bool pending() const noexcept { return target_ != nullptr; }

 private:
  void finish(std::optional<ServerResponse> response) noexcept;

  std::shared_ptr<ResponseTarget> target_;
  std::uint64_t token_ = 0;
};

}  // namespace tradelink::net
