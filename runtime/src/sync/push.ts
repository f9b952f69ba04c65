import type { JsonObject, WriteResult } from '@ferry/sdk';
import type { LineageEntry, SyncField, SyncPushCommit, SyncRecord } from '../store/sync-types.ts';
import type { NewDeadLetter } from '../store/types.ts';
import {
  type ConflictRule,
  decide,
  type EntityDecision,
  type FieldMemory,
  type SideView,
} from './decide.ts';
import { FERRY_KEY_PREFIX, type IngestContext } from './ingest.ts';
import { referencesToSystem } from './references.ts';
import { externalIdOf, type Side } from './side.ts';
import { type Flat, isEmpty, unflatten } from './values.ts';

export interface PushContext extends IngestContext {
  owner(field: string): string | undefined;
  conflict: ConflictRule;
  batchSize: number;
  /** Where Ferry may create records (default everywhere). */
  createIn: readonly string[] | undefined;
  /** Field -> push counts per target, merges and conflicts, for the summary. */
  tally: { pushed: Record<string, number>; created: Record<string, number>; conflicts: number };
}

interface Planned {
  ferryId: string;
  decision: EntityDecision;
  records: Map<string, SyncRecord | undefined>;
  memory: Record<string, FieldMemory>;
}

/**
 * Empties the outbox: for each pending entity, decides what flows where (decide.ts), writes
 * the changed fields to each system through its connector, and commits per batch, after the
 * systems acknowledged: the values written (loop prevention), lineage, new links, dead letters
 * for rejected records, and the entities leave the outbox. A failure that retries could not
 * overcome leaves the batch in the outbox for the next run.
 */
export async function pushPending(ctx: PushContext, sides: [Side, Side]): Promise<void> {
  const all = await ctx.store.syncPending(ctx.recipe, Number.MAX_SAFE_INTEGER);
  for (let from = 0; from < all.length; from += ctx.batchSize) {
    if (ctx.stopRequested()) return;
    const ids = all.slice(from, from + ctx.batchSize);
    const planned = await plan(ctx, sides, ids);
    const commit: SyncPushCommit = {
      runId: ctx.runId,
      recipe: ctx.recipe,
      counts: ctx.counts,
      records: [],
      links: [],
      fields: [],
      lineage: [],
      done: [],
      deadLetters: [],
    };
    const written = new Map<string, Flat>(); // `${ferryId}\u0000${system}` -> fields accepted
    // entities whose references name an entity the target does not hold yet stay in the outbox
    const waiting = new Set<string>();
    for (const [t, target] of sides.entries()) {
      const source = sides[1 - t] as Side;
      await writeTo(ctx, target, source, planned, { commit, written, waiting });
    }
    commit.done = ids.filter((id) => !waiting.has(id));
    for (const p of planned) commit.fields.push(...fieldRows(ctx, p, sides, written));
    commit.counts = { ...ctx.counts };
    await ctx.store.commitSyncPush(commit);
  }
}

async function plan(ctx: PushContext, sides: [Side, Side], ids: string[]): Promise<Planned[]> {
  const records = await ctx.store.syncRecords(ctx.entity, ids);
  const fields = await ctx.store.syncFields(ctx.entity, ids);
  const out: Planned[] = [];
  for (const ferryId of ids) {
    const primary = new Map<string, SyncRecord | undefined>();
    for (const side of sides)
      primary.set(
        side.system,
        records.find((r) => r.ferryId === ferryId && r.system === side.system && !r.duplicateOf),
      );
    const memory: Record<string, FieldMemory> = {};
    for (const f of fields.filter((f) => f.ferryId === ferryId))
      memory[f.field] = {
        ...(f.agreed === undefined ? {} : { agreed: f.agreed }),
        written: f.written,
      };
    const view = (side: Side): SideView => {
      const record = primary.get(side.system);
      return {
        system: side.system,
        values: record?.values,
        modifiedAt: record?.modifiedAt,
        fields: fieldSet(ctx, side, records),
        creatable: ctx.createIn === undefined || ctx.createIn.includes(side.system),
      };
    };
    const decision = decide({
      sides: [view(sides[0]), view(sides[1])],
      memory,
      owner: ctx.owner,
      conflict: ctx.conflict,
    });
    ctx.tally.conflicts += decision.conflicts.length;
    out.push({ ferryId, decision, records: primary, memory });
  }
  return out;
}

