import { randomUUID } from 'node:crypto';
import type { JsonObject } from '@ferry/sdk';
import type { SyncIngestCommit, SyncLink, SyncRecord } from '../store/sync-types.ts';
import type { Store } from '../store/types.ts';
import { type MatchRule, matchKeys } from './match.ts';
import { referencesToFerry } from './references.ts';
import { externalIdOf, isoTime, type Side } from './side.ts';
import { flatten } from './values.ts';

/** The prefix of the write key Ferry gives a record it creates, so it knows the record later. */
export const FERRY_KEY_PREFIX = 'ferry:';

export interface IngestContext {
  store: Store;
  recipe: string;
  runId: string;
  entity: string;
  match: readonly MatchRule[];
  /** Canonical field -> the entity it references (twoWay.references). */
  references: Record<string, string>;
  counts: { read: number; written: number; failed: number; deadLettered: number };
  stopRequested(): boolean;
  log(message: string): void;
}

/**
 * Reads one side's change feed from its committed state and records, page by page in one
 * transaction each: the canonical values of each record, the entity it belongs to (its link;
 * else the Ferry key of a record Ferry created; else a match rule: a merge, logged; else a new
 * entity), the entity in the outbox, and the side's new state. Committing the state with the
 * outbox entry is what lets a crash anywhere lose nothing: the push happens later, from the
 * outbox. Returns the number of records read.
 */
export async function ingestSide(ctx: IngestContext, side: Side): Promise<number> {
  const state = (await ctx.store.getState(ctx.recipe))[side.stateKey];
  let read = 0;
  for await (const batch of side.connector.read(side.config, {
    streams: [side.stream],
    ...(state ? { state: { [side.stream]: state } } : {}),
  })) {
    const records: JsonObject[] = [];
    let newState: JsonObject | undefined;
    for (const message of batch) {
      if (message.type === 'RECORD') records.push(message.data);
      else if (message.type === 'STATE') newState = message.state;
    }
    if (records.length === 0 && newState === undefined) continue;
    const commit = await resolvePage(ctx, side, records);
    read += records.length;
    ctx.counts.read += records.length;
    await ctx.store.commitSyncIngest({
      ...commit,
      counts: { ...ctx.counts },
      ...(newState ? { stream: side.stateKey, state: newState } : {}),
    });
    if (ctx.stopRequested()) break;
  }
  return read;
}

type PageCommit = Omit<SyncIngestCommit, 'counts' | 'stream' | 'state'>;

async function resolvePage(
  ctx: IngestContext,
  side: Side,
  page: JsonObject[],
): Promise<PageCommit> {
  const items: { externalId: string; values: Record<string, unknown>; raw: JsonObject }[] = [];
  for (const raw of page) {
    const externalId = externalIdOf(side, raw);
    if (externalId === undefined) {
      ctx.log(`${side.system}.${side.stream}: a record without its primary key was skipped`);
      continue;
    }
    if (!(await side.accepts(raw))) continue;
    const values = flatten(await side.mapping.toCanonical(raw));
    await referencesToFerry(ctx.store, ctx.references, side.system, values);
    items.push({ externalId, values, raw });
  }
  const links = await ctx.store.syncLinks(
    ctx.entity,
    items.map((i) => ({ system: side.system, externalId: i.externalId })),
  );
  const keysOf = items.map((i) => matchKeys(ctx.match, i.values));
  const matches = await ctx.store.syncMatches(ctx.entity, [...new Set(keysOf.flat())]);
  const commit: PageCommit = {
    runId: ctx.runId,
    recipe: ctx.recipe,
    records: [],
    links: [],
    matchKeys: [],
    pending: [],
    merges: [],
  };
  const newLinks: SyncLink[] = [];
  for (const [n, item] of items.entries()) {
    const writeKey = side.writeKey ? item.raw[side.writeKey] : undefined;
    let ferryId = links.get(`${side.system}\u0000${item.externalId}`);
    let how: string | undefined;
    if (
      ferryId === undefined &&
      typeof writeKey === 'string' &&
      writeKey.startsWith(FERRY_KEY_PREFIX)
    )
      ferryId = writeKey.slice(FERRY_KEY_PREFIX.length);
    if (ferryId === undefined) {
      const hit = (keysOf[n] as string[]).find((k) => matches.has(k));
      if (hit !== undefined) {
        ferryId = matches.get(hit) as string;
        how = hit;
      }
    }
    ferryId ??= randomUUID();
    if (!links.has(`${side.system}\u0000${item.externalId}`)) {
      const link = {
        entity: ctx.entity,
        system: side.system,
        externalId: item.externalId,
        ferryId,
      };
      newLinks.push(link);
      links.set(`${side.system}\u0000${item.externalId}`, ferryId);
      if (how !== undefined)
        commit.merges.push({
          actor: `recipe:${ctx.recipe}`,
          action: 'sync.merge',
          subject: `${ctx.entity}:${ferryId}`,
          details: {
            system: side.system,
            externalId: item.externalId,
            matchedBy: how,
            runId: ctx.runId,
          },
        });
    }
    for (const key of keysOf[n] as string[])
      if (!matches.has(key)) {
        matches.set(key, ferryId);
        commit.matchKeys.push({ entity: ctx.entity, key, ferryId });
      }
    const modifiedAt = side.cursorField ? isoTime(item.raw[side.cursorField]) : undefined;
    const record: SyncRecord = {
      entity: ctx.entity,
      ferryId,
      system: side.system,
      externalId: item.externalId,
      values: item.values as JsonObject,
      ...(writeKey === undefined || writeKey === null ? {} : { key: String(writeKey) }),
      ...(modifiedAt ? { modifiedAt } : {}),
    };
    commit.records.push(record);
    if (!commit.pending.includes(ferryId)) commit.pending.push(ferryId);
  }
  commit.links = newLinks;
  await markDuplicates(ctx, side, commit);
  return commit;
}

/**
 * A second record of one system for an entity (near-duplicates in one CRM) is merged into the
 * first one linked: it is kept, marked `duplicateOf`, logged, and never drives writes.
 */
async function markDuplicates(ctx: IngestContext, side: Side, commit: PageCommit): Promise<void> {
  const ids = [...new Set(commit.records.map((r) => r.ferryId))];
  const known = await ctx.store.syncRecords(ctx.entity, ids);
  const primary = new Map<string, string>();
  for (const r of known)
    if (r.system === side.system && r.duplicateOf === undefined && !primary.has(r.ferryId))
      primary.set(r.ferryId, r.externalId);
  for (const record of commit.records) {
    const first = primary.get(record.ferryId);
    if (first === undefined) {
      primary.set(record.ferryId, record.externalId);
      continue;
    }
    if (first === record.externalId) continue;
    record.duplicateOf = first;
    const alreadyMerged = known.some(
      (k) =>
        k.system === side.system && k.externalId === record.externalId && k.duplicateOf === first,
    );
    const logged = commit.merges.find((m) => m.details?.externalId === record.externalId);
    if (logged?.details) logged.details.duplicateOf = first;
    else if (!alreadyMerged)
      commit.merges.push({
        actor: `recipe:${ctx.recipe}`,
        action: 'sync.merge',
        subject: `${ctx.entity}:${record.ferryId}`,
        details: {
          system: side.system,
          externalId: record.externalId,
          duplicateOf: first,
          runId: ctx.runId,
        },
      });
  }
}
