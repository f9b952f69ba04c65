import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openConnector } from '@ferry/declarative';
import { collect, records, states, type TestServer } from '@ferry/declarative/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeEcb, type Observation } from '../test/fake-ecb.ts';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
let server: TestServer;
afterEach(() => server?.close());

const observations: Observation[] = [
  ['USD', '2024-05-02', 1.0701],
  ['USD', '2024-05-03', 1.0772],
  ['GBP', '2024-05-02', 0.8556],
  ['GBP', '2024-05-03', 0.8587],
  ['JPY', '2024-05-03', 164.62],
];

describe('@ferry/connector-ecb-rates (TypeScript handler)', () => {
  it('reads the rates of the configured currencies from the CSV answer', async () => {
    server = await fakeEcb(observations);
    const ecb = await openConnector(packageDir);
    const messages = await collect(
      ecb.read({ currencies: ['USD', 'GBP'], baseUrl: `${server.url}/service` }),
    );
    expect(records(messages)).toEqual([
      { currency: 'GBP', base: 'EUR', date: '2024-05-02', rate: 0.8556, status: 'A' },
      { currency: 'GBP', base: 'EUR', date: '2024-05-03', rate: 0.8587, status: 'A' },
      { currency: 'USD', base: 'EUR', date: '2024-05-02', rate: 1.0701, status: 'A' },
      { currency: 'USD', base: 'EUR', date: '2024-05-03', rate: 1.0772, status: 'A' },
    ]);
    expect(states(messages)).toEqual([{ date: '2024-05-03', currencies: ['GBP', 'USD'] }]);
    expect(messages.find((m) => m.type === 'LOG')).toMatchObject({
      level: 'info',
      message: 'read 4 observations',
    });
  });

  it('resumes from the saved date without repeating it, and keeps a rate published late for that date', async () => {
    server = await fakeEcb([...observations, ['USD', '2024-05-06', 1.0765]]);
    const ecb = await openConnector(packageDir);
    const config = { currencies: ['USD', 'JPY'], baseUrl: `${server.url}/service` };
    const got = await collect(
      ecb.read(config, { state: { rates: { date: '2024-05-03', currencies: ['USD'] } } }),
    );
    expect(server.requests[0]?.query.get('startPeriod')).toBe('2024-05-03');
    expect(records(got).map((r) => `${r.currency} ${r.date}`)).toEqual([
      'JPY 2024-05-03',
      'USD 2024-05-06',
    ]);
    expect(states(got).at(-1)).toEqual({ date: '2024-05-06', currencies: ['USD'] });
  });

  it('treats "No results found" as an empty read that keeps its state', async () => {
    server = await fakeEcb(observations);
    const ecb = await openConnector(packageDir);
    const got = await collect(
      ecb.read(
        { currencies: ['CHF'], baseUrl: `${server.url}/service` },
        { state: { rates: { date: '2024-05-03', currencies: ['CHF'] } } },
      ),
    );
    expect(records(got)).toEqual([]);
    expect(states(got)).toEqual([{ date: '2024-05-03', currencies: ['CHF'] }]);
  });

  it('rejects a config that breaks the config schema with every problem named', async () => {
    const ecb = await openConnector(packageDir);
    await expect(
      collect(ecb.read({ currencies: ['usd'], startDate: 'May 1st' })),
    ).rejects.toMatchObject({
      code: 'FERRY_CONFIG_INVALID',
      message: expect.stringMatching(/\$\.currencies\[0\].*\n.*\$\.startDate/),
    });
  });
});