/**
 * The canonical fields a side maps: declared by its mapping, else every field seen from it. A
 * reference (`customer`) counts as mapped when any of its parts is (`customer.externalId`).
 */
function fieldSet(ctx: PushContext, side: Side, records: SyncRecord[]): ReadonlySet<string> {
  const fields = new Set(
    side.mapping.fields ??
      records.filter((r) => r.system === side.system).flatMap((r) => Object.keys(r.values)),
  );
  for (const ref of Object.keys(ctx.references))
    if ([...fields].some((f) => f.startsWith(`${ref}.`))) fields.add(ref);
  return fields;
}

async function writeTo(
  ctx: PushContext,
  target: Side,
  source: Side,
  planned: Planned[],
  out: { commit: SyncPushCommit; written: Map<string, Flat>; waiting: Set<string> },
): Promise<void> {
  const { commit, written } = out;
  const batch: {
    p: Planned;
    record: JsonObject;
    fields: Flat;
    existing: SyncRecord | undefined;
  }[] = [];
  for (const p of planned) {
    const fields = p.decision.pushes[target.system] ?? {};
    if (Object.keys(fields).length === 0) continue;
    const existing = p.records.get(target.system);
    const translated = await referencesToSystem(ctx.store, ctx.references, target.system, fields);
    if (translated === false) {
      out.waiting.add(p.ferryId);
      continue;
    }
    const record = await target.mapping.fromCanonical(unflatten(translated));
    if (existing) {
      setKey(target, record, existing.externalId);
      if (target.writeKey && existing.key !== undefined) record[target.writeKey] = existing.key;
    } else if (target.writeKey && isEmpty(record[target.writeKey])) {
      record[target.writeKey] = `${FERRY_KEY_PREFIX}${p.ferryId}`;
    } else if (!target.writeKey && carriedKeyMissing(target, record)) {
      // the target upserts on a key the record must carry (HubSpot contacts: email)
      ctx.counts.failed++;
      ctx.counts.deadLettered++;
      out.commit.deadLetters.push(
        deadLetter(
          ctx,
          target,
          p.ferryId,
          { record, fields },
          `${target.connector.name} stream ${target.stream} identifies records by ${target.primaryKey.join(', ')}, which this ${ctx.entity} has no value for; fill it in the other system, then replay`,
        ),
      );
      continue;
    }
    batch.push({ p, record, fields, existing });
  }
  if (batch.length === 0) return;
  const results: WriteResult[] = [];
  for await (const part of target.connector.write(target.config, target.stream, [
    batch.map((b) => b.record),
  ]))
    results.push(...part);
  const newLinks = await ctx.store.syncLinks(
    ctx.entity,
    batch.flatMap((b, i) => {
      const r = results.find((x) => x.index === i);
      const id = externalIdOf(target, b.record) ?? (r?.id === undefined ? undefined : String(r.id));
      return r?.status === 'accepted' && id !== undefined
        ? [{ system: target.system, externalId: id }]
        : [];
    }),
  );
  for (const [i, item] of batch.entries()) {
    const result = results.find((r) => r.index === i) ?? {
      index: i,
      status: 'rejected' as const,
      reason: 'the connector returned no result for this record',
    };
    const sourceRecord = item.p.records.get(source.system);
    if (result.status !== 'accepted') {
      ctx.counts.failed++;
      ctx.counts.deadLettered++;
      commit.deadLetters.push(deadLetter(ctx, target, item.p.ferryId, item, result.reason));
      continue;
    }
    ctx.counts.written++;
    ctx.tally.pushed[target.system] = (ctx.tally.pushed[target.system] ?? 0) + 1;
    written.set(`${item.p.ferryId}\u0000${target.system}`, item.fields);
    // a created record's external id is what its feed will show: its primary key when the
    // written record carries it (HubSpot contacts are keyed by email), else the id the API gave
    const externalId =
      item.existing?.externalId ??
      externalIdOf(target, item.record) ??
      (result.id === undefined ? undefined : String(result.id));
    if (!item.existing)
      ctx.tally.created[target.system] = (ctx.tally.created[target.system] ?? 0) + 1;
    if (externalId !== undefined) {
      const linked = newLinks.get(`${target.system}\u0000${externalId}`);
      if (!item.existing && linked === undefined)
        commit.links.push({
          entity: ctx.entity,
          system: target.system,
          externalId,
          ferryId: item.p.ferryId,
        });
      if (linked === undefined || linked === item.p.ferryId) {
        const key = target.writeKey ? item.record[target.writeKey] : undefined;
        commit.records.push({
          entity: ctx.entity,
          ferryId: item.p.ferryId,
          system: target.system,
          externalId,
          values: { ...(item.existing?.values ?? {}), ...item.fields } as JsonObject,
          ...(key === undefined || key === null ? {} : { key: String(key) }),
          ...(item.existing?.modifiedAt ? { modifiedAt: item.existing.modifiedAt } : {}),
        });
      }
    }
    const at = new Date().toISOString();
    for (const [field, value] of Object.entries(item.fields))
      commit.lineage.push({
        entity: ctx.entity,
        ferryId: item.p.ferryId,
        field,
        system: target.system,
        value,
        runId: ctx.runId,
        recipe: ctx.recipe,
        sourceSystem: source.system,
        sourceId: sourceRecord?.externalId ?? '',
        at,
      } satisfies LineageEntry);
  }
}

