/**
 * GET on a delta link: the rows created or changed since the token's change number (their
 * current values), then a `$deletedEntity` entry for each row deleted since, and a new delta
 * link on the last page. A delta read is bounded by the change number it started at, carried in
 * its `$skiptoken`, so changes made while a client pages are not lost: they come in the next
 * delta. Paging inside a delta is not documented (unverified); the sandbox pages it like any
 * other answer.
 *
 * Source: https://learn.microsoft.com/power-apps/developer/data-platform/use-change-tracking-synchronize-data-external-systems
 */
import type { Reply } from '@ferry/declarative/testing';
import type { SandboxContext } from '../../sandbox/types.ts';
import { applied, contextUrl, deltaLink } from './links.ts';
import { odataJson, serviceRoot } from './odata.ts';
import { type Preferences, project } from './query.ts';
import type { DataverseStore } from './store.ts';
import type { Row, TableDef } from './tables.ts';
import { decodeDeltaToken, decodeSkipToken, encodeSkipToken, queryString } from './tokens.ts';

/** One entry of a delta: a changed row or a delete, ordered by phase (changes first), then change number. */
interface Change {
  phase: 0 | 1;
  seq: number;
  row?: Row;
  id: string;
}

export function readDelta(
  ctx: SandboxContext,
  table: TableDef,
  store: DataverseStore,
  select: string[] | undefined,
  prefs: Preferences,
): Reply {
  const query = ctx.query;
  const since = decodeDeltaToken(query.get('$deltatoken') ?? '', store.version);
  const skip = query.get('$skiptoken');
  const position = skip === null ? undefined : decodeSkipToken(skip);
  const upTo = position?.upTo ?? store.version;
  const changes = changesBetween(table, store, since, upTo);
  const [phase, seq] = (position?.after ?? [-1, -1]) as [number, number];
  const rest = changes.filter((c) => c.phase > phase || (c.phase === phase && c.seq > seq));
  const page = rest.slice(0, prefs.maxPageSize ?? 5000);
  const root = serviceRoot(ctx);
  const deleted = `${root}/$metadata#${table.set}/$deletedEntity`;
  const body: Record<string, unknown> = {
    '@odata.context': `${contextUrl(root, table, select)}/$delta`,
    value: page.map((c) =>
      c.row
        ? project(c.row, table, select)
        : { '@odata.context': deleted, id: c.id, reason: 'deleted' },
    ),
  };
  const last = page.at(-1);
  if (rest.length > page.length && last) {
    const token = encodeSkipToken({
      page: (position?.page ?? 1) + 1,
      after: [last.phase, last.seq],
      upTo,
    });
    const kept = [...query.entries()].filter(([name]) => name !== '$skiptoken');
    body['@odata.nextLink'] =
      `${root}/${table.set}?${queryString([...kept, ['$skiptoken', token]])}`;
  } else {
    body['@odata.deltaLink'] = deltaLink(root, table, select, upTo, store.clock());
  }
  return odataJson(body, 200, applied(prefs));
}

/**
 * The changes numbered in (since, upTo]: rows whose last change is in that range, then deletes
 * in that range of rows that do not exist again (a row deleted and created again is a change).
 */
function changesBetween(table: TableDef, store: DataverseStore, since: number, upTo: number) {
  const inRange = (seq: number) => seq > since && seq <= upTo;
  const changed: Change[] = store
    .rows(table.set)
    .filter((row) => inRange(Number(row.versionnumber)))
    .map((row) => ({
      phase: 0 as const,
      seq: Number(row.versionnumber),
      row,
      id: String(row[table.primaryKey]),
    }));
  const deletes = new Map<string, Change>();
  for (const stone of store.tombstones(table.set))
    if (inRange(stone.seq) && !store.get(table.set, stone.id))
      deletes.set(stone.id, { phase: 1, seq: stone.seq, id: stone.id });
  return [...changed, ...deletes.values()].sort((a, b) => a.phase - b.phase || a.seq - b.seq);
}
