/**
 * GET on an entity set: `$select`, `$filter`, `$orderby`, `$top`, `$count`, pages of
 * `Prefer: odata.maxpagesize` rows linked by an absolute `@odata.nextLink` with an opaque
 * `$skiptoken`, and `Prefer: odata.track-changes`, which ends the last page with an
 * `@odata.deltaLink`. A `$deltatoken` request is answered by delta.ts.
 *
 * Sources:
 * - https://learn.microsoft.com/power-apps/developer/data-platform/webapi/query/page-results
 * - https://learn.microsoft.com/power-apps/developer/data-platform/webapi/query/filter-rows
 * - https://learn.microsoft.com/power-apps/developer/data-platform/use-change-tracking-synchronize-data-external-systems
 */
import type { Reply } from '@ferry/declarative/testing';
import type { SandboxContext } from '../../sandbox/types.ts';
import { readDelta } from './delta.ts';
import { compileFilter } from './filter.ts';
import { applied, contextUrl, deltaLink } from './links.ts';
import { CODES, ODataError, odataJson, serviceRoot } from './odata.ts';
import {
  compareValues,
  type Preferences,
  parseOrderBy,
  parsePrefer,
  parseSelect,
  project,
  sortValues,
} from './query.ts';
import type { DataverseStore } from './store.ts';
import type { TableDef } from './tables.ts';
import { decodeSkipToken, encodeSkipToken, queryString } from './tokens.ts';

const SUPPORTED = ['$select', '$filter', '$orderby', '$top', '$count', '$skiptoken', '$deltatoken'];
/** Query options change tracking refuses (the docs: "aren't supported"). */
export const NOT_WITH_TRACKING = ['$filter', '$orderby', '$expand', '$top'];

export function listCollection(ctx: SandboxContext, table: TableDef, store: DataverseStore): Reply {
  const query = ctx.query;
  const prefs = parsePrefer(ctx.headers.prefer);
  const tracking = prefs.trackChanges || query.has('$deltatoken');
  const refused = NOT_WITH_TRACKING.filter((name) => query.has(name));
  if (tracking && refused.length > 0)
    throw new ODataError(
      400,
      CODES.badRequest,
      `${refused.join(', ')} cannot be used with change tracking: $filter, $orderby, $expand and $top aren't supported with Prefer: odata.track-changes or a $deltatoken.`,
    );
  for (const name of new Set(query.keys())) {
    if (name === '$skip')
      throw new ODataError(400, CODES.badRequest, 'The query parameter $skip is not supported.');
    if (name === '$expand')
      throw new ODataError(501, CODES.badRequest, 'The Dataverse sandbox does not model $expand.');
    if (name.startsWith('$') && !SUPPORTED.includes(name))
      throw new ODataError(400, CODES.badRequest, `The query parameter ${name} is not supported.`);
  }
  const select = parseSelect(query.get('$select'), table);
  if (query.has('$deltatoken')) return readDelta(ctx, table, store, select, prefs);
  return listRows(ctx, table, store, select, prefs);
}

function listRows(
  ctx: SandboxContext,
  table: TableDef,
  store: DataverseStore,
  select: string[] | undefined,
  prefs: Preferences,
): Reply {
  const query = ctx.query;
  const filter = query.has('$filter')
    ? compileFilter(query.get('$filter') ?? '', table)
    : undefined;
  const order = parseOrderBy(query.get('$orderby'), table);
  const skip = query.get('$skiptoken');
  const position = skip === null ? undefined : decodeSkipToken(skip);
  // a tracked read covers the changes up to the number it started at: its delta link's number
  // (its later pages know it from their $skiptoken, whatever Prefer they send)
  const upTo = position?.upTo ?? (prefs.trackChanges ? store.version : undefined);
  const matching = store
    .rows(table.set)
    .filter((row) => !filter || filter(row))
    .sort((a, b) => compareValues(sortValues(a, order), sortValues(b, order), order));
  const top = Number(query.get('$top') ?? Number.NaN);
  // $top is ignored when odata.maxpagesize is set (page-results)
  const limited = prefs.maxPageSize === undefined && top >= 0 ? matching.slice(0, top) : matching;
  const rest = position
    ? limited.filter((row) => compareValues(sortValues(row, order), position.after, order) > 0)
    : limited;
  const size = prefs.maxPageSize ?? 5000;
  const page = rest.slice(0, size);
  const last = page.at(-1);
  const root = serviceRoot(ctx);
  const body: Record<string, unknown> = { '@odata.context': contextUrl(root, table, select) };
  if (query.get('$count') === 'true') body['@odata.count'] = limited.length;
  body.value = page.map((row) => project(row, table, select));
  if (rest.length > page.length && last) {
    const token = encodeSkipToken({
      page: (position?.page ?? 1) + 1,
      after: sortValues(last, order),
      ...(upTo === undefined ? {} : { upTo }),
    });
    const kept = [...query.entries()].filter(([name]) => name !== '$skiptoken');
    body['@odata.nextLink'] =
      `${root}/${table.set}?${queryString([...kept, ['$skiptoken', token]])}`;
  } else if (upTo !== undefined) {
    body['@odata.deltaLink'] = deltaLink(root, table, select, upTo, store.clock());
  }
  return odataJson(body, 200, applied(prefs));
}
