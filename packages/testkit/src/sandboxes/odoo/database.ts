/**
 * The sandbox's database: one table of rows per model, id sequences, the stock on hand, the
 * clock, and the ORM's read side (field values, `read` output, `search`). Writes are in
 * crud.ts. A call that fails is rolled back whole (`snapshot`/`restore`), as Odoo rolls back
 * the transaction of a failed RPC call.
 *
 * Sources: external API page https://www.odoo.com/documentation/18.0/developer/reference/external_api.html
 * (List records, Read records: `id` always present, many2one as [id, name], false for empty);
 * ORM reference (active_test, `_order`); docs/vendor-apis.md sections 4.3 and 4.6.
 */
import { compileDomain, type DomainTarget } from './domain.ts';
import { type FieldDef, isEmpty, odooDatetime, type Row } from './fields.ts';
import type { ModelDef } from './model.ts';
import { OdooError } from './odoo-error.ts';
import { compileOrder } from './order.ts';

/** Fields every model has (odoo/models.py MAGIC_COLUMNS and display_name). */
const MAGIC: Record<string, FieldDef> = {
  id: { type: 'integer', string: 'ID' },
  display_name: { type: 'char', string: 'Display Name' },
  create_date: { type: 'datetime', string: 'Created on' },
  write_date: { type: 'datetime', string: 'Last Updated on' },
};

export interface SearchOptions {
  offset?: number;
  limit?: number;
  order?: string;
  /** False reads archived records too (context `active_test: False`). */
  activeTest?: boolean;
}

export interface DbOptions {
  now: () => Date;
  creditCheck: boolean;
}

export class OdooDb {
  readonly tables = new Map<string, Map<number, Row>>();
  /** Quantity on hand per product id (stock.quant summed over internal locations). */
  stock = new Map<number, number>();
  /** The last number given per sequence ('sale.order', 'INV', 'BILL'...). */
  sequences: Record<string, number> = {};
  #nextIds = new Map<string, number>();

  constructor(
    readonly models: Record<string, ModelDef>,
    readonly options: DbOptions,
  ) {
    for (const name of Object.keys(models)) this.tables.set(name, new Map());
  }

  /** The model, or KeyError as `env[model]` raises it. */
  model(name: string): ModelDef {
    const model = this.models[name];
    if (!model) throw new OdooError('builtins.KeyError', `'${name}'`);
    return model;
  }

  table(model: string): Map<number, Row> {
    this.model(model);
    return this.tables.get(model) as Map<number, Row>;
  }

  field(model: string, name: string): FieldDef | undefined {
    return MAGIC[name] ?? this.model(model).fields[name];
  }

  fieldNames(model: string): string[] {
    return [
      'id',
      ...Object.keys(this.model(model).fields),
      'display_name',
      'create_date',
      'write_date',
    ];
  }

  nextId(model: string): number {
    const id = (this.#nextIds.get(model) ?? this.table(model).size) + 1;
    this.#nextIds.set(model, id);
    return id;
  }

  /** The current time as Odoo stores it: UTC, to the second. */
  now(): string {
    return odooDatetime(this.options.now());
  }

  /** A field's value in stored form (many2one as an id, computed fields computed). */
  value(model: string, row: Row, name: string): unknown {
    if (name === 'id') return row.id;
    if (name === 'display_name') return this.model(model).displayName(row, this);
    const field = this.field(model, name);
    if (field?.compute) return field.compute(row, this);
    if (field?.type === 'one2many')
      return [...this.table(field.relation as string).values()]
        .filter((r) => r[field.inverse as string] === row.id)
        .map((r) => r.id);
    const value = row[name];
    if (isEmpty(value) && (field?.type === 'integer' || field?.type === 'float')) return 0;
    return value ?? false;
  }

  /** A field's value as `read` returns it: many2one as [id, display_name], false when empty. */
  readValue(model: string, row: Row, name: string): unknown {
    const value = this.value(model, row, name);
    const field = this.field(model, name);
    if (field?.type === 'many2one' && !isEmpty(value))
      return [value, this.displayName(field.relation as string, value as number)];
    return value;
  }

  displayName(model: string, id: number): string {
    const row = this.table(model).get(id);
    return row ? this.model(model).displayName(row, this) : `${model},${id}`;
  }

  /** A row as `read` returns it, with `id` always first. */
  read(model: string, row: Row, fields: string[]): Record<string, unknown> {
    const out: Record<string, unknown> = { id: row.id };
    for (const name of fields) if (name !== 'id') out[name] = this.readValue(model, row, name);
    return out;
  }

  /** The rows matching a domain, ordered and sliced, as `search` finds them. */
  search(model: string, domain: unknown, options: SearchOptions = {}): Row[] {
    const def = this.model(model);
    const matches = compileDomain(domain, this.#target(model), model);
    const activeTest =
      options.activeTest !== false && 'active' in def.fields && !mentionsActive(domain);
    const rows = [...this.table(model).values()].filter(
      (row) => (!activeTest || row.active === true) && matches(row),
    );
    const comparator = compileOrder<Row>(
      options.order || def.order,
      (name) => this.field(model, name) !== undefined,
      (row, name) => {
        const value = this.value(model, row, name);
        return isEmpty(value) && this.field(model, name)?.type !== 'boolean' ? null : value;
      },
    );
    rows.sort(comparator);
    const offset = options.offset ?? 0;
    return rows.slice(offset, options.limit ? offset + options.limit : undefined);
  }

  /**
   * The rows and stock, for rolling back a failed call. Ids and sequence numbers are not given
   * back, as PostgreSQL sequences are not rolled back: a failed create leaves a gap.
   */
  snapshot(): () => void {
    const tables = new Map(
      [...this.tables].map(([m, t]) => [m, new Map([...t].map(([id, r]) => [id, { ...r }]))]),
    );
    const stock = new Map(this.stock);
    return () => {
      for (const [model, table] of tables) this.tables.set(model, table);
      this.stock = stock;
    };
  }

  /** Field paths for domains: 'email', or 'partner_id.email' through a many2one. */
  #target(model: string): DomainTarget<Row> {
    return {
      getter: (path) => {
        const [first, ...rest] = path.split('.');
        const field = this.field(model, first as string);
        if (!field) return undefined;
        if (rest.length === 0)
          return (row) => ({
            value: this.readValue(model, row, first as string),
            type: field.type,
          });
        if (field.type !== 'many2one') return undefined;
        const relation = field.relation as string;
        const inner = this.#target(relation).getter(rest.join('.'));
        if (!inner) return undefined;
        return (row) => {
          const target = this.table(relation).get(row[first as string] as number);
          return target ? inner(target) : { value: false, type: 'char' };
        };
      },
    };
  }
}

/** Odoo skips its implicit `active = True` filter when the domain names `active` itself. */
function mentionsActive(domain: unknown): boolean {
  return Array.isArray(domain) && domain.some((t) => Array.isArray(t) && t[0] === 'active');
}
