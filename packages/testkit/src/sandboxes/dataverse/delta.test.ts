import { describe, expect, it } from 'vitest';
import { type Connected, connect } from './test-support.ts';

type Page = {
  '@odata.context': string;
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
  value: Record<string, unknown>[];
};

/** Follows nextLinks from `first`; returns every row and the final delta link. */
async function readAll(dv: Connected, first: string, prefer = 'odata.track-changes') {
  const rows: Record<string, unknown>[] = [];
  const contexts: string[] = [];
  let url: string | undefined = first;
  let deltaLink: string | undefined;
  while (url) {
    const page: Page = await dv.getJson<Page>(url, { prefer });
    rows.push(...page.value);
    contexts.push(page['@odata.context']);
    deltaLink = page['@odata.deltaLink'];
    url = page['@odata.nextLink'];
    if (url) expect(deltaLink).toBeUndefined();
  }
  return { rows, contexts, deltaLink };
}

describe('Dataverse sandbox: change tracking', () => {
  it('answers odata.track-changes with every row and a delta link with an opaque $deltatoken', async () => {
    const dv = await connect();
    const response = await dv.api('accounts?$select=name,accountnumber', {
      headers: { prefer: 'odata.track-changes' },
    });
    expect(response.headers.get('preference-applied')).toBe('odata.track-changes');
    const page = (await response.json()) as Page;
    expect(page.value).toHaveLength(24);
    const link = new URL(page['@odata.deltaLink'] ?? '');
    expect(link.origin + link.pathname).toBe(`${dv.url}/api/data/v9.2/accounts`);
    expect(link.searchParams.get('$select')).toBe('name,accountnumber');
    expect(link.searchParams.get('$deltatoken')).toMatch(
      /^\d+!\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}$/,
    );
  });

  it('pages a tracked read, with the delta link on the last page only', async () => {
    const dv = await connect();
    const first = await dv.getJson<Page>('accounts?$select=name', {
      prefer: 'odata.track-changes,odata.maxpagesize=10',
    });
    expect(first.value).toHaveLength(10);
    expect(first['@odata.deltaLink']).toBeUndefined();
    // a row already read changes while the client pages: the next delta has it
    const edited = first.value[0];
    dv.admin.update('accounts', String(edited?.accountid), { name: 'Changed meanwhile' });
    const rest = await readAll(dv, first['@odata.nextLink'] ?? '', 'odata.maxpagesize=10');
    expect(first.value.length + rest.rows.length).toBe(24);
    const delta = await readAll(dv, rest.deltaLink ?? '', '');
    expect(delta.rows).toEqual([
      {
        '@odata.etag': expect.any(String),
        accountid: edited?.accountid,
        name: 'Changed meanwhile',
      },
    ]);
  });

  it('returns changed rows, then $deletedEntity rows, and a new delta link', async () => {
    const dv = await connect({ clock: () => new Date('2025-01-02T03:04:05Z') });
    const first = await readAll(dv, 'accounts?$select=name');
    const [a, b, c] = dv.admin.rows('accounts');
    dv.admin.delete('accounts', String(a?.accountid));
    dv.admin.update('accounts', String(b?.accountid), { name: 'Renamed Ltd' });
    const created = dv.admin.create('accounts', {
      name: 'Nouvelle Société',
      accountnumber: 'ACC-NEW',
    });
    dv.admin.update('accounts', String(c?.accountid), { telephone1: '+1-555-0199' });
    const delta = await readAll(dv, first.deltaLink ?? '', '');
    expect(delta.contexts[0]).toBe(`${dv.url}/api/data/v9.2/$metadata#accounts(name)/$delta`);
    expect(delta.rows).toEqual([
      { '@odata.etag': expect.any(String), accountid: b?.accountid, name: 'Renamed Ltd' },
      { '@odata.etag': expect.any(String), accountid: created.accountid, name: 'Nouvelle Société' },
      { '@odata.etag': expect.any(String), accountid: c?.accountid, name: c?.name },
      {
        '@odata.context': `${dv.url}/api/data/v9.2/$metadata#accounts/$deletedEntity`,
        id: a?.accountid,
        reason: 'deleted',
      },
    ]);
    const again = await readAll(dv, delta.deltaLink ?? '', '');
    expect(again.rows).toEqual([]);
    expect(new URL(delta.deltaLink ?? '').searchParams.get('$deltatoken')).toContain(
      '!01/02/2025 03:04:05',
    );
  });

  it('pages a delta and loses no change made while a client pages', async () => {
    const dv = await connect();
    const first = await readAll(dv, 'accounts?$select=name');
    for (const row of dv.admin.rows('accounts').slice(0, 7))
      dv.admin.update('accounts', String(row.accountid), { name: `${row.name} (edited)` });
    const page1 = await dv.getJson<Page>(first.deltaLink ?? '', { prefer: 'odata.maxpagesize=3' });
    expect(page1.value).toHaveLength(3);
    // an edit while the client pages: not in this delta (it is bounded), but in the next one
    const late = dv.admin.rows('accounts')[20];
    dv.admin.update('accounts', String(late?.accountid), { name: 'Late edit' });
    const rest = await readAll(dv, page1['@odata.nextLink'] ?? '', 'odata.maxpagesize=3');
    expect([...page1.value, ...rest.rows].map((r) => r.name)).toEqual(
      dv.admin
        .rows('accounts')
        .slice(0, 7)
        .map((r) => r.name),
    );
    const next = await readAll(dv, rest.deltaLink ?? '', '');
    expect(next.rows.map((r) => r.name)).toEqual(['Late edit']);
  });

  it('refuses $filter, $orderby and $top with change tracking, and unknown delta tokens', async () => {
    const dv = await connect();
    for (const option of ['$filter=statecode eq 0', '$orderby=name', '$top=5']) {
      const response = await dv.api(`accounts?${option}`, {
        headers: { prefer: 'odata.track-changes' },
      });
      expect(response.status, option).toBe(400);
      expect(((await response.json()) as { error: { message: string } }).error.message).toContain(
        "aren't supported",
      );
    }
    const forged = await dv.api(
      `accounts?$deltatoken=${encodeURIComponent('99999999!01/01/2030 00:00:00')}`,
    );
    expect(forged.status).toBe(400);
  });
});
