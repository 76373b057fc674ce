'use strict';
// Gate's refusals as gate-api surfaces them: the error's response body carries Gate's label.

const assert = require('node:assert/strict');
const { after, before, describe, it } = require('node:test');

const { GateApi, startSandbox, gateError, show } = require('./harness');

function limitBuy() {
  const order = new GateApi.Order();
  order.currencyPair = 'BTC_USDT';
  order.side = GateApi.Order.Side.Buy;
  order.amount = '0.001';
  order.price = '30000';
  return order;
}

describe('authentication and permissions via gate-api', () => {
  let sandbox;
  let userId;
  let fullKey;

  before(async () => {
    sandbox = await startSandbox();
    userId = await sandbox.createUser('auth-checks');
    fullKey = await sandbox.createKey(userId);
    await sandbox.deposit(userId, 'USDT', '1000');
  });

  after(async () => {
    const exit = await sandbox?.stop();
    assert.equal(exit?.code, 0, `sandbox exit: ${show(exit)}`);
  });

  it('signs requests the sandbox accepts, with and without a query', async () => {
    const spot = new GateApi.SpotApi(sandbox.client(fullKey));
    assert.equal((await spot.listSpotAccounts()).response.status, 200);
    assert.equal((await spot.listSpotAccounts({ currency: 'USDT' })).response.status, 200);
    const orders = await spot.listOrders('BTC_USDT', 'open', { page: 1, limit: 5, side: 'buy' });
    assert.equal(orders.response.status, 200);
  });

  it('an unknown key is INVALID_KEY', async () => {
    const stranger = { key: 'f'.repeat(32), secret: 'e'.repeat(64) };
    const spot = new GateApi.SpotApi(sandbox.client(stranger));
    const { status } = await gateError(spot.listSpotAccounts(), 'INVALID_KEY');
    assert.equal(status, 401);
  });

  it('a wrong secret is INVALID_SIGNATURE', async () => {
    const spot = new GateApi.SpotApi(sandbox.client({ key: fullKey.key, secret: '0'.repeat(64) }));
    const { status } = await gateError(spot.listSpotAccounts(), 'INVALID_SIGNATURE');
    assert.equal(status, 401);
  });

  it('a read-only key may read but placing an order is READ_ONLY', async () => {
    const readOnly = await sandbox.createKey(userId, {
      name: 'read-only',
      perms: [{ name: 'spot', read_only: true }],
    });
    const spot = new GateApi.SpotApi(sandbox.client(readOnly));
    assert.equal((await spot.listSpotAccounts()).response.status, 200);
    const { status } = await gateError(spot.createOrder(limitBuy()), 'READ_ONLY');
    assert.ok(status === 401 || status === 403, `status ${status}`);
  });

  it('a key without the futures group is FORBIDDEN on futures', async () => {
    const spotOnly = await sandbox.createKey(userId, {
      name: 'spot-only',
      perms: [{ name: 'spot', read_only: false }],
    });
    const futures = new GateApi.FuturesApi(sandbox.client(spotOnly));
    const { status } = await gateError(futures.listFuturesAccounts('usdt'), 'FORBIDDEN');
    assert.equal(status, 403);
  });

  it('a key whitelisted for 127.0.0.1 is IP_FORBIDDEN from 127.0.0.2', async () => {
    const bound = await sandbox.createKey(userId, { name: 'ip-bound', ipWhitelist: ['127.0.0.1'] });

    const fromWhitelisted = new GateApi.SpotApi(sandbox.client(bound, { localAddress: '127.0.0.1' }));
    assert.equal((await fromWhitelisted.listSpotAccounts()).response.status, 200);

    const fromElsewhere = new GateApi.SpotApi(sandbox.client(bound, { localAddress: '127.0.0.2' }));
    const { status, body } = await gateError(fromElsewhere.listSpotAccounts(), 'IP_FORBIDDEN');
    assert.equal(status, 403);
    assert.match(body.message, /127\.0\.0\.2/);
  });

  it('a key whitelisted for 127.0.0.2 works from there', async () => {
    const bound = await sandbox.createKey(userId, { name: 'ip-bound-2', ipWhitelist: ['127.0.0.2'] });
    const spot = new GateApi.SpotApi(sandbox.client(bound, { localAddress: '127.0.0.2' }));
    assert.equal((await spot.listSpotAccounts()).response.status, 200);
  });
});
