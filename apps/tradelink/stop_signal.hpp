#pragma once
// Serving until Ctrl-C: the stop signals are blocked in every thread (block them before starting
// any) and taken synchronously by the main thread.

namespace tradelink::cli {

/// Blocks SIGINT and SIGTERM in the calling thread and the threads it starts afterwards.
void block_stop_signals();
/// Waits until SIGINT or SIGTERM arrives.
void wait_for_stop_signal();

}  // namespace tradelink::cli
