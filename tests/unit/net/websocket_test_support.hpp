#pragma once
// Helpers for the WebSocket tests: an io_context on its own thread for clients, a recorder of
// what a client or a server session saw, and raw frame bytes for peers that misbehave on purpose.

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <future>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "net/websocket_client.hpp"
#include "net/websocket_session.hpp"
#include "server_test_support.hpp"

namespace tradelink::net::test {

/// An io_context run by one background thread until destruction.
class IoThread {
 public:
  IoThread()
      : work_(io_.get_executor()), ran_out_(finished_.get_future()), thread_([this] {
          io_.run();
          finished_.set_value();
        }) {}
  /// Lets abandoned connections drain (bounded), then stops.
  ~IoThread() {
    work_.reset();
    if (ran_out_.wait_for(std::chrono::seconds(5)) != std::future_status::ready) io_.stop();
    thread_.join();
  }
  IoThread(IoThread const&) = delete;
  IoThread& operator=(IoThread const&) = delete;

  boost::asio::io_context& io() noexcept { return io_; }

  /// Runs `action` on the io thread and waits for it (e.g. to destroy a client there).
  void call(std::function<void()> const& action) {
    std::promise<void> done;
    boost::asio::post(io_, [&] {
      action();
      done.set_value();
    });
    done.get_future().wait();
  }

 private:
  boost::asio::io_context io_;
  boost::asio::executor_work_guard<boost::asio::io_context::executor_type> work_;
  std::promise<void> finished_;
  std::future<void> ran_out_;
  std::thread thread_;
};

/// What one WebSocket endpoint (client or server session) saw. Thread-safe.
class Recorder {
 public:
  void text(std::string_view message) {
    std::lock_guard lock(mutex_);
    texts_.emplace_back(message);
  }
  void closed(WebSocketCloseInfo const& info) {
    std::lock_guard lock(mutex_);
    ++close_count_;
    close_ = info;
  }
  void connected(core::Result<void> const& result) {
    std::lock_guard lock(mutex_);
    connected_ = result;
  }

  WebSocketClientCallbacks client_callbacks() {
    return WebSocketClientCallbacks{[this](std::string_view message) { text(message); },
                                    [this](WebSocketCloseInfo const& info) { closed(info); }};
  }
  WebSocketClient::ConnectHandler connect_handler() {
    return [this](core::Result<void> result) { connected(result); };
  }

  std::vector<std::string> texts() const {
    std::lock_guard lock(mutex_);
    return texts_;
  }
  std::size_t text_count() const {
    std::lock_guard lock(mutex_);
    return texts_.size();
  }
  std::optional<WebSocketCloseInfo> close_info() const {
    std::lock_guard lock(mutex_);
    return close_;
  }
  int close_count() const {
    std::lock_guard lock(mutex_);
    return close_count_;
  }
  std::optional<core::Result<void>> connect_result() const {
    std::lock_guard lock(mutex_);
    return connected_;
  }

  bool wait_connected(std::chrono::milliseconds limit = std::chrono::seconds(10)) const {
    return eventually([this] { return connect_result().has_value(); }, limit);
  }
  bool wait_texts(std::size_t count,
                  std::chrono::milliseconds limit = std::chrono::seconds(10)) const {
    return eventually([&] { return text_count() >= count; }, limit);
  }
  bool wait_closed(std::chrono::milliseconds limit = std::chrono::seconds(10)) const {
    return eventually([this] { return close_count() > 0; }, limit);
  }

 private:
  mutable std::mutex mutex_;
  std::vector<std::string> texts_;
  std::optional<WebSocketCloseInfo> close_;
  int close_count_ = 0;
  std::optional<core::Result<void>> connected_;
};

/// An HTTP upgrade request for `target` with the given WebSocket version.
inline std::string upgrade_request(std::string_view target, std::string_view version = "13",
                                   std::string_view extra_headers = {}) {
  std::string request = "GET ";
  request += target;
  request +=
      " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
      "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: ";
  request += version;
  request += "\r\n";
  request += extra_headers;
  request += "\r\n";
  return request;
}

/// One final client frame (masked, as RFC 6455 requires from clients) with a short payload.
inline std::string masked_frame(std::uint8_t opcode, std::string_view payload) {
  std::string frame;
  frame += static_cast<char>(0x80U | opcode);
  frame += static_cast<char>(0x80U | static_cast<unsigned>(payload.size()));  // < 126 bytes
  std::uint8_t const mask[4] = {0x11, 0x22, 0x33, 0x44};
  for (std::uint8_t const byte : mask) frame += static_cast<char>(byte);
  for (std::size_t i = 0; i < payload.size(); ++i) {
    frame += static_cast<char>(static_cast<std::uint8_t>(payload[i]) ^ mask[i % 4]);
  }
  return frame;
}

}  // namespace tradelink::net::test
