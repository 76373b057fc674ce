'use strict';
// Spot through gate-api's SpotApi: balances, and an order's life (create, get, list, cancel).

const assert = require('node:assert/strict');
const { after, before, describe, it } = require('node:test');

const { GateApi, startSandbox, sameDecimal, show } = require('./harness');

describe('spot via gate-api SpotApi', () => {
  let sandbox;
  let spot;

  before(async () => {
    sandbox = await startSandbox();
    const trader = await sandbox.createTrader('spot-trader', [['USDT', '1000'], ['BTC', '0.5']]);
    spot = new GateApi.SpotApi(sandbox.client(trader));
  });

  after(async () => {
    const exit = await sandbox?.stop();
    assert.equal(exit?.code, 0, `sandbox exit: ${show(exit)}`);
  });

  it('lists the deposited balances', async () => {
    const { response, body } = await spot.listSpotAccounts();
    assert.equal(response.status, 200);
    assert.ok(Array.isArray(body));
    const usdt = body.find((account) => account.currency === 'USDT');
    const btc = body.find((account) => account.currency === 'BTC');
    assert.ok(usdt && btc, show(body));
    sameDecimal(usdt.available, '1000');
    sameDecimal(usdt.locked, '0');
    sameDecimal(btc.available, '0.5');
    assert.equal(typeof usdt.updateId, 'number');
  });

  it('filters balances by currency', async () => {
    const { body } = await spot.listSpotAccounts({ currency: 'BTC' });
    assert.equal(body.length, 1);
    assert.equal(body[0].currency, 'BTC');
  });

  it('creates, finds, lists and cancels a limit order', async () => {
    const order = new GateApi.Order();
    order.currencyPair = 'BTC_USDT';
    order.side = GateApi.Order.Side.Buy;
    order.type = GateApi.Order.Type.Limit;
    order.amount = '0.001';
    order.price = '30000';
    order.text = 't-conformance-1';

    const created = await spot.createOrder(order);
    assert.equal(created.response.status, 201);
    const id = created.body.id;
    assert.equal(typeof id, 'string');
    assert.ok(id.length > 0);
    assert.equal(created.body.text, 't-conformance-1');
    assert.equal(created.body.status, 'open');
    assert.equal(created.body.currencyPair, 'BTC_USDT');
    assert.equal(created.body.side, 'buy');
    assert.equal(created.body.type, 'limit');
    assert.equal(created.body.timeInForce, 'gtc');
    sameDecimal(created.body.amount, '0.001');
    sameDecimal(created.body.price, '30000');
    sameDecimal(created.body.left, '0.001');
    assert.equal(typeof created.body.createTimeMs, 'number');

    const locked = await spot.listSpotAccounts({ currency: 'USDT' });
    sameDecimal(locked.body[0].locked, '30');
    sameDecimal(locked.body[0].available, '970');

    const fetched = await spot.getOrder(id, 'BTC_USDT');
    assert.equal(fetched.body.id, id);
    assert.equal(fetched.body.status, 'open');

    const open = await spot.listOrders('BTC_USDT', 'open');
    assert.ok(open.body.some((listed) => listed.id === id), show(open.body));

    const allOpen = await spot.listAllOpenOrders();
    const pair = allOpen.body.find((entry) => entry.currencyPair === 'BTC_USDT');
    assert.ok(pair, show(allOpen.body));
    assert.equal(pair.total, 1);
    assert.equal(pair.orders[0].id, id);

    const cancelled = await spot.cancelOrder(id, 'BTC_USDT');
    assert.equal(cancelled.body.id, id);
    assert.equal(cancelled.body.status, 'cancelled');
    assert.equal(cancelled.body.finishAs, 'cancelled');

    const stillOpen = await spot.listOrders('BTC_USDT', 'open');
    assert.ok(!stillOpen.body.some((listed) => listed.id === id));
    const finished = await spot.listOrders('BTC_USDT', 'finished', { limit: 10 });
    assert.ok(finished.body.some((listed) => listed.id === id && listed.status === 'cancelled'),
      show(finished.body));

    const released = await spot.listSpotAccounts({ currency: 'USDT' });
    sameDecimal(released.body[0].locked, '0');
    sameDecimal(released.body[0].available, '1000');
  });
});
