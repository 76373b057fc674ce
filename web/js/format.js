// How values read on screen: dates, expiry, status badges, permission chips.

import { h } from "./dom.js";

const DAY = 24 * 3600 * 1000;

export function dateTime(ms) {
  if (ms === null || ms === undefined) return "never";
  return new Date(ms).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}

/** "expires in 12 days", "expired", or "" when the key does not expire. */
export function expiryText(ms, now = Date.now()) {
  if (ms === null || ms === undefined) return "";
  const days = Math.ceil((ms - now) / DAY);
  if (days <= 0) return "expired";
  return days === 1 ? "expires in 1 day" : `expires in ${days} days`;
}

export function expiresSoon(ms, now = Date.now()) {
  return ms !== null && ms !== undefined && ms - now < 14 * DAY;
}

const STATUS_TONE = {
  connected: "ok",
  exchange_unavailable: "warn",
  clock_skew: "warn",
  expired: "bad",
};

export function statusBadge(binding) {
  const tone = STATUS_TONE[binding.status] || "bad";
  const text = binding.status === "connected" ? "Connected" : binding.headline;
  return h(`span.badge.${tone}`, { "data-status": binding.status }, text);
}

const PRODUCT_NAMES = {
  spot: "Spot",
  margin: "Margin",
  futures: "Perpetual Futures",
  delivery: "Delivery",
  options: "Options",
  wallet: "Wallet",
  withdraw: "Withdrawal",
  account: "Account",
  unified: "Unified",
  earn: "Earn",
  loan: "Loan",
};

/**
 * Chips for a report's "spot:read_write,wallet:read", the scope's products first; products the
 * verification could not probe (e.g. the key was refused first) read "not checked".
 */
export function permissionChips(report, scope) {
  const permissions = report ? report.permissions : "";
  const probed = new Set((report && report.checklist || []).map((item) => item.name));
  const wanted = scope === "both" ? ["spot", "futures"] : [scope];
  const held = new Map(
    (permissions || "").split(",").filter(Boolean).map((entry) => entry.split(":")));
  const chips = wanted.map((product) => {
    const access = held.get(product);
    if (!access && !probed.has(`${product} permissions`)) {
      return h("span.chip", `${PRODUCT_NAMES[product]} · not checked`);
    }
    const ok = access === "read_write";
    const label = `${PRODUCT_NAMES[product]} · ${access === "read_write" ? "Read & Write"
                   : access === "read" ? "Read only" : "missing"}`;
    return h(`span.chip.${ok ? "ok" : "bad"}`, label);
  });
  for (const [product, access] of held) {
    if (wanted.includes(product)) continue;
    chips.push(h("span.chip", `${PRODUCT_NAMES[product] || product} · ${
      access === "read_write" ? "Read & Write" : "Read only"}`));
  }
  return h("span.chips", chips);
}

export function scopeName(scope) {
  return { spot: "Spot", futures: "Futures", both: "Spot + Futures" }[scope] || scope;
}

export function venueName(venue) {
  return venue === "gateio" ? "Gate.io" : venue;
}
