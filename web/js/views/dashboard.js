// The dashboard: key health at a glance and expiry reminders.

import { h, mount } from "../dom.js";
import { expiresSoon, expiryText, statusBadge } from "../format.js";

export function renderDashboard(main, state) {
  const bindings = state.bindings;
  const connected = bindings.filter((b) => b.status === "connected").length;
  const reminders = bindings.filter((b) => expiresSoon(b.expires_at_ms));
  const problems = bindings.filter((b) => b.status !== "connected");
  mount(main,
    h("h1", "Dashboard"),
    h("section.tiles", { "aria-label": "Summary" },
      h("div.tile", h("span.tile-value", String(bindings.length)), h("span.tile-label", "API keys")),
      h("div.tile", h("span.tile-value", String(connected)), h("span.tile-label", "connected")),
      h("div.tile", h("span.tile-value", String(problems.length)), h("span.tile-label", "need attention"))),
    reminders.length
      ? h("section.card.reminders", { "aria-labelledby": "reminders-title" },
          h("h2", { id: "reminders-title" }, "⏰ Expiry reminders"),
          h("ul", reminders.map((b) => h("li",
            h("strong", b.label), ` (${b.api_key}) ${expiryText(b.expires_at_ms)} — `,
            "keys without an IP whitelist expire after 90 days. ",
            h("a", { href: `#/security/${b.id}` }, "Rotate it to an IP-bound key")))))
      : null,
    problems.length
      ? h("section.card", { "aria-labelledby": "problems-title" },
          h("h2", { id: "problems-title" }, "Keys that need attention"),
          h("ul.plain", problems.map((b) => h("li", statusBadge(b), " ", h("a", { href: `#/keys` }, b.label)))))
      : null,
    bindings.length === 0
      ? h("section.card.empty",
          h("h2", "Connect your first exchange account"),
          h("p", "Create an API v4 key on Gate.io, then bind it here. tradelink checks it and tells you exactly what to fix."),
          h("a.button.primary", { href: "#/keys/add" }, "Add API key"))
      : h("p", h("a.button", { href: "#/keys" }, "Go to API Management")));
}
