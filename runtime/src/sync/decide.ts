import { type Flat, isEmpty, same } from './values.ts';

/** How a shared field (one no system owns) is settled when both systems changed it. */
export type ConflictRule = 'newest-wins' | 'source-wins' | 'destination-wins' | 'owner-wins';

/** One system's view of an entity: its primary record's canonical values, if it has one. */
export interface SideView {
  system: string;
  values: Flat | undefined;
  modifiedAt?: string | undefined;
  /** The canonical fields this system maps (reads and writes). */
  fields: ReadonlySet<string>;
  /** False when Ferry may not create records in this system (twoWay.createIn). */
  creatable?: boolean;
}

export interface FieldMemory {
  agreed?: unknown;
  /** System -> the value Ferry last wrote there. */
  written: Record<string, unknown>;
}

export interface EntityDecision {
  /** System -> field -> value to write there. */
  pushes: Record<string, Flat>;
  /** Field -> the value both systems hold now (after the pushes). */
  agreed: Flat;
  /** Shared fields both systems changed, and who won. */
  conflicts: { field: string; winner: string }[];
}

export interface DecideInput {
  /** [source, destination] of the recipe. */
  sides: [SideView, SideView];
  memory: Record<string, FieldMemory>;
  /** The system of record of a field, or undefined for a shared field. */
  owner(field: string): string | undefined;
  conflict: ConflictRule;
}

/**
 * Decides, for one entity, which field values flow to which system (a pure function: the sync
 * engine feeds it what the store knows and writes what it returns).
 *
 * - A system with no record of the entity gets every non-empty value the other system has
 *   (unless Ferry may not create records there).
 * - An owned field flows from its owner only, when the other system's value differs and Ferry
 *   has not already written that value there. So an owner-held value edited in the other
 *   system is not pushed back to the owner, and a value the target normalises on write (an
 *   email lower-cased) does not bounce between the systems.
 * - A shared field flows from the system that changed it since the two last agreed; when both
 *   changed it, the conflict rule picks the winner (newest-wins compares the records' own
 *   modification times).
 * - An unchanged entity produces no pushes: this is what makes a second cycle write nothing.
 */
export function decide(input: DecideInput): EntityDecision {
  const [a, b] = input.sides;
  const pushes: Record<string, Flat> = { [a.system]: {}, [b.system]: {} };
  const agreed: Flat = {};
  const conflicts: EntityDecision['conflicts'] = [];
  const fields = new Set([...Object.keys(a.values ?? {}), ...Object.keys(b.values ?? {})]);
  const push = (to: SideView, field: string, value: unknown, memory: FieldMemory | undefined) => {
    if (!to.fields.has(field) || isEmpty(value)) return;
    if (memory && to.system in memory.written && same(memory.written[to.system], value)) return;
    (pushes[to.system] as Flat)[field] = value;
  };

  for (const field of fields) {
    const va = a.values?.[field];
    const vb = b.values?.[field];
    const memory = input.memory[field];
    if (a.values === undefined || b.values === undefined) {
      const [from, to] = a.values === undefined ? [b, a] : [a, b];
      if (to.creatable !== false && to.fields.has(field) && !isEmpty(from.values?.[field]))
        (pushes[to.system] as Flat)[field] = from.values?.[field];
      continue;
    }
    if (same(va, vb)) {
      if (!isEmpty(va)) agreed[field] = va;
      continue;
    }
    const owner = input.owner(field);
    if (owner === a.system) {
      push(b, field, va, memory);
      continue;
    }
    if (owner === b.system) {
      push(a, field, vb, memory);
      continue;
    }
    const changedA = memory?.agreed === undefined || !same(va, memory.agreed);
    const changedB = memory?.agreed === undefined || !same(vb, memory.agreed);
    let winner: SideView;
    if (changedA && !changedB) winner = a;
    else if (changedB && !changedA) winner = b;
    else {
      winner = conflictWinner(input.conflict, a, b, va, vb);
      conflicts.push({ field, winner: winner.system });
    }
    if (winner === a) push(b, field, va, memory);
    else push(a, field, vb, memory);
  }
  return { pushes, agreed, conflicts };
}

function conflictWinner(
  rule: ConflictRule,
  a: SideView,
  b: SideView,
  va: unknown,
  vb: unknown,
): SideView {
  if (rule === 'source-wins') return a;
  if (rule === 'destination-wins') return b;
  if (isEmpty(vb)) return a;
  if (isEmpty(va)) return b;
  // newest-wins (and owner-wins, which has no owner to ask here): the later change wins; a tie
  // or a missing time keeps the source's value, so the outcome is deterministic.
  return (b.modifiedAt ?? '') > (a.modifiedAt ?? '') ? b : a;
}
