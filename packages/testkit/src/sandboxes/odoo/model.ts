/**
 * What the sandbox knows of an Odoo model: its fields, default order, display name, defaults,
 * constraints and business hooks. The ORM methods in database.ts are the same for every model;
 * the hooks add what a model's Python code adds (sequences, constraints, workflow methods).
 *
 * Sources: ORM reference https://www.odoo.com/documentation/17.0/developer/reference/backend/orm.html
 * (Models, Constraints); docs/vendor-apis.md section 4.6.
 */
import type { OdooDb } from './database.ts';
import type { FieldDef, Row } from './fields.ts';

export interface ModelDef {
  name: string;
  /** `_description`, as access errors and constraint messages show it. */
  description: string;
  /** `_order`: the default order of search and search_read. */
  order: string;
  /** The model's own fields; id, display_name, create_date and write_date are added. */
  fields: Record<string, FieldDef>;
  displayName(row: Row, db: OdooDb): string;
  /** Default values of a new record, given the values it is created with (onchange-like). */
  defaults?(db: OdooDb, values: Record<string, unknown>): Record<string, unknown>;
  /** `@api.constrains` and SQL constraints: throw a ValidationError. */
  constrain?(row: Row, db: OdooDb): void;
  /** Business logic once a create or write is applied (the credit check). */
  afterSave?(row: Row, db: OdooDb, operation: 'create' | 'write'): void;
  /** Throws a UserError when the record cannot be deleted. */
  beforeUnlink?(row: Row, db: OdooDb): void;
  /** Public model methods beyond the ORM's, called on ids (`action_confirm`). */
  methods?: Record<string, (db: OdooDb, ids: number[], uid: number) => unknown>;
}
