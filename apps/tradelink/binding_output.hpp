#pragma once
// How key bindings and their verification reports are printed: for people (the status line,
// the checklist, the message and the fix steps) and as JSON for scripts.

#include <string>
#include <vector>

#include "platform/keys/key_service.hpp"
#include "store/records.hpp"

namespace tradelink::cli {

[[nodiscard]] std::string human_binding(platform::keys::BindingView const& binding);
[[nodiscard]] std::string human_binding_line(platform::keys::BindingView const& binding);
[[nodiscard]] std::string json_binding(platform::keys::BindingView const& binding);
[[nodiscard]] std::string json_bindings(std::vector<platform::keys::BindingView> const& bindings);
[[nodiscard]] std::string human_audit(std::vector<store::AuditRecord> const& records);
[[nodiscard]] std::string json_audit(std::vector<store::AuditRecord> const& records);

}  // namespace tradelink::cli
