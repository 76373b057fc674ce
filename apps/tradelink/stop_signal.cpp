#include "stop_signal.hpp"

#include <pthread.h>

#include <csignal>

namespace tradelink::cli {
namespace {

sigset_t stop_signals() {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  return signals;
}

}  // namespace

void block_stop_signals() {
  sigset_t const signals = stop_signals();
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
}

void wait_for_stop_signal() {
  sigset_t const signals = stop_signals();
  int signal = 0;
  sigwait(&signals, &signal);
}

}  // namespace tradelink::cli
