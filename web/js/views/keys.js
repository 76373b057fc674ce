// Account → API Management: the list of bound keys, and the Add key form.

import { api, ApiError } from "../api.js";
import { h, mount, toast } from "../dom.js";
import { dateTime, expiryText, permissionChips, scopeName, statusBadge, venueName } from "../format.js";
import { outcome, pendingChecklist, revealChecklist } from "../report.js";

export function renderKeyList(main, state) {
  const rows = state.bindings.map((binding) => keyCard(binding, state));
  mount(main,
    h("div.page-head", h("h1", "API Management"), h("a.button.primary", { href: "#/keys/add" }, "Add key")),
    rows.length ? h("ul.key-list", { "aria-label": "API keys" }, rows)
                : h("p.empty", "No API keys yet. Add one to connect an exchange account."));
}

function keyCard(binding, state) {
  const whitelist = binding.ip_bound
    ? h("span.chip.ok", "IP whitelist on")
    : h("span.chip.warn", "no IP whitelist");
  const expiry = expiryText(binding.expires_at_ms);
  const verify = h("button.small", { type: "button" }, "Verify again");
  verify.addEventListener("click", async () => {
    verify.disabled = true;
    try {
      const updated = await api("POST", `/api/v1/bindings/${encodeURIComponent(binding.id)}/verify`);
      state.upsert(updated);
      toast(`${updated.label}: ${updated.headline}`);
    } catch (failure) {
      toast(failure.message);
    } finally {
      verify.disabled = false;
    }
  });
  return h("li.card.key", { "data-binding": binding.id },
    h("div.key-head",
      h("h2.key-label", binding.label),
      statusBadge(binding)),
    h("dl.key-facts",
      h("dt", "Exchange"), h("dd", venueName(binding.venue)),
      h("dt", "API key"), h("dd", h("code", binding.api_key)),
      h("dt", "Scope"), h("dd", scopeName(binding.scope)),
      h("dt", "Permissions"), h("dd", permissionChips(binding.report, binding.scope)),
      h("dt", "Whitelist"), h("dd", whitelist, expiry ? h("span.expiry", ` ${expiry}`) : null),
      h("dt", "Last verified"), h("dd", dateTime(binding.verified_at_ms))),
    binding.status !== "connected" && binding.report && binding.report.fix && binding.report.fix.length
      ? h("details.fix-details", h("summary", "How to fix"), outcome(binding))
      : null,
    h("div.actions",
      verify,
      h("a.button.small", { href: `#/balances/${binding.id}` }, "Balances"),
      h("a.button.small", { href: `#/security/${binding.id}` }, "Rotate · Delete · Audit")));
}

export function renderAddKey(main, state) {
  const error = h("p.form-error", { role: "alert" });
  const field = (id, label, input, hint) => [h("label", { for: id }, label), input, hint ? h("p.hint", hint) : null];
  const venue = h("select", { id: "venue", name: "venue" }, h("option", { value: "gateio" }, "Gate.io"));
  const apiKey = h("input", { id: "api-key", name: "api_key", autocomplete: "off", spellcheck: false, required: true });
  const secret = h("input", { id: "secret", name: "secret", type: "password", autocomplete: "off", required: true });
  const passphrase = h("input", { id: "passphrase", name: "passphrase", type: "password", autocomplete: "off" });
  const label = h("input", { id: "label", name: "label", placeholder: "UFOX-GateIO-API", required: true, maxLength: 64 });
  const scopes = ["spot", "futures", "both"].map((value) =>
    h("label.radio", h("input", { type: "radio", name: "scope", value, checked: value === "both" }),
      ` ${{ spot: "Spot", futures: "Futures", both: "Both" }[value]}`));
  const submit = h("button.primary", { type: "submit" }, "Bind");
  const progress = h("section.progress", { "aria-live": "polite" });

  const form = h("form.card.add-key", { "aria-labelledby": "add-title" },
    h("h1", { id: "add-title" }, "Add API key"),
    h("p.hint", "On Gate.io: Account → API Management → Create API Key (API v4). Tick Spot & Margin Trading – Read & Write, ",
      "Perpetual Futures – Read & Write and Wallet – Read Only; leave Withdrawal off."),
    field("venue", "Exchange", venue),
    field("api-key", "API Key", apiKey),
    field("secret", "Secret", secret, "Stored sealed; never shown again."),
    field("passphrase", "Passphrase (optional)", passphrase, "Gate.io keys have none; other exchanges need it."),
    field("label", "Label", label),
    h("fieldset", h("legend", "Trading scope"), h("div.radios", scopes)),
    error, submit);

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    error.textContent = "";
    const scope = form.querySelector("input[name=scope]:checked").value;
    const body = { venue: venue.value, label: label.value.trim(), api_key: apiKey.value,
                   secret: secret.value, scope };
    if (passphrase.value) body.passphrase = passphrase.value;
    submit.disabled = true;
    const list = pendingChecklist(scope);
    mount(progress, h("h2", "Verifying with the exchange…"), list);
    try {
      const binding = await api("POST", "/api/v1/bindings", body);
      secret.value = "";
      passphrase.value = "";
      state.upsert(binding);
      progress.querySelector("h2").textContent = "Checks";
      await revealChecklist(list, binding.report || {});
      progress.append(outcome(binding),
        h("p.actions", h("a.button", { href: "#/keys" }, "Back to API Management"),
          binding.status === "connected" ? h("a.button", { href: `#/balances/${binding.id}` }, "See balances") : null));
    } catch (failure) {
      mount(progress);
      error.textContent = failure instanceof ApiError ? failure.message : String(failure);
    } finally {
      submit.disabled = false;
    }
  });
  mount(main, h("div.two-col", form, progress));
  apiKey.focus();
}
