import { randomUUID } from 'node:crypto';
import { CODES, ODataError } from './odata.ts';
import { type Cell, isoSeconds, type Row, type TableDef } from './tables.ts';

/** A deleted row, kept for change tracking: its id and the change number of the delete. */
export interface Tombstone {
  id: string;
  seq: number;
}

interface Table {
  def: TableDef;
  /** Rows by lower-cased primary key. */
  rows: Map<string, Row>;
  tombstones: Tombstone[];
}

/**
 * The sandbox's data: rows per table and one change counter for the whole organization, like
 * Dataverse's row version. Every create, update and delete takes the next number; a row's
 * `versionnumber` (and ETag `W/"n"`) is the number of its last change, and a delete leaves a
 * tombstone with its number. Change tracking reads changes above a token's number.
 */
export class DataverseStore {
  #seq = 1_000_000;
  readonly #tables = new Map<string, Table>();

  constructor(
    defs: TableDef[],
    readonly clock: () => Date,
  ) {
    for (const def of defs) this.#tables.set(def.set, { def, rows: new Map(), tombstones: [] });
  }

  /** The number of the last change. */
  get version(): number {
    return this.#seq;
  }

  def(set: string): TableDef | undefined {
    return this.#tables.get(set)?.def;
  }

  /** Seeds rows with their own createdon/modifiedon, in modifiedon order (so versions follow it). */
  load(set: string, rows: Row[]): void {
    const sorted = [...rows].sort((a, b) =>
      String(a.modifiedon).localeCompare(String(b.modifiedon)),
    );
    for (const row of sorted)
      this.#put(this.#table(set), { ...nulls(this.#table(set).def), ...row });
  }

  /** The live rows (the stored objects: callers copy before handing them out). */
  rows(set: string): Row[] {
    return [...this.#table(set).rows.values()];
  }

  tombstones(set: string): Tombstone[] {
    return this.#table(set).tombstones;
  }

  get(set: string, id: string): Row | undefined {
    return this.#table(set).rows.get(id.toLowerCase());
  }

  /** The row whose key columns equal `key`, compared as SQL Server does: case-insensitively. */
  find(set: string, key: Record<string, Cell>): Row | undefined {
    const entries = Object.entries(key);
    return this.rows(set).find((row) => entries.every(([c, v]) => same(row[c] ?? null, v)));
  }

  /** Creates a row: a new GUID unless the values carry one; system columns are set here. */
  insert(set: string, values: Row): Row {
    const table = this.#table(set);
    const id = String(values[table.def.primaryKey] ?? randomUUID()).toLowerCase();
    const now = isoSeconds(this.clock());
    const row: Row = { ...nulls(table.def), ...values, [table.def.primaryKey]: id };
    row.createdon = now;
    row.modifiedon = now;
    return this.#put(table, row);
  }

  /** Changes some columns of an existing row; bumps modifiedon and the version. */
  update(set: string, id: string, values: Row): Row {
    const table = this.#table(set);
    const current = table.rows.get(id.toLowerCase());
    if (!current) throw new Error(`${set}(${id}) does not exist`);
    const next: Row = {
      ...current,
      ...values,
      [table.def.primaryKey]: current[table.def.primaryKey] ?? id,
    };
    next.modifiedon = isoSeconds(this.clock());
    return this.#put(table, next);
  }

  remove(set: string, id: string): boolean {
    const table = this.#table(set);
    if (!table.rows.delete(id.toLowerCase())) return false;
    table.tombstones.push({ id: id.toLowerCase(), seq: ++this.#seq });
    return true;
  }

  #put(table: Table, row: Row): Row {
    const { def } = table;
    const id = String(row[def.primaryKey]).toLowerCase();
    for (const column of Object.keys(row))
      if (!(column in def.columns)) throw new Error(`${def.set} has no column '${column}'`);
    this.#checkAlternateKeys(table, id, row);
    row.versionnumber = ++this.#seq;
    table.rows.set(id, row);
    return row;
  }

  /** Alternate keys are unique: a second row with the same values is refused (412). */
  #checkAlternateKeys(table: Table, id: string, row: Row): void {
    for (const key of table.def.alternateKeys) {
      if (key.some((column) => row[column] === null || row[column] === undefined)) continue;
      const clash = [...table.rows.values()].find(
        (other) =>
          String(other[table.def.primaryKey]) !== id &&
          key.every((column) => same(other[column] ?? null, row[column] ?? null)),
      );
      if (clash)
        throw new ODataError(
          412,
          CODES.duplicateKey,
          `A record that has the attribute values ${key.join(', ')} already exists. The entity key ${key.join(', ')} requires that this set of attributes contains unique values. Select unique values and try again.`,
        );
    }
  }

  #table(set: string): Table {
    const table = this.#tables.get(set);
    if (!table) throw new Error(`the Dataverse sandbox has no table '${set}'`);
    return table;
  }
}

/** Equality as Dataverse's SQL collation sees it: strings case-insensitively. */
export function same(a: Cell, b: Cell): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase();
  return a === b;
}

function nulls(def: TableDef): Row {
  return Object.fromEntries(Object.keys(def.columns).map((c) => [c, null]));
}
