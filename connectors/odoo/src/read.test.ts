import { collect, records, states } from '@ferry/declarative/testing';
import { odooClock } from '@ferry/testkit';
import { describe, expect, it } from 'vitest';
import { configFor, startOdoo } from '../test/odoo.ts';

const byStream = (messages: Awaited<ReturnType<typeof collect>>, stream: string) =>
  records(messages.filter((m) => m.stream === stream));

describe('@ferry/connector-odoo reads against the Odoo sandbox', () => {
  it('reads every stream with many2one pairs flattened and empty values as null', async () => {
    const { odoo, connector, config } = await startOdoo();
    const messages = await collect(connector.read(config));
    const partners = byStream(messages, 'partners');
    // archived contacts included
    expect(partners.map((p) => p.id).sort((a, b) => Number(a) - Number(b))).toEqual(
      odoo.admin.list('res.partner').map((p) => p.id),
    );
    expect(partners.find((p) => p.id === 3)).toEqual({
      id: 3,
      name: 'Agrolait',
      display_name: 'Agrolait',
      email: null,
      phone: null,
      street: '69 rue de Namur',
      city: 'Wavre',
      zip: '1300',
      country_id: 1,
      country_name: 'Belgium',
      vat: null,
      ref: 'AGR-7',
      is_company: true,
      credit_limit: 10000,
      customer_rank: 2,
      active: true,
      create_date: '2024-01-02 08:15:00',
      write_date: '2024-01-02 08:15:00',
    });
    expect(
      byStream(messages, 'products').find((p) => p.default_code === 'FURN_7800'),
    ).toMatchObject({
      qty_available: 60,
      barcode: null,
    });
    expect(byStream(messages, 'sale_orders').find((o) => o.name === 'S00002')).toMatchObject({
      partner_id: 3,
      partner_name: 'Agrolait',
      client_order_ref: 'HS-DEAL-1002',
      state: 'sale',
      amount_total: 2590,
      invoice_status: 'invoiced',
      order_line: [2, 3],
    });
    // customer invoices only: the vendor bill is not one
    const invoices = byStream(messages, 'invoices');
    expect(invoices.map((i) => i.name)).toEqual(['INV/2024/00001', 'INV/2024/00002', '/']);
    expect(invoices.find((i) => i.name === '/')).toMatchObject({
      invoice_origin: null,
      invoice_date: null,
    });
  });

  it('pages through runs of equal write_dates with nothing lost or read twice, and resumes from the state', async () => {
    const clock = odooClock('2025-01-01T00:00:00Z');
    const { odoo, connector, config } = await startOdoo({ extraPartners: 250, clock: clock.now });
    const first = await collect(connector.read(config, { streams: ['partners'] }));
    const ids = records(first).map((p) => p.id);
    expect(ids).toHaveLength(262);
    expect(new Set(ids).size).toBe(262);
    // three pages of 100 (the generated partners share write_dates three by three)
    const pages = odoo.requests.filter((r) => r.body.includes('"search_read"'));
    expect(pages).toHaveLength(3);
    const state = states(first).at(-1);
    expect(state).toEqual({ cursor: '2024-02-01 00:01:23', keys: ['[262]'] });

    odoo.admin.write('res.partner', 5, { phone: '+49 89 000000' });
    const second = await collect(
      connector.read(config, { streams: ['partners'], state: { partners: state as never } }),
    );
    expect(records(second).map((p) => [p.id, p.phone, p.write_date])).toEqual([
      [5, '+49 89 000000', '2025-01-01 00:00:00'],
    ]);
  });

  it('starts a first read at startDate, written into the domain in Odoo format', async () => {
    const { odoo, connector, config } = await startOdoo();
    const read = await collect(
      connector.read({ ...config, startDate: '2024-01-08T00:00:00Z' }, { streams: ['partners'] }),
    );
    expect(records(read).map((p) => p.name)).toEqual(['Credit Hold Corp', 'Deco Addict']);
    expect(odoo.requests.at(-1)?.body).toContain('["write_date",">=","2024-01-08 00:00:00"]');
  });

  it('loses no record when a record read earlier changes between two pages', async () => {
    const clock = odooClock('2025-01-01T00:00:00Z');
    const { odoo, connector, config } = await startOdoo({ extraPartners: 250, clock: clock.now });
    const seen: unknown[] = [];
    let page = 0;
    for await (const batch of connector.read(config, { streams: ['partners'] })) {
      for (const message of batch) if (message.type === 'RECORD') seen.push(message.data.id);
      // After page one, its first record changes: an offset-paged read would now skip one.
      if (page++ === 0) odoo.admin.write('res.partner', 1, { phone: '+1 555-0199' });
    }
    expect(new Set(seen).size).toBe(262);
    expect(seen.filter((id) => id === 1)).toHaveLength(2);
  });

  it('fails the check with FERRY_AUTH_FAILED for a bad key, and a read with the Odoo error of a 200 answer', async () => {
    const { odoo, connector, config } = await startOdoo({
      users: [
        { id: 2, login: 'admin', password: 'admin', apiKey: 'key-admin-0123456789' },
        {
          id: 8,
          login: 'sales',
          password: 'pw',
          apiKey: 'key-sales-0123456789',
          forbidden: ['account.move'],
        },
      ],
    });
    expect(await connector.check(config)).toEqual({ ok: true });
    const bad = await connector.check({ ...config, apiKey: 'not-the-key-42' });
    expect(bad).toMatchObject({ ok: false, message: expect.stringContaining('FERRY_AUTH_FAILED') });
    expect(JSON.stringify(bad)).not.toContain('not-the-key-42');
    const sales = configFor(odoo, { username: 'sales', apiKey: 'key-sales-0123456789' });
    await expect(collect(connector.read(sales, { streams: ['invoices'] }))).rejects.toMatchObject({
      code: 'FERRY_HTTP_STATUS',
      message: expect.stringContaining(
        "odoo.exceptions.AccessError: You are not allowed to access 'Journal Entry' (account.move) records.",
      ),
    });
  });
});