/** The target's own id on an update, typed as its schema says (Odoo ids are integers). */
function setKey(target: Side, record: JsonObject, externalId: string): void {
  if (target.primaryKey.length !== 1) return;
  const key = target.primaryKey[0] as string;
  const info = target.connector.discover().find((s) => s.name === target.stream);
  const properties = (
    info?.schema as { properties?: Record<string, { type?: unknown }> } | undefined
  )?.properties;
  const type = properties?.[key]?.type;
  const numeric = [type].flat().some((t) => t === 'integer' || t === 'number');
  record[key] = numeric && /^-?\d+$/.test(externalId) ? Number(externalId) : externalId;
}

function fieldRows(
  ctx: PushContext,
  p: Planned,
  sides: [Side, Side],
  written: Map<string, Flat>,
): SyncField[] {
  const rows = new Map<string, SyncField>();
  const row = (field: string) => {
    let r = rows.get(field);
    if (!r) {
      const m = p.memory[field];
      r = {
        entity: ctx.entity,
        ferryId: p.ferryId,
        field,
        ...(m?.agreed === undefined ? {} : { agreed: m.agreed }),
        written: { ...(m?.written ?? {}) },
      };
      rows.set(field, r);
    }
    return r;
  };
  for (const [field, value] of Object.entries(p.decision.agreed)) row(field).agreed = value;
  for (const side of sides)
    for (const [field, value] of Object.entries(
      written.get(`${p.ferryId}\u0000${side.system}`) ?? {},
    )) {
      const r = row(field);
      r.written[side.system] = value;
      r.agreed = value;
    }
  return [...rows.values()];
}

function deadLetter(
  ctx: PushContext,
  target: Side,
  ferryId: string,
  item: { record: JsonObject; fields: Flat },
  reason: string | undefined,
): NewDeadLetter {
  return {
    recipe: ctx.recipe,
    runId: ctx.runId,
    stream: `${target.system}.${target.stream}`,
    stage: 'write',
    reason: reason ?? 'rejected by the destination',
    code: 'FERRY_WRITE_REJECTED',
    record: {
      ferryId,
      entity: ctx.entity,
      system: target.system,
      values: item.fields as JsonObject,
      record: item.record,
    },
  };
}

/**
 * Whether a record to create lacks a primary key the target expects records to carry. A key
 * named like a system-assigned id (`id`, `Id`, `accountid`, `partner_id`) is the system's to
 * give; any other (email, hs_sku) must come with the record.
 */
function carriedKeyMissing(target: Side, record: JsonObject): boolean {
  return target.primaryKey.some((k) => !/(^|_)id$|Id$|^id$/i.test(k) && isEmpty(record[k]));
}
