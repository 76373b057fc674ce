#include "sandbox/service/faults.hpp"

namespace tradelink::sandbox {
namespace {

std::string fault_message(unsigned status, std::string_view label) {
  if (status == 429) return "Request Rate limit Exceeded";
  return std::string("Injected fault: ") + std::string(label);
}

}  // namespace

void Faults::set_rest(std::string group, RestFaultSpec spec) {
  std::scoped_lock const lock(mutex_);
  rest_[std::move(group)] = std::move(spec);
}

void Faults::clear_rest(std::string_view group) {
  std::scoped_lock const lock(mutex_);
  if (auto it = rest_.find(group); it != rest_.end()) rest_.erase(it);
}

void Faults::set_ws(WsFaultSpec spec) {
  std::scoped_lock const lock(mutex_);
  ws_ = spec;
}

void Faults::clear_all() {
  std::scoped_lock const lock(mutex_);
  rest_.clear();
  ws_ = {};
}

RestFaultDecision Faults::on_rest(std::string_view group) {
  std::scoped_lock const lock(mutex_);
  RestFaultDecision decision;
  for (std::string_view const name : {group, std::string_view("all")}) {
    auto it = rest_.find(name);
    if (it == rest_.end()) continue;
    RestFaultSpec& spec = it->second;
    decision.delay = std::max(decision.delay, spec.latency);
    if (decision.refuse) continue;
    bool fail = false;
    if (spec.fail_next != 0) {
      fail = true;
      if (spec.fail_next > 0) --spec.fail_next;
    } else if (spec.fail_percent > 0) {
      fail = std::uniform_int_distribution<int>(0, 99)(rng_) < spec.fail_percent;
    }
    if (fail) decision.refuse = Refusal{spec.status, spec.label, fault_message(spec.status, spec.label)};
  }
  return decision;
}

bool Faults::take_private_omission() {
  std::lock_guard const lock(mutex_);
  if (ws_.omit_private_updates <= 0) return false;
  --ws_.omit_private_updates;
  return true;
}

WsFaultSpec Faults::ws() const {
  std::scoped_lock const lock(mutex_);
  return ws_;
}

std::map<std::string, RestFaultSpec, std::less<>> Faults::rest() const {
  std::scoped_lock const lock(mutex_);
  return rest_;
}

}  // namespace tradelink::sandbox
