/**
 * Salesforce's datetime forms. Records carry `2012-07-12T17:49:01.000+0000` (milliseconds, an
 * offset without a colon, always UTC); SOQL takes unquoted literals `YYYY-MM-DDThh:mm:ssZ` or
 * `YYYY-MM-DDThh:mm:ss±hh:mm` (no fractional seconds in the documented forms) and dates
 * `YYYY-MM-DD`.
 * https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_dateformats.htm
 * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_sobject_upsert.htm
 */

/** A record datetime, as the REST API writes it. */
export function formatDatetime(epochMs: number): string {
  return new Date(epochMs).toISOString().replace('Z', '+0000');
}

/** The SOQL datetime literals Salesforce documents. */
export const DATETIME_LITERAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})/;
export const DATE_LITERAL = /^\d{4}-\d{2}-\d{2}(?![T\d])/;

/**
 * Epoch ms of a record datetime, a SOQL datetime literal, or an ISO 8601 value given to the
 * admin API or an upsert (Salesforce accepts ISO 8601 in JSON bodies); undefined if it is none.
 */
export function parseDatetime(text: string): number | undefined {
  const match =
    /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?(Z|[+-]\d{2}:?\d{2})?$/.exec(
      text,
    );
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s, ms, zone] = match;
  const utc = Date.UTC(
    Number(y),
    Number(mo) - 1,
    Number(d),
    Number(h),
    Number(mi),
    Number(s),
    Number((ms ?? '0').padEnd(3, '0')),
  );
  if (!zone || zone === 'Z') return utc;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return utc - sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
}

/** Whether a `YYYY-MM-DD` text is a real calendar date. */
export function isDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  return new Date(`${text}T00:00:00Z`).toISOString().startsWith(text);
}
