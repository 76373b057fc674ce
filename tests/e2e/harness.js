// Starts `tradelink demo` on ephemeral loopback ports with a throwaway data directory, and a
// headless chromium driven by playwright-core.

import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, existsSync, rmSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";

export const binary = process.env.TRADELINK_BINARY;
export const screenshotDir = process.env.TRADELINK_E2E_OUT || join(tmpdir(), "tradelink-e2e-screenshots");
const chromiumPath = process.env.TRADELINK_CHROMIUM || "/usr/bin/chromium";

/** Runs the demo; resolves to {info, stop} once it wrote its keys file. */
export async function startDemo() {
  if (!binary) throw new Error("TRADELINK_BINARY is not set");
  const dir = mkdtempSync(join(tmpdir(), "tradelink-e2e-"));
  const keysFile = join(dir, "demo.json");
  const child = spawn(binary, [
    "demo", "--listen", "127.0.0.1:0", "--sandbox-listen", "127.0.0.1:0",
    "--data", join(dir, "data"), "--keys-json", keysFile, "--seed", "11",
  ], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk) => { output += chunk; });
  child.stderr.on("data", (chunk) => { output += chunk; });
  const exited = new Promise((resolve) => child.on("exit", resolve));
  for (let waited = 0; !existsSync(keysFile) || !output.includes("Ctrl-C"); waited += 50) {
    if (child.exitCode !== null) throw new Error(`tradelink demo exited:\n${output}`);
    if (waited > 30000) throw new Error(`tradelink demo did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const info = JSON.parse(readFileSync(keysFile, "utf8"));
  return {
    info,
    async stop() {
      child.kill("SIGINT");
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser() {
  mkdirSync(screenshotDir, { recursive: true });
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update",
           "--disable-default-apps", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"],
  });
}

/** Saves a full-page screenshot named `name`.png under the screenshot folder. */
export async function snap(page, name) {
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}

/** Makes a key in the sandbox through its admin API (as an operator would). */
export async function sandboxKey(info, perms) {
  const response = await fetch(`${info.sandbox_url}/sandbox/v1/keys`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ user_id: info.exchange_user_id, name: "e2e", perms }),
  });
  if (!response.ok) throw new Error(`sandbox admin: ${response.status} ${await response.text()}`);
  return response.json();
}

/** Credits the demo exchange account through the sandbox admin API. */
export async function sandboxDeposit(info, currency, amount, account) {
  const response = await fetch(`${info.sandbox_url}/sandbox/v1/deposits`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ user_id: info.exchange_user_id, currency, amount, account }),
  });
  if (!response.ok) throw new Error(`sandbox admin: ${response.status} ${await response.text()}`);
}
