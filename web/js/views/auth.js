// Log in and sign up.

import { api, ApiError, setCsrfToken } from "../api.js";
import { h, mount } from "../dom.js";

export function renderAuth(main, onSignedIn) {
  let mode = "login";
  const error = h("p.form-error", { role: "alert", id: "auth-error" });
  const email = h("input", { id: "email", type: "email", name: "email", autocomplete: "username", required: true });
  const password = h("input", { id: "password", type: "password", name: "password",
                                autocomplete: "current-password", required: true, minLength: 8 });
  const submit = h("button.primary", { type: "submit" }, "Log in");
  const title = h("h1", "Log in to tradelink");
  const toggle = h("button.link", { type: "button" }, "New here? Create an account");

  toggle.addEventListener("click", () => {
    mode = mode === "login" ? "signup" : "login";
    title.textContent = mode === "login" ? "Log in to tradelink" : "Create your tradelink account";
    submit.textContent = mode === "login" ? "Log in" : "Sign up";
    toggle.textContent = mode === "login" ? "New here? Create an account" : "Have an account? Log in";
    password.autocomplete = mode === "login" ? "current-password" : "new-password";
    error.textContent = "";
  });

  const form = h("form.card.auth", { "aria-labelledby": "auth-title", novalidate: true },
    title,
    h("label", { for: "email" }, "Email"), email,
    h("label", { for: "password" }, "Password"), password,
    h("p.hint", "At least 8 characters."),
    error, submit, toggle);
  title.id = "auth-title";
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    error.textContent = "";
    submit.disabled = true;
    try {
      const path = mode === "login" ? "/api/v1/auth/login" : "/api/v1/auth/signup";
      const session = await api("POST", path, { email: email.value.trim(), password: password.value });
      setCsrfToken(session.csrf_token);
      onSignedIn(session.user);
    } catch (failure) {
      error.textContent = failure instanceof ApiError ? failure.message : String(failure);
    } finally {
      submit.disabled = false;
    }
  });
  mount(main, h("div.center", form));
  email.focus();
}
