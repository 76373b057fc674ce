'use strict';
// CCXT Pro's order calls over Gate's WebSocket trading API (spot.login, spot.order_place, ...,
// futures.order_cancel_cp) against the sandbox, with nothing changed but its URLs: placing,
// reading, listing and cancelling spot and USDT-perpetual orders, cancel-all per market, batch
// placement of perpetual orders, the refusals CCXT maps to its error classes, and amendment of
// spot and perpetual orders (editOrderWs).
// CCXT itself refuses fetchOpenOrdersWs for spot markets (it lists swap orders only).

const assert = require('node:assert/strict');
const { after, before, describe, it } = require('node:test');

const ccxt = require('ccxt');

const { ccxtError, gateClient, gateStreams } = require('./ccxt_clients');
const { startSandbox, show } = require('./harness');

describe('CCXT Pro order calls over the sandbox\'s WebSocket API', () => {
  let sandbox;
  let trader;
  let rest;
  let streams;

  before(async () => {
    sandbox = await startSandbox();
    trader = await sandbox.createTrader('ccxt-ws-trader',
      [['USDT', '10000', 'spot'], ['USDT', '5000', 'futures']]);
    rest = gateClient(sandbox, trader);
    await rest.loadMarkets();
    streams = await gateStreams(sandbox, trader);
  });

  after(async () => {
    await streams?.close();
    const exit = await sandbox?.stop();
    assert.equal(exit?.code, 0, `sandbox exit: ${show(exit)}`);
  });

  it('places, reads and cancels a spot limit order', async () => {
    const placed = await streams.createOrderWs('BTC/USDT', 'limit', 'buy', 0.001, 30000,
      { clientOrderId: 't-ws-spot' });
    assert.equal(placed.status, 'open', show(placed));
    assert.equal(placed.clientOrderId, 't-ws-spot');
    assert.equal(placed.price, 30000);
    assert.equal(placed.amount, 0.001);

    const read = await streams.fetchOrderWs(placed.id, 'BTC/USDT');
    assert.equal(read.id, placed.id);
    assert.equal(read.status, 'open');
    const byRest = await rest.fetchOrder(placed.id, 'BTC/USDT');
    assert.equal(byRest.clientOrderId, 't-ws-spot');
    assert.equal((await rest.fetchBalance()).USDT.used, 30);

    const cancelled = await streams.cancelOrderWs(placed.id, 'BTC/USDT');
    assert.equal(cancelled.id, placed.id);
    assert.equal(cancelled.status, 'canceled');
    assert.equal((await rest.fetchBalance()).USDT.used, 0);
  });

  it('cancels every open spot order of a pair', async () => {
    const first = await streams.createOrderWs('BTC/USDT', 'limit', 'buy', 0.001, 31000);
    const second = await streams.createOrderWs('BTC/USDT', 'limit', 'buy', 0.001, 32000);
    const cancelled = await streams.cancelAllOrdersWs('BTC/USDT');
    const ids = cancelled.map((order) => order.id).sort();
    assert.deepEqual(ids, [first.id, second.id].sort(), show(cancelled));
    assert.ok(cancelled.every((order) => order.status === 'canceled'), show(cancelled));
    assert.deepEqual(await rest.fetchOpenOrders('BTC/USDT'), []);
  });

  it('places, reads, lists and cancels a perpetual order', async () => {
    const placed = await streams.createOrderWs('BTC/USDT:USDT', 'limit', 'buy', 1, 50000,
      { clientOrderId: 't-ws-swap' });
    assert.equal(placed.status, 'open', show(placed));
    assert.equal(placed.symbol, 'BTC/USDT:USDT');
    assert.equal(placed.amount, 1);
    assert.equal(placed.price, 50000);

    const read = await streams.fetchOrderWs(placed.id, 'BTC/USDT:USDT');
    assert.equal(read.id, placed.id);
    assert.equal(read.clientOrderId, 't-ws-swap');

    const open = await streams.fetchOpenOrdersWs('BTC/USDT:USDT');
    assert.deepEqual(open.map((order) => order.id), [placed.id], show(open));

    const cancelled = await streams.cancelOrderWs(placed.id, 'BTC/USDT:USDT');
    assert.equal(cancelled.id, placed.id);
    assert.equal(cancelled.status, 'canceled');
    assert.deepEqual(await streams.fetchOpenOrdersWs('BTC/USDT:USDT'), []);
  });

  it('cancels every open perpetual order of a contract', async () => {
    const first = await streams.createOrderWs('BTC/USDT:USDT', 'limit', 'buy', 1, 51000);
    const second = await streams.createOrderWs('BTC/USDT:USDT', 'limit', 'sell', 1, 90000);
    const cancelled = await streams.cancelAllOrdersWs('BTC/USDT:USDT');
    assert.deepEqual(cancelled.map((order) => order.id).sort(), [first.id, second.id].sort(),
      show(cancelled));
    assert.deepEqual(await streams.fetchOpenOrdersWs('BTC/USDT:USDT'), []);
  });

  it('places a batch of perpetual orders', async () => {
    const orders = await streams.createOrdersWs([
      { symbol: 'BTC/USDT:USDT', type: 'limit', side: 'buy', amount: 1, price: 52000 },
      { symbol: 'BTC/USDT:USDT', type: 'limit', side: 'buy', amount: 2, price: 53000 },
    ]);
    assert.equal(orders.length, 2, show(orders));
    assert.ok(orders.every((order) => order.status === 'open'), show(orders));
    assert.deepEqual(orders.map((order) => order.amount), [1, 2]);
    const open = await streams.fetchOpenOrdersWs('BTC/USDT:USDT');
    assert.deepEqual(open.map((order) => order.id).sort(), orders.map((order) => order.id).sort());
    assert.equal((await streams.cancelAllOrdersWs('BTC/USDT:USDT')).length, 2);
  });

  it('maps refusals to CCXT\'s error classes', async () => {
    await ccxtError(streams.fetchOrderWs('123456789', 'BTC/USDT'), ccxt.OrderNotFound);
    await ccxtError(streams.createOrderWs('BTC/USDT', 'limit', 'buy', 1, 60000),
      ccxt.InsufficientFunds);

    const readOnly = await sandbox.createKey(trader.userId, {
      name: 'ccxt-ws-read-only',
      perms: [{ name: 'spot', read_only: true }],
    });
    const reader = await gateStreams(sandbox, readOnly);
    try {
      await ccxtError(reader.createOrderWs('BTC/USDT', 'limit', 'buy', 0.001, 30000),
        ccxt.PermissionDenied);
    } finally {
      await reader.close();
    }

    const wrongSecret = await gateStreams(sandbox, { key: trader.key, secret: '0'.repeat(64) });
    try {
      await ccxtError(wrongSecret.createOrderWs('BTC/USDT', 'limit', 'buy', 0.001, 30000),
        ccxt.AuthenticationError);
    } finally {
      await wrongSecret.close();
    }
  });

  it('edits spot and perpetual orders with editOrderWs', async () => {
    const placed = await streams.createOrderWs('BTC/USDT', 'limit', 'buy', 0.001, 30000);
    const edited = await streams.editOrderWs(placed.id, 'BTC/USDT', 'limit', 'buy', 0.002, 30500);
    assert.equal(edited.id, placed.id);
    assert.equal(edited.status, 'open', show(edited));
    assert.equal(edited.price, 30500);
    assert.equal(edited.amount, 0.002);
    const read = await streams.fetchOrderWs(placed.id, 'BTC/USDT');
    assert.equal(read.price, 30500);
    assert.equal((await rest.fetchBalance()).USDT.used, 61);
    await streams.cancelOrderWs(placed.id, 'BTC/USDT');
    await ccxtError(
      streams.editOrderWs(placed.id, 'BTC/USDT', 'limit', 'buy', 0.001, 30000), ccxt.OrderNotFound);

    const bid = await streams.createOrderWs('BTC/USDT:USDT', 'limit', 'buy', 1, 40000);
    const bigger = await streams.editOrderWs(bid.id, 'BTC/USDT:USDT', 'limit', 'buy', 2, 41000);
    assert.equal(bigger.id, bid.id);
    assert.equal(bigger.amount, 2);
    assert.equal(bigger.price, 41000);
    const ask = await streams.createOrderWs('BTC/USDT:USDT', 'limit', 'sell', 1, 90000);
    const wider = await streams.editOrderWs(ask.id, 'BTC/USDT:USDT', 'limit', 'sell', 3, 90500);
    assert.equal(wider.amount, 3);
    assert.equal(wider.side, 'sell');
    await streams.cancelOrderWs(bid.id, 'BTC/USDT:USDT');
    await streams.cancelOrderWs(ask.id, 'BTC/USDT:USDT');
  });
});
