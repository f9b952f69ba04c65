import type { JsonObject } from '@ferry/sdk';

type Cast = (text: string) => { ok: true; value: unknown } | { ok: false };

const fail = { ok: false } as const;
/** Decimal notation only: `Number()` alone would also take '0x1F', 'Infinity' and ''. */
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const ok = (value: unknown) => ({ ok: true, value }) as const;

/** How a CSV cell becomes each JSON type; a cell that fits none of its column's types fails. */
const CASTS: [string, Cast][] = [
  ['integer', (t) => (/^[+-]?\d+$/.test(t.trim()) && Number.isSafeInteger(+t) ? ok(+t) : fail)],
  ['number', (t) => (NUMBER.test(t.trim()) ? ok(+t) : fail)],
  ['boolean', (t) => (/^true$/i.test(t) ? ok(true) : /^false$/i.test(t) ? ok(false) : fail)],
  ['object', (t) => json(t, (v) => v !== null && typeof v === 'object' && !Array.isArray(v))],
  ['array', (t) => json(t, Array.isArray)],
];

function json(text: string, fits: (value: unknown) => boolean) {
  try {
    const value: unknown = JSON.parse(text);
    return fits(value) ? ok(value) : fail;
  } catch {
    return fail;
  }
}

/**
 * A CSV row as a record: cells are strings (an unquoted empty cell is null) unless the config's
 * schema gives the column a type, then they are cast to it: integer, number, boolean (true or
 * false, any case), object or array (JSON text). A column whose types include string stays text.
 */
export function castRow(
  cells: (string | null)[],
  columns: readonly string[],
  types: ReadonlyMap<string, ReadonlySet<string>>,
): { record: JsonObject } | { error: string } {
  const record: JsonObject = {};
  for (const [index, column] of columns.entries()) {
    const cell = cells[index] ?? null;
    const allowed = types.get(column);
    if (cell === null || !allowed || allowed.size === 0 || allowed.has('string')) {
      record[column] = cell;
      continue;
    }
    const cast = CASTS.filter(([type]) => allowed.has(type))
      .map(([, fn]) => fn(cell))
      .find((result) => result.ok);
    if (!cast)
      return {
        error: `column '${column}': ${JSON.stringify(cell)} is not ${[...allowed].join(' or ')}`,
      };
    record[column] = cast.value;
  }
  return { record };
}
