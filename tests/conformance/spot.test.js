'use strict';
// Spot through gate-api's SpotApi: balances, an order's life (create, get, list, cancel), and
// its amendment (amendOrder).

const assert = require('node:assert/strict');
const { after, before, describe, it } = require('node:test');

const { GateApi, startSandbox, gateError, sameDecimal, show } = require('./harness');

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

  it('amends an open order with amendOrder', async () => {
    const order = new GateApi.Order();
    order.currencyPair = 'BTC_USDT';
    order.side = GateApi.Order.Side.Buy;
    order.amount = '0.001';
    order.price = '30000';
    const created = await spot.createOrder(order);
    const id = created.body.id;

    const patch = new GateApi.OrderPatch();
    patch.amount = '0.002';
    patch.price = '31000';
    patch.amendText = 't-sdk-amend';
    const amended = await spot.amendOrder(id, patch, { currencyPair: 'BTC_USDT' });
    assert.equal(amended.response.status, 200);
    assert.equal(amended.body.id, id);
    assert.equal(amended.body.status, 'open');
    assert.equal(amended.body.amendText, 't-sdk-amend');
    sameDecimal(amended.body.amount, '0.002');
    sameDecimal(amended.body.price, '31000');
    sameDecimal(amended.body.left, '0.002');
    assert.ok(amended.body.updateTimeMs >= created.body.updateTimeMs);

    const locked = await spot.listSpotAccounts({ currency: 'USDT' });
    sameDecimal(locked.body[0].locked, '62');

    const fetched = await spot.getOrder(id, 'BTC_USDT');
    sameDecimal(fetched.body.price, '31000');
    assert.equal(fetched.body.amendText, 't-sdk-amend');

    const empty = new GateApi.OrderPatch();
    empty.amendText = 't-nothing';
    await gateError(spot.amendOrder(id, empty, { currencyPair: 'BTC_USDT' }),
      'INVALID_PARAM_VALUE');
    const greedy = new GateApi.OrderPatch();
    greedy.amount = '1';
    await gateError(spot.amendOrder(id, greedy, { currencyPair: 'BTC_USDT' }),
      'BALANCE_NOT_ENOUGH');

    await spot.cancelOrder(id, 'BTC_USDT');
    const late = new GateApi.OrderPatch();
    late.price = '32000';
    await gateError(spot.amendOrder(id, late, { currencyPair: 'BTC_USDT' }), 'ORDER_NOT_FOUND');
    const released = await spot.listSpotAccounts({ currency: 'USDT' });
    sameDecimal(released.body[0].locked, '0');
  });
});
