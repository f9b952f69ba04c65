import type { JsonObject } from '@ferry/sdk';

const DATE_LIKE = /^\d{4}-\d{2}-\d{2}/;
const NUMERIC = /^[+-]?(\d+\.?\d*|\.\d+)$/;

/**
 * Orders cursor values: numbers (and numeric text, since CSV cells are text) numerically,
 * ISO-like dates by instant, other text as text.
 */
export function compareCursors(a: unknown, b: unknown): number {
  const x = typeof a === 'string' && NUMERIC.test(a) ? Number(a) : a;
  const y = typeof b === 'string' && NUMERIC.test(b) ? Number(b) : b;
  if (typeof x === 'number' && typeof y === 'number') return x - y;
  const [s, t] = [String(x), String(y)];
  if (DATE_LIKE.test(s) && DATE_LIKE.test(t)) {
    const [p, q] = [Date.parse(s), Date.parse(t)];
    if (!Number.isNaN(p) && !Number.isNaN(q) && p !== q) return p - q;
  }
  return s < t ? -1 : s > t ? 1 : 0;
}

/** A record's key as the engine writes it in state: its primary key values as a JSON array. */
export const keyOf = (record: JsonObject, primaryKey: readonly string[]) =>
  JSON.stringify(primaryKey.map((field) => record[field] ?? null));

export interface CursorMark {
  cursor: unknown;
  keys: string[];
}

/**
 * The cursor side of a read (only with `cursorField`). A record passes when its cursor is
 * above the last completed read's, or equal with a key not read at that value; a record
 * without a cursor value cannot be ordered and passes. While files remain, the highest cursor
 * seen is kept apart (`pending`): records of unread lines may be older than it, so the
 * boundary moves only when the read completes.
 */
export class CursorFilter {
  private readonly startKeys: Set<string>;
  private highest: { cursor: unknown; keys: Set<string> } | undefined;

  constructor(
    private readonly field: string,
    private readonly primaryKey: readonly string[],
    readonly start: CursorMark | undefined,
    pending: CursorMark | undefined,
  ) {
    this.startKeys = new Set(start?.keys ?? []);
    const from = pending ?? start;
    this.highest = from ? { cursor: from.cursor, keys: new Set(from.keys) } : undefined;
  }

  accept(record: JsonObject): boolean {
    const value = record[this.field];
    if (value === undefined || value === null) return true;
    const key = keyOf(record, this.primaryKey);
    if (this.start) {
      const order = compareCursors(value, this.start.cursor);
      if (order < 0 || (order === 0 && this.startKeys.has(key))) return false;
    }
    const top = this.highest;
    const order = top ? compareCursors(value, top.cursor) : 1;
    if (order > 0) this.highest = { cursor: value, keys: new Set([key]) };
    else if (order === 0) top?.keys.add(key);
    return true;
  }

  /** The highest cursor read so far (from the last completed read on), or nothing yet. */
  get mark(): CursorMark | undefined {
    return this.highest && { cursor: this.highest.cursor, keys: [...this.highest.keys] };
  }
}
