// The guide's path in a real browser: sign up, bind the good demo key (Connected), each demo
// problem key with its error and fix, rotate, delete, and a second user who sees none of it.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { launchBrowser, sandboxDeposit, sandboxKey, snap, startDemo } from "./harness.js";

let demo;
let browser;

before(async () => {
  demo = await startDemo();
  browser = await launchBrowser();
});

after(async () => {
  if (browser) await browser.close();
  if (demo) await demo.stop();
});

const key = (name) => demo.info.keys.find((k) => k.name === name);

async function signUp(page, email) {
  await page.goto(demo.info.url);
  await page.getByRole("button", { name: "New here? Create an account" }).click();
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("a long e2e password");
  await page.getByRole("button", { name: "Sign up" }).click();
  await page.getByRole("heading", { name: "Dashboard" }).waitFor();
}

async function addKey(page, demoKey, label, scope) {
  await page.goto(`${demo.info.url}/#/keys/add`);
  await page.getByLabel("Exchange").selectOption("gateio");
  await page.getByLabel("API Key", { exact: true }).fill(demoKey.key);
  await page.getByLabel("Secret", { exact: true }).fill(demoKey.secret);
  await page.getByLabel("Label", { exact: true }).fill(label);
  await page.getByLabel(scope, { exact: true }).check();
  await page.getByRole("button", { name: "Bind" }).click();
  const result = page.locator("[data-result]");
  await result.waitFor({ timeout: 30000 });
  return result;
}

