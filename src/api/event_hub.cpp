#include "api/event_hub.hpp"

#include <boost/json/serialize.hpp>

#include <algorithm>
#include <utility>

#include "api/json_views.hpp"

namespace tradelink::api {

EventHub::~EventHub() {
  std::map<std::int64_t, UserStreams> users;
  {
    std::lock_guard lock(mutex_);
    users.swap(users_);
    owner_of_session_.clear();
  }
  // Watch handles are released here, outside the lock: cancelling may wait for a listener
  // that is itself waiting for the lock.
}

void EventHub::add(std::int64_t user_id, net::WebSocketSession session) {
  bool needs_watch = false;
  {
    std::lock_guard lock(mutex_);
    UserStreams& streams = users_[user_id];
    owner_of_session_[session.id()] = user_id;
    streams.sessions.push_back(std::move(session));
    if (balances_ != nullptr && !streams.watching) {
      streams.watching = true;
      needs_watch = true;
    }
  }
  if (!needs_watch) return;
  platform::sync::WatchHandle handle =
      balances_->watch(user_id, [this, user_id](platform::sync::BindingBalances const& balances) {
        publish(user_id, "balances", boost::json::serialize(balances_json(balances)));
      });
  std::lock_guard lock(mutex_);
  auto const found = users_.find(user_id);
  // The user's streams may all have closed meanwhile; the handle then ends the watch on return.
  if (found != users_.end()) found->second.watch = std::move(handle);
}

void EventHub::remove(std::uint64_t session_id) {
  platform::sync::WatchHandle released;
  {
    std::lock_guard lock(mutex_);
    auto const owner = owner_of_session_.find(session_id);
    if (owner == owner_of_session_.end()) return;
    auto const user = users_.find(owner->second);
    owner_of_session_.erase(owner);
    if (user == users_.end()) return;
    auto& sessions = user->second.sessions;
    std::erase_if(sessions, [session_id](net::WebSocketSession const& session) {
      return session.id() == session_id;
    });
    if (sessions.empty()) {
      released = std::move(user->second.watch);
      users_.erase(user);
    }
  }
}

void EventHub::publish(std::int64_t user_id, std::string_view type, std::string_view data_json) {
  std::string message = R"({"type":)" + boost::json::serialize(boost::json::string(type)) +
                        R"(,"data":)" + std::string(data_json) + "}";
  send_all(user_id, message);
}

void EventHub::send_all(std::int64_t user_id, std::string const& message) {
  std::vector<net::WebSocketSession> sessions;
  {
    std::lock_guard lock(mutex_);
    auto const found = users_.find(user_id);
    if (found == users_.end()) return;
    sessions = found->second.sessions;
  }
  for (net::WebSocketSession const& session : sessions) session.send_text(message);
}

std::size_t EventHub::stream_count() const {
  std::lock_guard lock(mutex_);
  return owner_of_session_.size();
}

}  // namespace tradelink::api
