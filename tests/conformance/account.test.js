'use strict';
// Account-level reads through gate-api's AccountApi, WalletApi and UnifiedApi: what a platform
// reads when it binds a key.

const assert = require('node:assert/strict');
const { after, before, describe, it } = require('node:test');

const { GateApi, startSandbox, sameDecimal, show } = require('./harness');

describe('account, wallet and unified via gate-api', () => {
  let sandbox;
  let userId;
  let key;
  let client;

  before(async () => {
    sandbox = await startSandbox();
    userId = await sandbox.createUser('account-owner');
    key = await sandbox.createKey(userId, {
      name: 'binding-check',
      perms: [
        { name: 'spot', read_only: false },
        { name: 'futures', read_only: false },
        { name: 'wallet', read_only: true },
        { name: 'account', read_only: true },
        { name: 'unified', read_only: true },
      ],
      ipWhitelist: ['127.0.0.1'],
    });
    await sandbox.deposit(userId, 'USDT', '1000', 'spot');
    await sandbox.deposit(userId, 'USDT', '500', 'futures');
    client = sandbox.client(key);
  });

  after(async () => {
    const exit = await sandbox?.stop();
    assert.equal(exit?.code, 0, `sandbox exit: ${show(exit)}`);
  });

  it('AccountApi.getAccountDetail names the user and the key', async () => {
    const { response, body } = await new GateApi.AccountApi(client).getAccountDetail();
    assert.equal(response.status, 200);
    assert.equal(body.userId, userId);
    assert.deepEqual(body.ipWhitelist, ['127.0.0.1']);
    assert.deepEqual(body.currencyPairs, []);
    assert.equal(body.key.mode, 1);
  });

  it('AccountApi.getAccountMainKeys lists the permission groups', async () => {
    const { response, body } = await new GateApi.AccountApi(client).getAccountMainKeys();
    assert.equal(response.status, 200);
    assert.equal(body.userId, userId);
    assert.equal(body.state, 1);
    assert.equal(body.mode, 1);
    assert.deepEqual(body.ipWhitelist, ['127.0.0.1']);
    const perms = Object.fromEntries(body.perms.map((perm) => [perm.name, perm.readOnly]));
    assert.deepEqual(perms,
      { spot: false, futures: false, wallet: true, account: true, unified: true });
    assert.match(String(body.createdAt), /^\d+$/);
  });

  it('WalletApi.getTotalBalance adds spot and futures', async () => {
    const { response, body } = await new GateApi.WalletApi(client).getTotalBalance({ currency: 'USDT' });
    assert.equal(response.status, 200);
    assert.equal(body.total.currency, 'USDT');
    sameDecimal(body.total.amount, '1500');
    sameDecimal(body.details.spot.amount, '1000');
    sameDecimal(body.details.futures.amount, '500');
  });

  it('UnifiedApi.getUnifiedMode reports a classic account', async () => {
    const { response, body } = await new GateApi.UnifiedApi(client).getUnifiedMode();
    assert.equal(response.status, 200);
    assert.equal(body.mode, 'classic');
  });
});
