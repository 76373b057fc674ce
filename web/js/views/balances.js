// Balances of a key: per account and currency, updated live, with a history chart.

import { api } from "../api.js";
import { h, mount } from "../dom.js";
import { lineChart } from "../chart.js";
import { dateTime } from "../format.js";

export function renderBalances(main, state, bindingId) {
  const connected = state.bindings.filter((b) => b.status === "connected");
  const chosen = state.bindings.find((b) => b.id === bindingId) || connected[0] || state.bindings[0];
  if (!chosen) {
    mount(main, h("h1", "Balances"), h("p.empty", "Bind an API key first: ", h("a", { href: "#/keys/add" }, "Add key")));
    return () => {};
  }
  const picker = h("select", { id: "balance-binding" },
    state.bindings.map((b) => h("option", { value: b.id, selected: b.id === chosen.id }, `${b.label} (${b.api_key})`)));
  picker.addEventListener("change", () => { location.hash = `#/balances/${picker.value}`; });
  const table = h("div.balances", { "aria-live": "polite" }, h("p", "Loading…"));
  const health = h("p.health");
  const series = h("select", { id: "balance-series" });
  const chart = h("div.chart-box");
  mount(main, h("h1", "Balances"),
    h("div.inline", h("label", { for: "balance-binding" }, "Key"), picker),
    health, table,
    h("h2", "History (last 24 h)"),
    h("div.inline", h("label", { for: "balance-series" }, "Balance"), series),
    chart);

  // Points per "account:currency", oldest first; live updates append to them.
  const history = new Map();
  const drawChart = () => {
    const points = history.get(series.value) || [];
    mount(chart, lineChart(points, `${series.value.replace(":", " ")} balance of ${chosen.label}`));
  };
  const addPoint = (account, currency, atMs, total) => {
    const name = `${account}:${currency}`;
    if (!history.has(name)) {
      history.set(name, []);
      series.append(h("option", { value: name, selected: name === "spot:USDT" }, `${account} ${currency}`));
    }
    const points = history.get(name);
    const value = Number(total);
    const last = points[points.length - 1];
    if (!last || last.at_ms < atMs) points.push({ at_ms: atMs, value });
  };
  series.addEventListener("change", drawChart);

  const show = (balances) => {
    mount(table, balanceTable(balances.balances));
    const hp = balances.health || {};
    const estimate = balances.estimated_total;
    const worth = estimate ? ` · estimated total ≈ ${estimate.amount} ${estimate.currency}` : "";
    health.textContent =
      `Feed: ${hp.socket_state || "unknown"} · last synced ${dateTime(hp.synced_at_ms)}${worth}`;
    // The chart's latest point is when this page saw the value.
    const now = Date.now();
    for (const line of balances.balances) addPoint(line.account, line.currency, now, line.total);
    drawChart();
  };
  const fail = (failure) => {
    const text = failure.code === "sync.unavailable"
      ? "Balance sync is not running on this server."
      : failure.code === "sync.not_synced" || failure.code === "sync.not_found"
        ? "Balances appear here once the key is connected and its first snapshot arrived."
        : failure.message;
    mount(table, h("p.empty", text));
  };
  const id = encodeURIComponent(chosen.id);
  api("GET", `/api/v1/bindings/${id}/balances/history`)
    .then((past) => {
      for (const p of past.points) addPoint(p.account, p.currency, p.at_ms, p.total);
    }, () => {})
    .then(() => api("GET", `/api/v1/bindings/${id}/balances`))
    .then(show, fail);

  // Live: the events stream delivers this key's new balances.
  return state.onEvent((event) => {
    if (event.type === "balances" && event.data.binding_id === chosen.id) show(event.data);
  });
}

function balanceTable(lines) {
  if (!lines.length) return h("p.empty", "No balances on this account.");
  return h("table",
    h("caption.visually-hidden", "Balances by account and currency"),
    h("thead", h("tr", ["Account", "Currency", "Available", "Locked", "Total"].map((t, i) => h(i > 1 ? "th.num" : "th", { scope: "col" }, t)))),
    h("tbody", lines.map((line) => h("tr", { "data-line": `${line.account}:${line.currency}` },
      h("td", line.account), h("td", line.currency),
      h("td.num", line.available), h("td.num", line.locked), h("td.num", line.total)))));
}
