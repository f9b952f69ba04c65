/**
 * The opaque tokens of links: `$skiptoken` (where the next page starts) and `$deltatoken` (the
 * change number a delta link reads from). Clients must use links as given, so the format is the
 * sandbox's own; it imitates the shapes the docs show: a paging cookie, and `919042!08/22/2017
 * 08:10:44` for delta tokens.
 *
 * Sources:
 * - https://learn.microsoft.com/power-apps/developer/data-platform/webapi/query/page-results
 * - https://learn.microsoft.com/power-apps/developer/data-platform/use-change-tracking-synchronize-data-external-systems
 */
import { CODES, ODataError } from './odata.ts';
import type { Cell } from './tables.ts';

/** Where a page starts: after the row with these sort values; `upTo` bounds a tracked read. */
export interface PagePosition {
  page: number;
  after: Cell[];
  /** Change tracking: the change number the read covers (the delta link's number). */
  upTo?: number;
}

export function encodeSkipToken(position: PagePosition): string {
  const cookie = Buffer.from(JSON.stringify(position)).toString('base64url');
  return `<cookie pagenumber="${position.page}" pagingcookie="${cookie}" istracking="${position.upTo !== undefined ? 'True' : 'False'}" />`;
}

export function decodeSkipToken(token: string): PagePosition {
  const cookie = /pagingcookie="([A-Za-z0-9_-]+)"/.exec(token)?.[1];
  try {
    const position = JSON.parse(Buffer.from(cookie ?? '', 'base64url').toString('utf8'));
    if (Array.isArray(position?.after) && typeof position.page === 'number') return position;
  } catch {
    // answered below
  }
  throw new ODataError(400, CODES.badRequest, `The $skiptoken value '${token}' is not valid.`);
}

const pad = (n: number) => String(n).padStart(2, '0');

export function encodeDeltaToken(version: number, at: Date): string {
  const date = `${pad(at.getUTCMonth() + 1)}/${pad(at.getUTCDate())}/${at.getUTCFullYear()}`;
  const time = `${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}:${pad(at.getUTCSeconds())}`;
  return `${version}!${date} ${time}`;
}

/** The change number of a delta token; 400 for a token the sandbox never issued. */
export function decodeDeltaToken(token: string, current: number): number {
  const match = /^(\d+)!\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}$/.exec(token);
  const version = Number(match?.[1]);
  if (!match || version > current)
    throw new ODataError(400, CODES.badRequest, `The $deltatoken value '${token}' is not valid.`);
  return version;
}

/**
 * A query string that keeps `$` in option names readable (`$select=...`), as Dataverse links
 * do; values are percent-encoded.
 */
export function queryString(entries: [string, string][]): string {
  return entries.map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join('&');
}
