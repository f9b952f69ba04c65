import { formatDatetime } from './datetime.ts';
import { salesforceId } from './ids.ts';
import type { SObjectDef } from './schema.ts';

/** A stored record: every field of its sObject under its canonical name, null when unset. */
export type SRecord = Record<string, string | number | boolean | null>;

/** When a record was created and last changed (epoch ms), for seeding history. */
export interface Stamps {
  created: number;
  modified: number;
  /** SystemModstamp; >= modified (system jobs bump only it). Default: modified. */
  system?: number;
}

/**
 * The org's records, per sObject, in insertion order. Writes stamp LastModifiedDate and
 * SystemModstamp with the sandbox clock, as every DML update does in Salesforce (even one that
 * changes no value).
 */
export class RecordStore {
  readonly #tables = new Map<string, Map<string, SRecord>>();
  readonly #counts = new Map<string, number>();

  constructor(readonly now: () => number) {}

  #table(object: SObjectDef): Map<string, SRecord> {
    let table = this.#tables.get(object.name);
    if (!table) {
      table = new Map();
      this.#tables.set(object.name, table);
    }
    return table;
  }

  /** Creates a record with a new Id; `values` use canonical field names. */
  insert(object: SObjectDef, values: SRecord, stamps?: Stamps): SRecord {
    const n = this.#counts.get(object.name) ?? 0;
    this.#counts.set(object.name, n + 1);
    const now = this.now();
    const created = stamps?.created ?? now;
    const modified = stamps?.modified ?? now;
    const record: SRecord = {};
    for (const field of object.fields) record[field.name] = values[field.name] ?? null;
    Object.assign(record, {
      Id: salesforceId(object.prefix, 1000 + n),
      IsDeleted: false,
      CreatedDate: formatDatetime(created),
      LastModifiedDate: formatDatetime(modified),
      SystemModstamp: formatDatetime(stamps?.system ?? modified),
    });
    this.#table(object).set(record.Id as string, record);
    return { ...record };
  }

  /** Changes some fields of a record and stamps it; undefined when there is no such record. */
  update(object: SObjectDef, id: string, values: SRecord): SRecord | undefined {
    const record = this.#table(object).get(id);
    if (!record) return undefined;
    Object.assign(record, values);
    const stamp = formatDatetime(this.now());
    record.LastModifiedDate = stamp;
    record.SystemModstamp = stamp;
    return { ...record };
  }

  get(object: SObjectDef, id: string): SRecord | undefined {
    const record = this.#table(object).get(id);
    return record && { ...record };
  }

  /** Copies of every record, in insertion order. */
  list(object: SObjectDef): SRecord[] {
    return [...this.#table(object).values()].map((r) => ({ ...r }));
  }

  /** Records whose text field equals the value, ignoring case (how external ids match). */
  findBy(object: SObjectDef, field: string, value: string): SRecord[] {
    const wanted = value.toLowerCase();
    return this.list(object).filter(
      (r) => typeof r[field] === 'string' && (r[field] as string).toLowerCase() === wanted,
    );
  }
}
