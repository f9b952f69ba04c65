import { startServer, type TestServer } from '@ferry/declarative/testing';

/** A daily rate: currency, date (YYYY-MM-DD) and value. */
export type Observation = [currency: string, date: string, value: number];

/**
 * A local stand-in for the ECB Data Portal API data endpoint (data.ecb.europa.eu/help/api/data):
 * GET /service/data/EXR/D.{CUR+CUR}.EUR.SP00.A?format=csvdata&startPeriod=YYYY-MM-DD answers an
 * SDMX-CSV file ordered by series then date, or 404 "No results found".
 */
export function fakeEcb(observations: Observation[]): Promise<TestServer> {
  return startServer(({ path, query }) => {
    const match = /^\/service\/data\/EXR\/D\.([A-Z+]+)\.EUR\.SP00\.A$/.exec(path);
    if (!match || query.get('format') !== 'csvdata') return { status: 400, body: 'Bad request' };
    const wanted = new Set(match[1]?.split('+'));
    const from = query.get('startPeriod') ?? '0000-00-00';
    const rows = observations
      .filter(([c, d]) => wanted.has(c) && d >= from)
      .sort((a, b) => a[0].localeCompare(b[0]) || a[1].localeCompare(b[1]));
    if (rows.length === 0) return { status: 404, body: 'No results found.' };
    const header =
      'KEY,FREQ,CURRENCY,CURRENCY_DENOM,EXR_TYPE,EXR_SUFFIX,TIME_PERIOD,OBS_VALUE,OBS_STATUS';
    const lines = rows.map(([c, d, v]) => `EXR.D.${c}.EUR.SP00.A,D,${c},EUR,SP00,A,${d},${v},A`);
    return {
      body: `${[header, ...lines].join('\r\n')}\r\n`,
      headers: { 'content-type': 'text/csv' },
    };
  });
}
