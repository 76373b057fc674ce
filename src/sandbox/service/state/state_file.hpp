#pragma once
// The state file on disk: a StateSnapshot as JSON, written atomically (a 0600 temporary file in
// the same folder, flushed, then renamed over the old one: it holds API secrets) and read back
// with every field checked, so a damaged file is a clear error and never a crash.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "sandbox/service/state/state_snapshot.hpp"

namespace tradelink::sandbox::state {

/// The snapshot as JSON text.
[[nodiscard]] std::string state_to_json(StateSnapshot const& snapshot);
/// Parses state_to_json() output. Errors (`sandbox.state`): not JSON, another format or
/// version, a missing or ill-typed field (the message names it).
[[nodiscard]] core::Result<StateSnapshot> state_from_json(std::string_view text);

/// The snapshot in `path`, or nullopt when the file does not exist. Errors (`sandbox.state`):
/// unreadable or malformed file, naming the path.
[[nodiscard]] core::Result<std::optional<StateSnapshot>> read_state_file(
    std::filesystem::path const& path);
/// Replaces `path` with the snapshot atomically; the file gets mode 0600. Errors
/// (`sandbox.state`): the file cannot be written (the message names the path and the cause).
[[nodiscard]] core::Result<void> write_state_file(std::filesystem::path const& path,
                                                  StateSnapshot const& snapshot);

}  // namespace tradelink::sandbox::state
