/**
 * Field types of the sandbox's models and how values cross the RPC boundary: what `read`
 * returns (many2one as `[id, display_name]`, `false` for empty values) and what `create`/`write`
 * accept (Python-like coercion, ValueError otherwise).
 *
 * Sources: ORM reference https://www.odoo.com/documentation/17.0/developer/reference/backend/orm.html
 * (Fields, Date(time) Fields), external API page (many2one pairs, x2many commands);
 * docs/vendor-apis.md sections 4.3, 4.4 and 4.6.
 */
import type { OdooDb } from './database.ts';
import { valueError } from './odoo-error.ts';

export type FieldType =
  | 'char'
  | 'integer'
  | 'float'
  | 'boolean'
  | 'selection'
  | 'many2one'
  | 'one2many'
  | 'datetime'
  | 'date';

/** A stored row: many2one values are ids, empty values `false`. */
export type Row = Record<string, unknown> & { id: number };

export interface FieldDef {
  type: FieldType;
  /** The label, as `fields_get` and error messages show it. */
  string: string;
  /** many2one/one2many: the related model. */
  relation?: string;
  /** one2many: the many2one field of the related model pointing back. */
  inverse?: string;
  selection?: readonly string[];
  required?: boolean;
  /** Computed, not stored: read from `compute`; writes are ignored (as Odoo ignores them). */
  compute?: (row: Row, db: OdooDb) => unknown;
  /** Writes to this field are refused with this UserError message (e.g. qty_available). */
  refuseWrite?: string;
  /** many2one: what deleting the target does; Odoo's default is 'set null', 'restrict' when required. */
  ondelete?: 'cascade' | 'restrict' | 'set null';
}

export const char = (string: string, extra: Partial<FieldDef> = {}): FieldDef => ({
  type: 'char',
  string,
  ...extra,
});
export const float = (string: string): FieldDef => ({ type: 'float', string });
export const m2o = (string: string, relation: string, extra: Partial<FieldDef> = {}): FieldDef => ({
  type: 'many2one',
  string,
  relation,
  ...extra,
});
export const selection = (string: string, values: readonly string[]): FieldDef => ({
  type: 'selection',
  string,
  selection: values,
});

/** `YYYY-MM-DD HH:MM:SS` in UTC, to the second: Odoo's datetime wire format. */
export function odooDatetime(date: Date): string {
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

export const isEmpty = (value: unknown) => value === false || value === null || value === undefined;

/**
 * A value given to create/write, converted as Odoo's `convert_to_cache` would (a float field
 * takes "12.5", a char field takes 42), or a ValueError with Odoo's wording.
 */
export function convertInput(
  model: string,
  name: string,
  field: FieldDef,
  input: unknown,
): unknown {
  const wrong = () =>
    valueError(`Wrong value for ${model}.${name}: ${JSON.stringify(input) ?? String(input)}`);
  const value = input === null ? false : input;
  switch (field.type) {
    case 'char':
      if (value === false) return false;
      if (typeof value === 'string' || typeof value === 'number') return String(value);
      throw wrong();
    case 'integer':
    case 'float': {
      if (value === false) return field.type === 'integer' ? 0 : 0.0;
      const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
      if (typeof n !== 'number' || !Number.isFinite(n))
        throw valueError(`could not convert string to float: ${JSON.stringify(value)}`);
      return field.type === 'integer' ? Math.trunc(n) : n;
    }
    case 'boolean':
      return Boolean(value);
    case 'selection':
      if (value === false) return false;
      if (typeof value === 'string' && field.selection?.includes(value)) return value;
      throw wrong();
    case 'many2one':
      if (value === false || value === 0) return false;
      if (typeof value === 'number' && Number.isInteger(value)) return value;
      throw wrong();
    case 'datetime':
      return convertDate(value, /^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}:\d{2})?$/, '%Y-%m-%d %H:%M:%S');
    case 'date':
      return convertDate(value, /^\d{4}-\d{2}-\d{2}$/, '%Y-%m-%d');
    case 'one2many':
      throw wrong();
  }
}

function convertDate(value: unknown, pattern: RegExp, format: string): unknown {
  if (value === false) return false;
  if (typeof value === 'string' && pattern.test(value) && !Number.isNaN(Date.parse(value)))
    return format.includes('%H') && value.length === 10 ? `${value} 00:00:00` : value;
  throw valueError(`time data ${JSON.stringify(value)} does not match format '${format}'`);
}
