import type { Connector } from '@ferry/declarative';
import type { Recipe } from '@ferry/manifest';
import type { JsonObject } from '@ferry/sdk';
import type { Store } from '../store/types.ts';
import type { ConflictRule } from './decide.ts';
import { ingestSide } from './ingest.ts';
import type { MatchRule } from './match.ts';
import { pushPending } from './push.ts';
import { openSide, type Side } from './side.ts';

export interface SyncEndpoint {
  connection: string;
  connector: Connector;
  config: JsonObject;
  stream: string;
}

export interface SyncCycleOptions {
  store: Store;
  runId: string;
  recipeId: string;
  recipe: Recipe;
  projectFile: string;
  source: SyncEndpoint;
  destination: SyncEndpoint;
  stopRequested(): boolean;
  log(message: string): void;
  /** Called after every commit with the counts so far. */
  progress?(counts: SyncSummary['counts']): void;
}

export interface SyncSummary {
  counts: { read: number; written: number; failed: number; deadLettered: number };
  /** System -> records read from it. */
  read: Record<string, number>;
  /** System -> records written to it, and how many of those were created. */
  pushed: Record<string, number>;
  created: Record<string, number>;
  conflicts: number;
  stopped: boolean;
}

/**
 * One cycle of a two-way recipe: read the source's changes, then the destination's (each into
 * the identity map and the outbox), then push what changed each way. Both feeds are read
 * before anything is written, so records that already exist on both sides are matched (and
 * merged) instead of created twice.
 */
export async function runSyncCycle(options: SyncCycleOptions): Promise<SyncSummary> {
  const twoWay = options.recipe.twoWay as NonNullable<Recipe['twoWay']>;
  const entity = twoWay.entity;
  const side = (end: 'source' | 'destination'): Side => {
    const e = options[end];
    return openSide({
      recipe: options.recipeId,
      projectFile: options.projectFile,
      end,
      system: e.connection,
      connector: e.connector,
      config: e.config,
      stream: e.stream,
      entity,
      writeKey: twoWay.keys?.[e.connection],
      filter: twoWay.filter?.[e.connection],
    });
  };
  const sides: [Side, Side] = [side('source'), side('destination')];
  const ownership = options.recipe.policies?.ownership ?? {};
  const counts = { read: 0, written: 0, failed: 0, deadLettered: 0 };
  const ctx = {
    store: options.store,
    recipe: options.recipeId,
    runId: options.runId,
    entity,
    match: (twoWay.match ?? []) as MatchRule[],
    counts,
    stopRequested: options.stopRequested,
    log: options.log,
    owner: (field: string) => ownerOf(ownership, field),
    conflict: (options.recipe.policies?.conflict ?? 'newest-wins') as ConflictRule,
    batchSize: twoWay.batchSize ?? 200,
    createIn: twoWay.createIn,
    references: twoWay.references ?? {},
    tally: { pushed: {}, created: {}, conflicts: 0 },
  };
  const read: Record<string, number> = {};
  for (const s of sides) {
    read[s.system] = await ingestSide(ctx, s);
    options.progress?.(counts);
    if (options.stopRequested()) return summary(true);
  }
  await pushPending(ctx, sides);
  return summary(options.stopRequested());

  function summary(stopped: boolean): SyncSummary {
    return {
      counts: { ...counts },
      read,
      pushed: ctx.tally.pushed,
      created: ctx.tally.created,
      conflicts: ctx.tally.conflicts,
      stopped,
    };
  }
}

/** The owner of a field: its own entry, else the nearest parent's (`billingAddress` owns `billingAddress.city`). */
export function ownerOf(ownership: Record<string, string>, field: string): string | undefined {
  for (
    let path = field;
    path !== '';
    path = path.includes('.') ? path.slice(0, path.lastIndexOf('.')) : ''
  )
    if (ownership[path] !== undefined) return ownership[path];
  return undefined;
}
