// A verification report on screen: the checklist turning green item by item, then either the
// connected banner or the guide's error with its exact fix.

import { copyButton, h } from "./dom.js";

const STEP_MS = 180;

const CHECK_NAMES = {
  credentials: "API key and secret",
  clock: "Clock in sync",
  "ip whitelist": "IP whitelist",
  "spot permissions": "Spot permissions",
  "futures permissions": "Futures permissions",
  withdrawal: "Withdrawal disabled",
  "account mode": "Account mode",
  expiry: "Key expiry",
};

const MARKS = { passed: "✅", failed: "❌", warning: "⚠️", skipped: "–", pending: "⏳" };

/** The checklist while verification runs: every item the scope will check, pending. */
export function pendingChecklist(scope) {
  const names = ["credentials", "clock", "ip whitelist"];
  if (scope !== "futures") names.push("spot permissions");
  if (scope !== "spot") names.push("futures permissions");
  names.push("withdrawal", "account mode");
  return h("ol.checklist", { "aria-label": "Verification checks" },
    names.map((name) => checkRow({ name, state: "pending", detail: "checking…" })));
}

function checkRow(item) {
  return h(`li.check.${item.state}`, { "data-check": item.name },
    h("span.mark", { "aria-hidden": "true" }, MARKS[item.state] || "–"),
    h("span.check-name", CHECK_NAMES[item.name] || item.name),
    h("span.check-detail", item.detail),
    h("span.visually-hidden", ` (${item.state})`));
}

/**
 * Replaces `list` item by item with the report's checklist (a short pause between items so the
 * eye can follow), then resolves.
 */
export async function revealChecklist(list, report) {
  const items = report.checklist || [];
  list.replaceChildren();
  for (const item of items) {
    list.append(checkRow(item));
    await new Promise((resolve) => setTimeout(resolve, STEP_MS));
  }
}

/** The outcome under the checklist. */
export function outcome(binding) {
  const report = binding.report || {};
  if (binding.status === "connected") {
    return h("section.result.ok", { "aria-live": "polite", "data-result": "connected" },
      h("p.result-line",
        h("span", "✅ API Status: Connected"), " · ",
        h("span", "📊 balances synced"), " · ",
        h("span", `🤖 strategies available (${scopeStrategies(binding.scope)})`)),
      notes(report));
  }
  return h("section.result.bad", { "aria-live": "polite", "data-result": binding.status },
    h("h3", `❌ ${report.headline || binding.headline}`),
    report.message ? h("p", report.message) : null,
    report.missing && report.missing.length
      ? h("div.missing", h("strong", "Missing on the key: "),
          h("ul", report.missing.map((item) => h("li", item))))
      : null,
    ipHelp(report),
    report.fix && report.fix.length
      ? h("div.fix", h("strong", "How to fix"), h("ol", report.fix.map((step) => h("li", step))))
      : null,
    notes(report));
}

function scopeStrategies(scope) {
  return { spot: "spot", futures: "futures", both: "spot and futures" }[scope] || scope;
}

function ipHelp(report) {
  if (!report.rejected_ip && !(report.status === "ip_restricted")) return null;
  return h("div.ips",
    report.rejected_ip && !(report.message || "").includes(report.rejected_ip)
      ? h("p", "The exchange refused requests from ", h("code", report.rejected_ip), ".")
      : null,
    report.egress_ips && report.egress_ips.length
      ? h("div", h("p", "Add tradelink's addresses under IP Permissions on the key page:"),
          h("ul.ip-list", report.egress_ips.map((ip) => h("li", h("code", ip), " ", copyButton(ip)))))
      : null);
}

function notes(report) {
  if (!report.notes || !report.notes.length) return null;
  return h("ul.notes", { "aria-label": "Notes" }, report.notes.map((note) => h("li", note)));
}
