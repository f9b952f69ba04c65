// The benchmark's rows: deterministic (a seeded PRNG), ten fields of the kinds a CRM export
// has, a few text values needing escaping (commas, quotes, tabs, newlines, unicode) and NULLs.

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';

export type Row = Record<string, string | number | boolean | null>;

const FIRST = [
  'Ada',
  'Grace',
  'Alan',
  'Katherine',
  'Edsger',
  'Barbara',
  'Donald',
  'Frances',
  'Édouard',
  'Zoë',
];
const LAST = [
  'Lovelace',
  'Hopper',
  'Turing',
  'Johnson',
  'Dijkstra',
  'Liskov',
  'Knuth',
  'Allen',
  'Lucas',
  "O'Brien",
];
const COUNTRIES = ['FR', 'DE', 'GB', 'US', 'JP', 'BR', 'IN', 'NL', 'ES', 'IT'];
const NOTES = [
  '',
  'vip, "gold" tier',
  'line one\nline two',
  'tab\tseparated',
  'naïve café 日本 🚀',
  'back\\slash',
];

/** mulberry32: a small seeded PRNG, so every run writes the same rows. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random person: every field but the id and the email's number. */
function template(seed: number): Row {
  const r = prng(seed);
  const pick = <T>(list: T[]) => list[Math.floor(r() * list.length)] as T;
  const first = pick(FIRST);
  const day = String(1 + Math.floor(r() * 28)).padStart(2, '0');
  const month = String(1 + Math.floor(r() * 12)).padStart(2, '0');
  return {
    email: first.toLowerCase(),
    first_name: first,
    last_name: pick(LAST),
    age: 18 + Math.floor(r() * 70),
    balance: Math.round(r() * 10_000_000) / 100,
    active: r() < 0.7,
    country: pick(COUNTRIES),
    signup: `2024-${month}-${day}T12:${String(Math.floor(r() * 60)).padStart(2, '0')}:00Z`,
    notes: r() < 0.2 ? null : pick(NOTES),
  };
}

/**
 * Rows are made from 10,007 random templates (a prime, so neighbours differ), so making a row
 * costs little next to writing it; each record is its own object, as a source hands them over.
 */
const TEMPLATES = Array.from({ length: 10_007 }, (_, i) => template(i + 1));

/** Row `id` (1-based) of pass `pass` (0: first write; later passes change every row). */
export function row(id: number, pass = 0): Row {
  const t = TEMPLATES[(id * 7919) % TEMPLATES.length] as Row;
  return {
    id,
    email: `${t.email}.${id}@example.com`,
    first_name: t.first_name as string,
    last_name: t.last_name as string,
    age: t.age as number,
    balance: Math.round(((t.balance as number) + pass) * 100) / 100,
    active: t.active as boolean,
    country: t.country as string,
    signup: t.signup as string,
    notes: t.notes as string | null,
  };
}

/** The rows in batches of `size` (a source's pages), made as they are consumed. */
export function* batches(count: number, size: number, pass = 0): Generator<Row[]> {
  for (let start = 1; start <= count; start += size) {
    const batch: Row[] = [];
    for (let id = start; id < start + size && id <= count; id++) batch.push(row(id, pass));
    yield batch;
  }
}

/** The columns, in order, and the types the connector gives them when it creates the table. */
export const COLUMNS = {
  id: 'bigint',
  email: 'text',
  first_name: 'text',
  last_name: 'text',
  age: 'numeric',
  balance: 'numeric',
  active: 'boolean',
  country: 'text',
  signup: 'text',
  notes: 'text',
} as const;

const csvField = (value: Row[string]) => {
  if (value === null) return ''; // unquoted empty: NULL in PostgreSQL's CSV
  const text = String(value);
  return /[",\n\r]/.test(text) || text === '' ? `"${text.replace(/"/g, '""')}"` : text;
};

/** Writes the rows as CSV (no header) for psql's \copy. */
export async function writeCsv(path: string, count: number): Promise<void> {
  const out = createWriteStream(path);
  const names = Object.keys(COLUMNS);
  for (const batch of batches(count, 10_000)) {
    let chunk = '';
    for (const r of batch) chunk += `${names.map((n) => csvField(r[n] ?? null)).join(',')}\n`;
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}
