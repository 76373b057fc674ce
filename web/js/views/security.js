// Security: rotate a key, delete it (optionally cancelling its open orders), the audit log.

import { api, ApiError } from "../api.js";
import { h, mount, toast } from "../dom.js";
import { dateTime, expiryText } from "../format.js";
import { outcome } from "../report.js";

export function renderSecurity(main, state, bindingId) {
  const audit = h("div.audit", { "aria-live": "polite" }, h("p", "Loading…"));
  const path = bindingId ? `/api/v1/bindings/${encodeURIComponent(bindingId)}/audit` : "/api/v1/audit";
  const loadAudit = () => api("GET", path).then(
    (log) => mount(audit, auditTable(log.entries, state)),
    (failure) => mount(audit, h("p.form-error", failure.message)));
  const cards = state.bindings
    .filter((b) => !bindingId || b.id === bindingId)
    .map((binding) => securityCard(binding, state, loadAudit));
  mount(main, h("h1", "Security"),
    cards.length ? cards : h("p.empty", "No API keys bound."),
    h("h2", "Audit log"), audit);
  loadAudit();
}

function securityCard(binding, state, loadAudit) {
  const prefix = `k-${binding.id}`;
  const maskedKey = h("code", binding.api_key);
  const result = h("div.rotate-result", { "aria-live": "polite" });
  const newKey = h("input", { id: `${prefix}-key`, autocomplete: "off", spellcheck: false, required: true });
  const newSecret = h("input", { id: `${prefix}-secret`, type: "password", autocomplete: "off", required: true });
  const rotate = h("form.rotate", { "aria-label": `Rotate ${binding.label}` },
    h("h3", "Rotate key"),
    h("p.hint", "Create a new key on the same exchange account (ideally bound to IP addresses). It is verified before the old one is retired."),
    h("label", { for: `${prefix}-key` }, "New API Key"), newKey,
    h("label", { for: `${prefix}-secret` }, "New Secret"), newSecret,
    h("button.primary", { type: "submit" }, "Rotate"), result);
  rotate.addEventListener("submit", async (event) => {
    event.preventDefault();
    const button = rotate.querySelector("button");
    button.disabled = true;
    mount(result, h("p", "Verifying the new key…"));
    try {
      const updated = await api("POST", `/api/v1/bindings/${encodeURIComponent(binding.id)}/rotate`,
                                { api_key: newKey.value, secret: newSecret.value });
      newSecret.value = "";
      state.upsert(updated);
      maskedKey.textContent = updated.api_key;
      mount(result, h("p.ok-text", `Rotated: now using ${updated.api_key}.`), outcome(updated));
    } catch (failure) {
      mount(result, h("p.form-error", { role: "alert" }, failure instanceof ApiError ? failure.message : String(failure)));
    } finally {
      loadAudit();
      button.disabled = false;
    }
  });

  const cancelOrders = h("input", { type: "checkbox", id: `${prefix}-cancel` });
  const remove = h("form.delete", { "aria-label": `Delete ${binding.label}` },
    h("h3", "Delete key"),
    h("p.hint", "The secret is purged; the audit log keeps the event. Delete the key on the exchange too."),
    h("label.check-label", cancelOrders, " Cancel open orders placed with this key"),
    h("button.danger", { type: "submit" }, "Delete"));
  remove.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!confirm(`Delete ${binding.label} (${binding.api_key})?`)) return;
    try {
      const query = cancelOrders.checked ? "?cancel_open_orders=true" : "";
      const done = await api("DELETE", `/api/v1/bindings/${encodeURIComponent(binding.id)}${query}`);
      state.remove(binding.id);
      toast(`Deleted ${binding.label}${done.cancelled_orders ? `; ${done.cancelled_orders} orders cancelled` : ""}`);
      location.hash = "#/keys";
    } catch (failure) {
      toast(failure.message);
    }
  });
  const expiry = expiryText(binding.expires_at_ms);
  return h("section.card.security", { "data-binding": binding.id },
    h("h2", `${binding.label} `, maskedKey),
    expiry ? h("p.expiry", `⏰ ${expiry}`) : h("p.hint", "Bound to IP addresses: does not expire."),
    h("div.two-col", rotate, remove));
}

function auditTable(entries, state) {
  if (!entries.length) return h("p.empty", "No events yet.");
  const labels = new Map(state.bindings.map((b) => [b.id, b.label]));
  return h("table",
    h("caption.visually-hidden", "Audit log, newest first"),
    h("thead", h("tr", ["When", "Event", "Key", "Detail"].map((t) => h("th", { scope: "col" }, t)))),
    h("tbody", entries.map((entry) => h("tr",
      h("td", dateTime(entry.at_ms)), h("td", entry.event),
      h("td", entry.binding_id ? labels.get(entry.binding_id) || entry.binding_id : "–"),
      h("td.detail", summary(entry.detail))))));
}

function summary(detail) {
  if (!detail || typeof detail !== "object") return String(detail ?? "");
  return Object.entries(detail).map(([key, value]) =>
    `${key}: ${typeof value === "object" ? JSON.stringify(value) : value}`).join(" · ");
}
