// The app shell: who is logged in, the user's key bindings kept current by the event stream,
// and a hash router over the pages.

import { api, openEvents, setCsrfToken } from "./api.js";
import { toast } from "./dom.js";
import { renderAuth } from "./views/auth.js";
import { renderBalances } from "./views/balances.js";
import { renderDashboard } from "./views/dashboard.js";
import { renderAddKey, renderKeyList } from "./views/keys.js";
import { renderSecurity } from "./views/security.js";

const main = document.getElementById("main");
const topbar = document.querySelector(".topbar");

const state = {
  user: null,
  bindings: [],
  listeners: new Set(),
  closeEvents: null,
  leavePage: () => {},

  upsert(binding) {
    const index = this.bindings.findIndex((b) => b.id === binding.id);
    if (index >= 0) this.bindings[index] = binding;
    else this.bindings.push(binding);
  },
  remove(id) {
    this.bindings = this.bindings.filter((b) => b.id !== id);
  },
  /** Subscribes to live events; returns the unsubscribe function. */
  onEvent(listener) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  },
};

function route() {
  state.leavePage();
  state.leavePage = () => {};
  if (!state.user) {
    topbar.hidden = true;
    renderAuth(main, signedIn);
    return;
  }
  topbar.hidden = false;
  const parts = location.hash.replace(/^#\/?/, "").split("/");
  const page = parts[0] || "dashboard";
  for (const link of document.querySelectorAll("[data-nav]")) {
    if (link.dataset.nav === page) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
  if (page === "keys" && parts[1] === "add") renderAddKey(main, state);
  else if (page === "keys") renderKeyList(main, state);
  else if (page === "balances") state.leavePage = renderBalances(main, state, parts[1]);
  else if (page === "security") renderSecurity(main, state, parts[1]);
  else renderDashboard(main, state);
  main.focus({ preventScroll: true });
}

async function loadBindings() {
  const list = await api("GET", "/api/v1/bindings");
  state.bindings = list.bindings;
}

function onEvent(event) {
  if (event.type === "binding") {
    state.upsert(event.data);
    if (/^#\/(keys)?$|^$/.test(location.hash)) route();
  } else if (event.type === "binding_removed") {
    state.remove(event.data.id);
  }
  for (const listener of state.listeners) listener(event);
}

async function signedIn(user) {
  state.user = user;
  document.getElementById("who").textContent = user.email;
  try {
    await loadBindings();
  } catch (failure) {
    toast(failure.message);
  }
  if (state.closeEvents) state.closeEvents();
  state.closeEvents = openEvents(onEvent);
  route();
}

document.getElementById("logout").addEventListener("click", async () => {
  try {
    await api("POST", "/api/v1/auth/logout");
  } catch {
    // Logged out either way on this page.
  }
  if (state.closeEvents) state.closeEvents();
  state.closeEvents = null;
  state.user = null;
  state.bindings = [];
  setCsrfToken("");
  location.hash = "#/";
  route();
});

window.addEventListener("hashchange", route);

(async () => {
  try {
    const me = await api("GET", "/api/v1/auth/me");
    setCsrfToken(me.csrf_token);
    await signedIn(me.user);
  } catch {
    route();
  }
})();


