import { defineConnector, type JsonObject } from '@ferry/sdk';
import { parse } from 'csv-parse/sync';

interface Config {
  currencies: string[];
  startDate?: string;
  baseUrl: string;
}

/** The last observation date read, and the currencies already read for that date. */
interface State {
  date?: string;
  currencies?: string[];
}

interface Row {
  CURRENCY: string;
  TIME_PERIOD: string;
  OBS_VALUE: string;
  OBS_STATUS?: string;
}

const connector = defineConnector<Config>();

/**
 * Reads the daily reference rates of the configured currencies against the euro:
 * GET /data/EXR/D.USD+GBP.EUR.SP00.A?format=csvdata&startPeriod=YYYY-MM-DD. The series is
 * read from the saved date again (inclusive), skipping the currencies already delivered for
 * that date, so a rate published late for the boundary date is not lost. State is saved once,
 * at the end, because the CSV is ordered by currency, not by date.
 */
export const readRates = connector.read<State>(async function* (ctx) {
  const { currencies, startDate } = ctx.config;
  const from = ctx.state?.date ?? startDate;
  const seenAtBoundary = new Set(ctx.state?.date ? (ctx.state.currencies ?? []) : []);
  const response = await ctx.http.get(`/data/EXR/D.${currencies.join('+')}.EUR.SP00.A`, {
    format: 'csvdata',
    startPeriod: from,
    detail: 'dataonly',
  });
  if (response.ignored) {
    ctx.logger.info('no observations since the last read', { startPeriod: from ?? null });
    if (ctx.state) yield { state: ctx.state };
    return;
  }
  const rows = parse(response.text, { columns: true, skip_empty_lines: true, bom: true }) as Row[];
  let last = ctx.state?.date;
  let atLast = new Set(seenAtBoundary);
  let count = 0;
  for (const row of rows) {
    if (row.OBS_VALUE === '' || row.OBS_VALUE === 'NaN') continue;
    const date = row.TIME_PERIOD;
    if (from !== undefined && date < from) continue;
    if (date === ctx.state?.date && seenAtBoundary.has(row.CURRENCY)) continue;
    const record: JsonObject = {
      currency: row.CURRENCY,
      base: 'EUR',
      date,
      rate: Number(row.OBS_VALUE),
      status: row.OBS_STATUS ?? null,
    };
    count++;
    yield { record };
    if (last === undefined || date > last) {
      last = date;
      atLast = new Set([row.CURRENCY]);
    } else if (date === last) {
      atLast.add(row.CURRENCY);
    }
  }
  ctx.logger.info(`read ${count} observations`, { currencies: currencies.join(',') });
  if (last !== undefined) yield { state: { date: last, currencies: [...atLast].sort() } };
});
