'use strict';
// USDT perpetuals through gate-api's FuturesApi: the account, an order's life and its amendment
// (amendFuturesOrder).

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

  it('amends an open order with amendFuturesOrder', async () => {
    const order = new GateApi.FuturesOrder();
    order.contract = 'BTC_USDT';
    order.size = '-2';
    order.price = '40000';
    const created = await futures.createFuturesOrder('usdt', order);
    const id = String(created.body.id);
    const before = await futures.listFuturesAccounts('usdt');

    const amendment = new GateApi.FuturesOrderAmendment();
    amendment.size = '-4';
    amendment.price = '41000';
    amendment.amendText = 't-sdk-famend';
    const amended = await futures.amendFuturesOrder('usdt', id, amendment);
    assert.equal(amended.response.status, 200);
    assert.equal(String(amended.body.id), id);
    assert.equal(amended.body.status, 'open');
    assert.equal(amended.body.amendText, 't-sdk-famend');
    sameDecimal(amended.body.size, '-4');
    sameDecimal(amended.body.left, '-4');
    sameDecimal(amended.body.price, '41000');

    // Order margin follows size x price: 4 x 41000 against 2 x 40000.
    const after = await futures.listFuturesAccounts('usdt');
    assert.equal(Number(after.body.orderMargin) * 80000, Number(before.body.orderMargin) * 164000,
      `${before.body.orderMargin} -> ${after.body.orderMargin}`);

    const flipped = new GateApi.FuturesOrderAmendment();
    flipped.size = '4';
    await gateError(futures.amendFuturesOrder('usdt', id, flipped), 'INVALID_PARAM_VALUE');

    const gone = new GateApi.FuturesOrderAmendment();
    gone.size = '0';
    const cancelled = await futures.amendFuturesOrder('usdt', id, gone);
    assert.equal(cancelled.body.status, 'finished');
    assert.equal(cancelled.body.finishAs, 'cancelled');
    await gateError(futures.amendFuturesOrder('usdt', id, amendment), 'ORDER_NOT_FOUND');
    const released = await futures.listFuturesAccounts('usdt');
    sameDecimal(released.body.orderMargin, '0');
  });
});
