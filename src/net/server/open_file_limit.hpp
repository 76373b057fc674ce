#pragma once
// Raising the process's open-file limit, so thousands of idle sockets do not exhaust it.

#include <cstdint>

namespace tradelink::net::detail {

/// Raises the soft RLIMIT_NOFILE of the process to its hard limit (a process-wide setting, but
/// only ever upwards and only within what the system already grants). Returns the soft limit in
/// force afterwards (0 when it cannot be read).
std::uint64_t raise_open_file_limit() noexcept;

}  // namespace tradelink::net::detail
