'use strict';
// CCXT's Gate exchange class against the sandbox, with nothing changed but its URLs: markets,
// balances, the spot and perpetual order lifecycles, fills, positions, the errors CCXT maps
// from Gate's labels, and CCXT Pro's streams. CCXT loads every Gate product (spot, margin, USDT
// and BTC perpetuals, delivery futures, options) before anything else, so this also checks the
// listings the sandbox answers for the products it does not trade.

const assert = require('node:assert/strict');
const { after, before, describe, it } = require('node:test');

const ccxt = require('ccxt');

const { ccxtError, gateClient, gateStreams } = require('./ccxt_clients');
const { startSandbox, show } = require('./harness');

/**
 * Subscribes with `watch` (a CCXT watch call), runs `act`, then keeps watching until an update
 * satisfies `done`; resolves to that update. Fails after `ms`.
 */
async function watchUntil(watch, act, done, ms = 5000) {
  const deadline = Date.now() + ms;
  let update = watch();
  await new Promise((resolve) => setTimeout(resolve, 200)); // let the subscription land
  await act();
  for (;;) {
    let timer;
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no matching update within ${ms} ms`)),
        Math.max(deadline - Date.now(), 1));
    });
    try {
      const value = await Promise.race([update, timeout]);
      if (done(value)) return value;
    } finally {
      clearTimeout(timer);
    }
    update = watch();
  }
}

describe('CCXT gate against the sandbox', () => {
  let sandbox;
  let trader;
  let maker;
  let exchange;

  before(async () => {
    sandbox = await startSandbox();
    trader = await sandbox.createTrader('ccxt-trader',
      [['USDT', '10000', 'spot'], ['USDT', '5000', 'futures']]);
    maker = await sandbox.createTrader('ccxt-maker',
      [['BTC', '1', 'spot'], ['USDT', '5000', 'futures']]);
    exchange = gateClient(sandbox, trader);
    await exchange.loadMarkets();
  });

  after(async () => {
    const exit = await sandbox?.stop();
    assert.equal(exit?.code, 0, `sandbox exit: ${show(exit)}`);
  });

  it('loads the spot pairs and the USDT perpetuals as markets', () => {
    const spot = exchange.market('BTC/USDT');
    assert.equal(spot.id, 'BTC_USDT');
    assert.equal(spot.spot, true);
    const swap = exchange.market('BTC/USDT:USDT');
    assert.equal(swap.id, 'BTC_USDT');
    assert.equal(swap.swap, true);
    assert.equal(swap.settle, 'USDT');
    assert.ok(swap.contractSize > 0, `contract size: ${swap.contractSize}`);
  });

  it('fetches the spot and futures balances that were deposited', async () => {
    const spot = await exchange.fetchBalance();
    assert.equal(spot.USDT.free, 10000);
    assert.equal(spot.USDT.used, 0);
    const futures = await exchange.fetchBalance({ type: 'swap' });
    assert.equal(futures.USDT.total, 5000);
  });

  it('places, reads, lists and cancels a spot limit order with a client order id', async () => {
    const placed = await exchange.createOrder('BTC/USDT', 'limit', 'buy', 0.001, 30000,
      { clientOrderId: 't-ccxt-limit' });
    assert.equal(placed.status, 'open');
    assert.equal(placed.clientOrderId, 't-ccxt-limit');

    const read = await exchange.fetchOrder(placed.id, 'BTC/USDT');
    assert.equal(read.id, placed.id);
    assert.equal(read.price, 30000);
    assert.equal(read.amount, 0.001);
    const open = await exchange.fetchOpenOrders('BTC/USDT');
    assert.ok(open.some((order) => order.id === placed.id), show(open));
    assert.equal((await exchange.fetchBalance()).USDT.used, 30);

    const cancelled = await exchange.cancelOrder(placed.id, 'BTC/USDT');
    assert.equal(cancelled.status, 'canceled');
    assert.equal((await exchange.fetchBalance()).USDT.used, 0);
  });

  it('fills a spot buy against another user\'s ask and reports the trade', async () => {
    const makerExchange = gateClient(sandbox, maker);
    const ask = await makerExchange.createOrder('BTC/USDT', 'limit', 'sell', 0.01, 60000);
    assert.equal(ask.status, 'open');

    const bought = await exchange.createOrder('BTC/USDT', 'limit', 'buy', 0.01, 60000);
    assert.equal(bought.status, 'closed');
    assert.equal(bought.filled, 0.01);

    const trades = await exchange.fetchMyTrades('BTC/USDT');
    const trade = trades.find((item) => item.order === bought.id);
    assert.ok(trade, show(trades));
    assert.equal(trade.price, 60000);
    assert.equal(trade.amount, 0.01);
    assert.equal(trade.takerOrMaker, 'taker');

    const balance = await exchange.fetchBalance();
    assert.equal(balance.USDT.free, 10000 - 600);
    assert.ok(balance.BTC.free > 0 && balance.BTC.free <= 0.01, show(balance.BTC));
  });

  it('opens a perpetual position and reads it back', async () => {
    const makerExchange = gateClient(sandbox, maker);
    const ask = await makerExchange.createOrder('BTC/USDT:USDT', 'limit', 'sell', 2, 60000);
    assert.equal(ask.status, 'open');

    const resting = await exchange.createOrder('BTC/USDT:USDT', 'limit', 'buy', 1, 50000);
    assert.equal((await exchange.fetchOpenOrders('BTC/USDT:USDT'))[0].id, resting.id);
    assert.equal((await exchange.cancelOrder(resting.id, 'BTC/USDT:USDT')).status, 'canceled');

    const bought = await exchange.createOrder('BTC/USDT:USDT', 'limit', 'buy', 2, 60000);
    assert.equal(bought.status, 'closed');
    const [position] = await exchange.fetchPositions(['BTC/USDT:USDT']);
    assert.equal(position.symbol, 'BTC/USDT:USDT');
    assert.equal(position.side, 'long');
    assert.equal(position.contracts, 2);
    assert.equal(position.entryPrice, 60000);
  });

  it('streams order books, trades, candles, balances and orders to CCXT Pro', async () => {
    const streams = await gateStreams(sandbox, trader);
    const makerExchange = gateClient(sandbox, maker);
    try {
      const book = await watchUntil(() => streams.watchOrderBook('BTC/USDT'),
        () => makerExchange.createOrder('BTC/USDT', 'limit', 'sell', 0.02, 61000),
        (update) => update.asks.some(([price]) => price === 61000));
      assert.equal(book.symbol, 'BTC/USDT');

      const trades = await watchUntil(() => streams.watchTrades('BTC/USDT'),
        () => exchange.createOrder('BTC/USDT', 'limit', 'buy', 0.005, 61000),
        (update) => update.some((trade) => trade.price === 61000));
      const trade = trades.find((item) => item.price === 61000);
      assert.equal(trade.amount, 0.005);

      const candles = await watchUntil(() => streams.watchOHLCV('BTC/USDT', '1m'),
        () => exchange.createOrder('BTC/USDT', 'limit', 'buy', 0.005, 61000),
        (update) => update.length > 0 && update.at(-1)[4] === 61000);
      assert.equal(candles.at(-1)[2], 61000); // high

      const balance = await watchUntil(() => streams.watchBalance(),
        () => exchange.createOrder('BTC/USDT', 'limit', 'buy', 0.001, 20000),
        (update) => update.USDT !== undefined && update.USDT.used >= 20);
      assert.ok(balance.USDT.free > 0, show(balance.USDT));

      const orders = await watchUntil(() => streams.watchOrders('BTC/USDT'),
        () => exchange.createOrder('BTC/USDT', 'limit', 'buy', 0.001, 20001,
          { clientOrderId: 't-ccxt-stream' }),
        (update) => update.some((order) => order.clientOrderId === 't-ccxt-stream'));
      const streamed = orders.find((order) => order.clientOrderId === 't-ccxt-stream');
      assert.equal(streamed.status, 'open');
      assert.equal(streamed.price, 20001);

      const swapCandles = await watchUntil(() => streams.watchOHLCV('BTC/USDT:USDT', '1m'),
        async () => {
          await makerExchange.createOrder('BTC/USDT:USDT', 'limit', 'sell', 1, 61000);
          await exchange.createOrder('BTC/USDT:USDT', 'limit', 'buy', 1, 61000);
        },
        (update) => update.length > 0 && update.at(-1)[4] === 61000);
      assert.ok(swapCandles.at(-1)[5] > 0, show(swapCandles.at(-1)));
    } finally {
      await streams.close();
    }
  });

  it('maps Gate\'s refusals to CCXT\'s error classes', async () => {
    const wrongSecret = gateClient(sandbox, { key: trader.key, secret: '0'.repeat(64) });
    wrongSecret.markets = exchange.markets;
    wrongSecret.markets_by_id = exchange.markets_by_id;
    await ccxtError(wrongSecret.fetchBalance(), ccxt.AuthenticationError);

    const readOnly = await sandbox.createKey(trader.userId, {
      name: 'ccxt-read-only',
      perms: [{ name: 'spot', read_only: true }],
    });
    const reader = gateClient(sandbox, readOnly);
    reader.markets = exchange.markets;
    reader.markets_by_id = exchange.markets_by_id;
    await ccxtError(reader.createOrder('BTC/USDT', 'limit', 'buy', 0.001, 30000),
      ccxt.PermissionDenied);

    await ccxtError(exchange.cancelOrder('123456789', 'BTC/USDT'), ccxt.OrderNotFound);
    await ccxtError(exchange.createOrder('BTC/USDT', 'limit', 'buy', 1, 60000),
      ccxt.InsufficientFunds);
  });

  it('edits spot and perpetual orders with editOrder', async () => {
    const placed = await exchange.createOrder('BTC/USDT', 'limit', 'buy', 0.001, 30000);
    const usedBefore = (await exchange.fetchBalance()).USDT.used;
    const edited = await exchange.editOrder(placed.id, 'BTC/USDT', 'limit', 'buy', 0.002, 31000);
    assert.equal(edited.id, placed.id);
    assert.equal(edited.status, 'open', show(edited));
    assert.equal(edited.amount, 0.002);
    assert.equal(edited.price, 31000);
    assert.equal(edited.remaining, 0.002);
    assert.equal((await exchange.fetchBalance()).USDT.used, usedBefore - 30 + 62);
    assert.equal((await exchange.fetchOrder(placed.id, 'BTC/USDT')).price, 31000);
    await ccxtError(exchange.editOrder(placed.id, 'BTC/USDT', 'limit', 'buy', 1, 31000),
      ccxt.InsufficientFunds);
    await exchange.cancelOrder(placed.id, 'BTC/USDT');
    await ccxtError(exchange.editOrder(placed.id, 'BTC/USDT', 'limit', 'buy', 0.001, 30000),
      ccxt.OrderNotFound);

    // Perpetuals: CCXT sends the size signed by the side it is told.
    const bid = await exchange.createOrder('BTC/USDT:USDT', 'limit', 'buy', 1, 50000);
    const bigger = await exchange.editOrder(bid.id, 'BTC/USDT:USDT', 'limit', 'buy', 3, 51000);
    assert.equal(bigger.id, bid.id);
    assert.equal(bigger.status, 'open', show(bigger));
    assert.equal(bigger.amount, 3);
    assert.equal(bigger.price, 51000);
    assert.equal(bigger.side, 'buy');
    const ask = await exchange.createOrder('BTC/USDT:USDT', 'limit', 'sell', 1, 90000);
    const wider = await exchange.editOrder(ask.id, 'BTC/USDT:USDT', 'limit', 'sell', 2, 91000);
    assert.equal(wider.amount, 2);
    assert.equal(wider.side, 'sell');
    assert.equal(wider.price, 91000);
    const open = await exchange.fetchOpenOrders('BTC/USDT:USDT');
    assert.equal(open.find((order) => order.id === ask.id)?.amount, 2, show(open));
    await exchange.cancelOrder(bid.id, 'BTC/USDT:USDT');
    await exchange.cancelOrder(ask.id, 'BTC/USDT:USDT');
  });
});