test("the guide's path for user A, and user B sees none of it", async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();

  await signUp(page, "alice@example.com");
  await snap(page, "01-dashboard-empty");

  // Pasted with stray spaces, as copy-paste from a web page brings them.
  const good = key("good");
  const connected = await addKey(page, { key: ` ${good.key} `, secret: `${good.secret}\t` }, "UFOX-GateIO-API", "Both");
  assert.equal(await connected.getAttribute("data-result"), "connected");
  await assert.doesNotReject(connected.getByText("✅ API Status: Connected").waitFor());
  assert.match(await connected.innerText(), /balances synced/);
  assert.match(await connected.innerText(), /strategies available/);
  assert.match(await page.locator(".checklist").innerText(), /API key and secret/);
  assert.equal(await page.locator(".check.failed").count(), 0);
  await snap(page, "02-bind-good-key-connected");

  const readOnly = await addKey(page, key("read-only"), "read only", "Both");
  assert.equal(await readOnly.getAttribute("data-result"), "permission_denied");
  assert.match(await readOnly.innerText(), /Spot & Margin Trading – Read & Write/);
  assert.match(await readOnly.innerText(), /How to fix/);
  await snap(page, "03-read-only-key");

  const spotOnly = await addKey(page, key("spot-only"), "spot only", "Futures");
  assert.equal(await spotOnly.getAttribute("data-result"), "permission_denied");
  assert.match(await spotOnly.innerText(), /Perpetual Futures – Read & Write/);
  await snap(page, "04-spot-only-key-for-futures");

  const restricted = await addKey(page, key("ip-restricted"), "ip restricted", "Both");
  assert.equal(await restricted.getAttribute("data-result"), "ip_restricted");
  assert.match(await restricted.innerText(), /refused requests from 127\.0\.0\.1/);
  assert.equal(await restricted.locator(".ip-list li").count(), 1, "our egress IP with a copy button");
  await restricted.getByRole("button", { name: /Copy: 127\.0\.0\.1/ }).waitFor();
  await snap(page, "05-ip-restricted-key");

  const withdraw = await addKey(page, key("withdraw-enabled"), "withdraw enabled", "Both");
  assert.equal(await withdraw.getAttribute("data-result"), "withdraw_enabled_refused");
  assert.match(await withdraw.innerText(), /Withdrawal/);
  await snap(page, "06-withdraw-enabled-key");

  await page.goto(`${demo.info.url}/#/keys`);
  const cards = page.locator(".key-list > li");
  await cards.first().waitFor();
  assert.equal(await cards.count(), 5);
  const goodCard = page.locator("li.key", { hasText: "UFOX-GateIO-API" });
  assert.match(await goodCard.innerText(), /Connected/);
  assert.match(await goodCard.innerText(), /expires in \d+ days/);
  assert.match(await goodCard.innerText(), /Spot · Read & Write/);
  assert.doesNotMatch(await page.content(), new RegExp(good.secret));
  assert.doesNotMatch(await page.content(), new RegExp(good.key), "keys are shown masked");
  await snap(page, "07-api-management-list");

  // Rotate the good key to a new key of the same exchange account.
  const goodId = await goodCard.getAttribute("data-binding");
  const next = await sandboxKey(demo.info, [
    { name: "spot", read_only: false }, { name: "futures", read_only: false },
    { name: "wallet", read_only: true }, { name: "account", read_only: true }]);
  await page.goto(`${demo.info.url}/#/security/${goodId}`);
  await page.getByLabel("New API Key").fill(next.key);
  await page.getByLabel("New Secret").fill(next.secret);
  await page.getByRole("button", { name: "Rotate", exact: true }).click();
  await page.getByText(/Rotated: now using/).waitFor({ timeout: 30000 });
  assert.match(await page.locator(".rotate-result").innerText(), new RegExp(`${next.key.slice(0, 4)}…${next.key.slice(-4)}`));
  await page.getByRole("heading", { name: "Audit log" }).waitFor();
  await page.locator(".audit").getByText("binding.rotated").waitFor();
  await snap(page, "08-rotated-with-audit-log");

  // Delete the withdraw-enabled key, cancelling its open orders.
  await page.goto(`${demo.info.url}/#/keys`);
  const withdrawId = await page.locator("li.key", { hasText: "withdraw enabled" }).getAttribute("data-binding");
  await page.goto(`${demo.info.url}/#/security/${withdrawId}`);
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByLabel("Cancel open orders placed with this key").check();
  await page.getByRole("button", { name: "Delete" }).click();
  await page.getByRole("heading", { name: "API Management" }).waitFor();
  await page.locator(".key-list > li").first().waitFor();
  assert.equal(await page.locator(".key-list > li").count(), 4);
  assert.equal(await page.locator("li.key", { hasText: "withdraw enabled" }).count(), 0);
  await snap(page, "09-after-delete");

  // Balances of the connected key, live: a deposit on the exchange shows up without a reload.
  await page.goto(`${demo.info.url}/#/balances/${goodId}`);
  const spotUsdt = page.locator('tr[data-line="spot:USDT"]');
  await spotUsdt.getByText("10000", { exact: true }).first().waitFor({ timeout: 30000 });
  assert.match(await page.locator(".health").innerText(), /Feed: live/);
  await sandboxDeposit(demo.info, "USDT", "250", "spot");
  await spotUsdt.getByText("10250", { exact: true }).first().waitFor({ timeout: 30000 });
  await page.locator(".chart path.line").waitFor({ state: "attached" });
  assert.match(await page.locator(".chart path.line").getAttribute("d"), /^M[\d.,]+( L[\d.,]+)+$/);
  await snap(page, "10-balances-live-after-deposit");
  await context.close();

  // User B: a fresh browser profile, a new account, nothing of A's.
  const other = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const bob = await other.newPage();
  await signUp(bob, "bob@example.com");
  await bob.goto(`${demo.info.url}/#/keys`);
  await bob.getByText("No API keys yet").waitFor();
  const peek = await bob.request.get(`${demo.info.url}/api/v1/bindings/${goodId}`);
  assert.equal(peek.status(), 404);
  const balances = await bob.request.get(`${demo.info.url}/api/v1/bindings/${goodId}/balances`);
  assert.equal(balances.status(), 404);
  const audit = await bob.request.get(`${demo.info.url}/api/v1/audit`);
  assert.doesNotMatch(await audit.text(), new RegExp(goodId));
  await snap(bob, "11-user-b-sees-nothing-mobile");
  await other.close();
});

test("the demo login works and the Strategies entry says coming soon", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(demo.info.url);
  await page.getByLabel("Email").fill(demo.info.email);
  await page.getByLabel("Password").fill(demo.info.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.getByRole("heading", { name: "Dashboard" }).waitFor();
  assert.match(await page.locator("nav").innerText(), /Strategies\s*coming soon/);
  await page.keyboard.press("Tab");
  await snap(page, "12-demo-login-dashboard");
  await context.close();
});
