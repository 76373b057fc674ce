'use strict';
// CCXT's gate exchange classes pointed at a sandbox started by harness.js (REST and CCXT Pro's
// WebSocket URLs), and the error assertion the CCXT tests share.

const assert = require('node:assert/strict');

const ccxt = require('ccxt');

/** CCXT's gate exchange signing with `key`, every API URL pointed at the sandbox. */
function gateClient(sandbox, { key, secret }, Exchange = ccxt.gate) {
  const exchange = new Exchange({ apiKey: key, secret, enableRateLimit: false });
  for (const section of ['public', 'private']) {
    const urls = exchange.urls.api[section];
    for (const name of Object.keys(urls)) urls[name] = sandbox.apiBase;
  }
  return exchange;
}

/** CCXT Pro's gate exchange: REST as gateClient, the spot and USDT-perpetual streams too. */
async function gateStreams(sandbox, credentials) {
  const exchange = gateClient(sandbox, credentials, ccxt.pro.gate);
  const wsBase = sandbox.baseUrl.replace(/^http/, 'ws');
  exchange.urls.api.spot = `${wsBase}/ws/v4/`;
  exchange.urls.api.swap.usdt = `${wsBase}/v4/ws/usdt`;
  await exchange.loadHttpProxyAgent(); // CCXT refuses plain ws:// URLs without it
  await exchange.loadMarkets();
  return exchange;
}

/** Awaits `promise`, expecting CCXT to reject it with an instance of `errorClass`. */
async function ccxtError(promise, errorClass) {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof errorClass,
      `expected ${errorClass.name}, got ${error.constructor.name}: ${error.message}`);
    return error;
  }
  assert.fail(`expected ${errorClass.name}, but the call succeeded`);
}

module.exports = { ccxtError, gateClient, gateStreams };
