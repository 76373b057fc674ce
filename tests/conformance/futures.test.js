'use strict';
// USDT perpetuals through gate-api's FuturesApi: the account and an order's life.

const assert = require('node:assert/strict');
const { after, before, describe, it } = require('node:test');

const { GateApi, startSandbox, gateError, sameDecimal, show } = require('./harness');

describe('futures via gate-api FuturesApi', () => {
  let sandbox;
  let futures;

  before(async () => {
    sandbox = await startSandbox();
    const trader = await sandbox.createTrader('futures-trader', [['USDT', '2000', 'futures']]);
    futures = new GateApi.FuturesApi(sandbox.client(trader));
  });

  after(async () => {
    const exit = await sandbox?.stop();
    assert.equal(exit?.code, 0, `sandbox exit: ${show(exit)}`);
  });

  it('reads the USDT futures account', async () => {
    const { response, body } = await futures.listFuturesAccounts('usdt');
    assert.equal(response.status, 200);
    assert.equal(body.currency, 'USDT');
    sameDecimal(body.total, '2000');
    sameDecimal(body.available, '2000');
    sameDecimal(body.unrealisedPnl, '0');
    sameDecimal(body.orderMargin, '0');
    assert.equal(body.inDualMode, false);
  });

  it('answers USER_NOT_FOUND before the futures account is opened', async () => {
    const newcomer = await sandbox.createTrader('no-futures-yet', [['USDT', '10']]);
    const api = new GateApi.FuturesApi(sandbox.client(newcomer));
    await gateError(api.listFuturesAccounts('usdt'), 'USER_NOT_FOUND');
  });

  it('creates, finds, lists and cancels a limit order', async () => {
    const order = new GateApi.FuturesOrder();
    order.contract = 'BTC_USDT';
    order.size = '1';
    order.price = '30000';
    order.tif = GateApi.FuturesOrder.Tif.Gtc;
    order.text = 't-conformance-f1';

    const created = await futures.createFuturesOrder('usdt', order);
    assert.equal(created.response.status, 201);
    const id = String(created.body.id);
    assert.match(id, /^\d+$/);
    assert.equal(created.body.contract, 'BTC_USDT');
    assert.equal(created.body.status, 'open');
    assert.equal(created.body.text, 't-conformance-f1');
    assert.equal(created.body.tif, 'gtc');
    sameDecimal(created.body.size, '1');
    sameDecimal(created.body.left, '1');
    sameDecimal(created.body.price, '30000');

    const account = await futures.listFuturesAccounts('usdt');
    assert.notEqual(Number(account.body.orderMargin), 0, 'an open order holds order margin');

    const fetched = await futures.getFuturesOrder('usdt', id);
    assert.equal(String(fetched.body.id), id);
    assert.equal(fetched.body.status, 'open');

    const open = await futures.listFuturesOrders('usdt', 'open', { contract: 'BTC_USDT' });
    assert.ok(open.body.some((listed) => String(listed.id) === id), show(open.body));

    const cancelled = await futures.cancelFuturesOrder('usdt', id);
    assert.equal(String(cancelled.body.id), id);
    assert.equal(cancelled.body.status, 'finished');
    assert.equal(cancelled.body.finishAs, 'cancelled');

    const released = await futures.listFuturesAccounts('usdt');
    sameDecimal(released.body.orderMargin, '0');
    sameDecimal(released.body.available, '2000');
  });
});
