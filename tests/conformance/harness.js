'use strict';
// Runs the tradelink sandbox as a child process for one test file and drives it the way a user
// of Gate's official Node SDK would: users, keys and deposits through the sandbox admin API,
// everything else through gate-api's own classes.
//
// The binary comes from TRADELINK_SANDBOX_BINARY (set by CTest); run by hand with
//   TRADELINK_SANDBOX_BINARY=build/release/apps/tradelink/tradelink node --test

const assert = require('node:assert/strict');
const { spawn } = require('node:child_process');
const http = require('node:http');
const { createRequire } = require('node:module');
const readline = require('node:readline');

const GateApi = require('gate-api');
// The axios that gate-api itself uses, so the instance we hand it is one it understands.
const axios = createRequire(require.resolve('gate-api'))('axios');

const BANNER = /^sandbox: Gate\.io APIv4 at (http:\/\/[^\s,]+)\/api\/v4,/;

function binaryPath() {
  const binary = process.env.TRADELINK_SANDBOX_BINARY;
  if (!binary) {
    throw new Error('TRADELINK_SANDBOX_BINARY is not set: point it at the tradelink executable');
  }
  return binary;
}

/** A started sandbox: its URLs, admin helpers and SDK client factory. */
class Sandbox {
  constructor(child, baseUrl) {
    this.child = child;
    this.baseUrl = baseUrl; // http://127.0.0.1:PORT
    this.apiBase = `${baseUrl}/api/v4`;
    this.port = Number(new URL(baseUrl).port);
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    this.agents = [];
  }

  /** Calls the admin API; resolves to { status, body } (body parsed when JSON). */
  async admin(method, path, body) {
    const response = await fetch(`${this.baseUrl}/sandbox/v1${path}`, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed = text;
    try {
      parsed = text.length > 0 ? JSON.parse(text) : null;
    } catch {
      // Not JSON: keep the text for the failure message.
    }
    return { status: response.status, body: parsed };
  }

  async adminOk(method, path, body) {
    const answer = await this.admin(method, path, body);
    assert.ok(answer.status >= 200 && answer.status < 300,
      `admin ${method} ${path} answered ${answer.status}: ${show(answer.body)}`);
    return answer.body;
  }

  /** A new sandbox user; resolves to its user id. */
  async createUser(name) {
    const user = await this.adminOk('POST', '/users', { name });
    return user.user_id;
  }

  /**
   * A key of `userId`. `perms` defaults to read-write spot, futures, wallet, account and unified.
   * Resolves to the admin API's answer ({ key, secret, ... }).
   */
  async createKey(userId, { perms, ipWhitelist = [], currencyPairs = [], name = 'conformance' } = {}) {
    const groups = perms ?? ['spot', 'futures', 'wallet', 'account', 'unified']
      .map((group) => ({ name: group, read_only: false }));
    return this.adminOk('POST', '/keys', {
      user_id: userId,
      name,
      perms: groups,
      withdraw: false,
      ip_whitelist: ipWhitelist,
      currency_pairs: currencyPairs,
      state: 1,
      mode: 1,
    });
  }

  async deposit(userId, currency, amount, account = 'spot') {
    return this.adminOk('POST', '/deposits', { user_id: userId, currency, amount, account });
  }

  /** A user with a full read-write key; resolves to { userId, key, secret }. */
  async createTrader(name, deposits = []) {
    const userId = await this.createUser(name);
    const key = await this.createKey(userId);
    for (const [currency, amount, account] of deposits) {
      await this.deposit(userId, currency, amount, account);
    }
    return { userId, key: key.key, secret: key.secret };
  }

  /**
   * gate-api's ApiClient pointed at this sandbox, signing with key/secret. `localAddress` binds
   * the client's sockets to that loopback address (the caller IP the sandbox sees).
   */
  client({ key, secret } = {}, { localAddress } = {}) {
    const agent = new http.Agent({ keepAlive: true, localAddress });
    this.agents.push(agent);
    const client = new GateApi.ApiClient(this.apiBase, axios.create({ httpAgent: agent }));
    if (key !== undefined) client.setApiKeySecret(key, secret);
    return client;
  }

  /** SIGTERM, then waits for the exit; resolves to { code, signal }. */
  async stop() {
    for (const agent of this.agents) agent.destroy();
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGTERM');
    return this.exited;
  }
}

/** Starts `tradelink sandbox` on an ephemeral port and waits for its banner line. */
async function startSandbox() {
  const child = spawn(binaryPath(),
    ['sandbox', '--listen', '127.0.0.1:0', '--no-market', '--seed', '7'],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => { stderr += chunk; });
  const lines = readline.createInterface({ input: child.stdout });
  const firstLine = await new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      reject(new Error(`sandbox exited (${code ?? signal}) before its banner: ${stderr}`)));
    lines.once('line', resolve);
  });
  // Keep draining stdout so the child never blocks on a full pipe.
  lines.on('line', () => {});
  const match = BANNER.exec(firstLine);
  if (!match) {
    child.kill('SIGTERM');
    throw new Error(`unexpected first line from the sandbox: ${firstLine}`);
  }
  return new Sandbox(child, match[1]);
}

/**
 * Awaits `promise`, expecting gate-api to reject it with Gate's error body carrying `label`.
 * Returns the error body ({ label, message }) and the HTTP status.
 */
async function gateError(promise, label) {
  try {
    await promise;
  } catch (error) {
    assert.ok(error.response, `expected an HTTP error answer, got: ${error}`);
    const body = error.response.data;
    assert.equal(body?.label, label,
      `expected label ${label}, got HTTP ${error.response.status} ${show(body)}`);
    assert.equal(typeof body.message, 'string');
    return { status: error.response.status, body };
  }
  assert.fail(`expected ${label}, but the call succeeded`);
}

/** Exact comparison of two decimal strings ("1000" equals "1000.000"). */
function sameDecimal(actual, expected) {
  const canonical = (text) => {
    const value = String(text).trim();
    assert.match(value, /^-?\d+(\.\d+)?$/, `not a decimal string: ${text}`);
    let [whole, fraction = ''] = value.replace(/^-/, '').split('.');
    whole = whole.replace(/^0+(?=\d)/, '');
    fraction = fraction.replace(/0+$/, '');
    const sign = value.startsWith('-') && !/^0*$/.test(whole + fraction) ? '-' : '';
    return sign + whole + (fraction ? `.${fraction}` : '');
  };
  assert.equal(canonical(actual), canonical(expected), `${actual} is not ${expected}`);
}

/** JSON text of SDK values for failure messages (futures ids are BigInts). */
function show(value) {
  return JSON.stringify(value, (_, item) => (typeof item === 'bigint' ? item.toString() : item));
}

module.exports = { GateApi, startSandbox, gateError, sameDecimal, show };
