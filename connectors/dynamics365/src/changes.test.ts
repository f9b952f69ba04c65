import { openConnector } from '@ferry/declarative';
import { collect, records, states } from '@ferry/declarative/testing';
import type { JsonObject } from '@ferry/sdk';
import { startDataverseSandbox } from '@ferry/testkit';
import { describe, expect, it } from 'vitest';
import { configFor, packageDir } from '../test/support.ts';
import { changeRecord } from './changes.ts';

describe('accounts_changes: Dataverse change tracking', () => {
  it('reads every account first, keeping the delta link as its state', async () => {
    const dv = await startDataverseSandbox();
    const connector = await openConnector(packageDir);
    const messages = await collect(
      connector.read(configFor(dv), { streams: ['accounts_changes'] }),
    );
    const got = records(messages);
    expect(got.map((r) => r.accountid).sort()).toEqual(
      dv.admin
        .rows('accounts')
        .map((r) => String(r.accountid))
        .sort(),
    );
    expect(got.every((r) => r._deleted === false && !('@odata.etag' in r))).toBe(true);
    // one STATE, after the last page: only the last page carries the delta link
    const saved = states(messages);
    expect(saved).toHaveLength(1);
    expect(messages.at(-1)?.type).toBe('STATE');
    const link = new URL(String(saved[0]?.deltaLink));
    expect(link.searchParams.get('$deltatoken')).toBeTruthy();
    const first = dv.sandbox.requests.find((r) => r.method === 'GET');
    expect(first?.headers.prefer).toBe('odata.track-changes,odata.maxpagesize=5');
  });

  it('then reads changed accounts and reports deleted ones as { accountid, _deleted: true }', async () => {
    const dv = await startDataverseSandbox();
    const connector = await openConnector(packageDir);
    const config = configFor(dv);
    const first = await collect(connector.read(config, { streams: ['accounts_changes'] }));
    const state = states(first).at(-1) as JsonObject;
    const [a, b] = dv.admin.rows('accounts');
    dv.admin.update('accounts', String(a?.accountid), { name: 'Contoso Pharmaceuticals' });
    dv.admin.delete('accounts', String(b?.accountid));
    const created = dv.admin.create('accounts', { name: 'Żółć Sp. j.', accountnumber: 'ACC-9000' });
    const second = await collect(
      connector.read(config, { streams: ['accounts_changes'], state: { accounts_changes: state } }),
    );
    expect(records(second)).toEqual([
      expect.objectContaining({
        accountid: a?.accountid,
        name: 'Contoso Pharmaceuticals',
        _deleted: false,
      }),
      expect.objectContaining({
        accountid: created.accountid,
        name: 'Żółć Sp. j.',
        _deleted: false,
      }),
      { accountid: b?.accountid, _deleted: true },
    ]);
    const nextState = states(second).at(-1);
    expect(nextState?.deltaLink).not.toBe(state.deltaLink);
    const third = await collect(
      connector.read(config, {
        streams: ['accounts_changes'],
        state: { accounts_changes: nextState as JsonObject },
      }),
    );
    expect(records(third)).toEqual([]);
  });

  it('maps delta entries to records', () => {
    expect(
      changeRecord({
        '@odata.context':
          'https://org.crm.dynamics.com/api/data/v9.2/$metadata#accounts/$deletedEntity',
        id: '2e451703-c686-e711-80e5-00155db19e6d',
        reason: 'deleted',
      }),
    ).toEqual({ accountid: '2e451703-c686-e711-80e5-00155db19e6d', _deleted: true });
    expect(changeRecord({ '@odata.etag': 'W/"7"', accountid: 'x', name: null })).toEqual({
      accountid: 'x',
      name: null,
      _deleted: false,
    });
  });
});
