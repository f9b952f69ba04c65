import { describe, expect, it } from 'vitest';
import { connect } from './test-support.ts';

type Page = {
  '@odata.context': string;
  '@odata.nextLink'?: string;
  value: Record<string, unknown>[];
};

describe('Dataverse sandbox: queries and paging', () => {
  it('returns $select columns plus the key, @odata.context and a W/"n" etag per row', async () => {
    const dv = await connect();
    const page = await dv.getJson<Page>('accounts?$select=name,modifiedon&$top=2');
    expect(page['@odata.context']).toBe(
      `${dv.url}/api/data/v9.2/$metadata#accounts(name,modifiedon)`,
    );
    expect(page.value).toHaveLength(2);
    const [first] = page.value;
    expect(Object.keys(first ?? {})).toEqual(['@odata.etag', 'accountid', 'name', 'modifiedon']);
    expect(first?.['@odata.etag']).toMatch(/^W\/"\d+"$/);
    expect(first?.modifiedon).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    const all = await dv.getJson<Page>('contacts');
    expect(all['@odata.context']).toBe(`${dv.url}/api/data/v9.2/$metadata#contacts`);
    expect(all.value).toHaveLength(36);
    expect(all.value.some((c) => c.telephone1 === null)).toBe(true);
  });

  it('pages by odata.maxpagesize with absolute nextLinks and echoes Preference-Applied', async () => {
    const dv = await connect();
    const prefer = { prefer: 'odata.maxpagesize=5' };
    const query =
      'accounts?$select=name&$filter=statecode eq 0&$orderby=modifiedon asc,accountid asc';
    const names: unknown[] = [];
    let url: string | undefined = query;
    let pages = 0;
    while (url) {
      const response = await dv.api(url, { headers: prefer });
      expect(response.headers.get('preference-applied')).toBe('odata.maxpagesize=5');
      expect(response.headers.get('odata-version')).toBe('4.0');
      const page = (await response.json()) as Page;
      names.push(...page.value.map((r) => r.accountid));
      url = page['@odata.nextLink'];
      if (url) {
        expect(url.startsWith(`${dv.url}/api/data/v9.2/accounts?$select=name&`)).toBe(true);
        expect(new URL(url).searchParams.get('$skiptoken')).toMatch(
          /^<cookie pagenumber="\d+" pagingcookie="/,
        );
      }
      pages += 1;
    }
    const active = dv.admin.rows('accounts').filter((r) => r.statecode === 0);
    const expected = active
      .sort(
        (a, b) =>
          String(a.modifiedon).localeCompare(String(b.modifiedon)) ||
          String(a.accountid).localeCompare(String(b.accountid)),
      )
      .map((r) => r.accountid);
    expect(names).toEqual(expected);
    expect(pages).toBe(Math.ceil(active.length / 5));
  });

  it('caps odata.maxpagesize at 5,000 and refuses $skip', async () => {
    const dv = await connect();
    const big = await dv.api('accounts', { headers: { prefer: 'odata.maxpagesize=9000' } });
    expect(big.headers.get('preference-applied')).toBe('odata.maxpagesize=5000');
    const skip = await dv.api('accounts?$skip=10');
    expect(skip.status).toBe(400);
    expect(await skip.json()).toEqual({
      error: { code: '0x80060888', message: 'The query parameter $skip is not supported.' },
    });
  });

  it('finds a name with an apostrophe and unicode through $filter, and orders descending', async () => {
    const dv = await connect();
    const page = await dv.getJson<Page>(
      `accounts?$select=name&$filter=${encodeURIComponent("name eq 'O''Brien & Partners' or startswith(name,'Müller')")}&$orderby=name desc`,
    );
    expect(page.value.map((r) => r.name)).toEqual(["O'Brien & Partners", 'Müller & Söhne GmbH']);
  });

  it('answers query errors and unknown sets in the {error:{code,message}} shape', async () => {
    const dv = await connect();
    const quoted = await dv.api("accounts?$filter=modifiedon ge '2024-01-01T00:00:00Z'");
    expect(quoted.status).toBe(400);
    expect(((await quoted.json()) as { error: { message: string } }).error.message).toContain(
      'Edm.DateTimeOffset',
    );
    const badSelect = await dv.api('accounts?$select=nickname');
    expect(badSelect.status).toBe(400);
    const unknown = await dv.api('leads');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({
      error: { code: '0x8006088a', message: "Resource not found for the segment 'leads'." },
    });
    const row = dv.admin.rows('accounts')[0];
    const one = await dv.getJson(`accounts(${row?.accountid})?$select=name`);
    expect(one).toMatchObject({ accountid: row?.accountid, name: row?.name });
    expect(one['@odata.context']).toBe(`${dv.url}/api/data/v9.2/$metadata#accounts/$entity`);
    const whoAmI = await dv.getJson('WhoAmI');
    expect(whoAmI.UserId).toMatch(/^[0-9a-f-]{36}$/);
  });
});
