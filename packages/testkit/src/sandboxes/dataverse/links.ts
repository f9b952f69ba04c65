/**
 * The absolute URLs and headers that describe an answer: `@odata.context`, delta links and
 * `Preference-Applied`.
 *
 * Sources:
 * - https://learn.microsoft.com/power-apps/developer/data-platform/webapi/query/page-results
 * - https://learn.microsoft.com/power-apps/developer/data-platform/use-change-tracking-synchronize-data-external-systems
 */
import type { Preferences } from './query.ts';
import type { TableDef } from './tables.ts';
import { encodeDeltaToken, queryString } from './tokens.ts';

export function contextUrl(root: string, table: TableDef, select: string[] | undefined): string {
  return `${root}/$metadata#${table.set}${select ? `(${select.join(',')})` : ''}`;
}

export function deltaLink(
  root: string,
  table: TableDef,
  select: string[] | undefined,
  version: number,
  now: Date,
): string {
  const entries: [string, string][] = select ? [['$select', select.join(',')]] : [];
  entries.push(['$deltatoken', encodeDeltaToken(version, now)]);
  return `${root}/${table.set}?${queryString(entries)}`;
}

/** `Preference-Applied` for the preferences the answer honoured. */
export function applied(prefs: Preferences): Record<string, string> {
  const values = [
    ...(prefs.maxPageSize === undefined ? [] : [`odata.maxpagesize=${prefs.maxPageSize}`]),
    ...(prefs.trackChanges ? ['odata.track-changes'] : []),
  ];
  return values.length > 0 ? { 'preference-applied': values.join(',') } : {};
}
