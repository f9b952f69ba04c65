/**
 * The ORM's write side: create (defaults, conversion, required fields, x2many commands),
 * write (MissingError on deleted ids, write_date bumped) and unlink (ondelete rules). Every
 * change stamps `write_date` with the clock, in UTC to the second, so records changed within
 * one second share it, as in Odoo.
 *
 * Sources: external API page https://www.odoo.com/documentation/18.0/developer/reference/external_api.html
 * (Create records, Update records, Delete records), ORM reference (`Command` for x2many fields)
 * https://www.odoo.com/documentation/17.0/developer/reference/backend/orm.html;
 * odoo/service/model.py (`_as_validation_error` wording); docs/vendor-apis.md section 4.4.
 */
import type { OdooDb } from './database.ts';
import { convertInput, type FieldDef, isEmpty, type Row } from './fields.ts';
import { missingError, userError, validationError, valueError } from './odoo-error.ts';

const LOG_ACCESS = new Set(['id', 'display_name', 'create_date', 'write_date']);

export function createRecord(db: OdooDb, model: string, input: unknown, uid: number): number {
  const def = db.model(model);
  if (!isObject(input))
    throw valueError(`create() expects a dict of values, got ${JSON.stringify(input)}`);
  const values = { ...def.defaults?.(db, input), ...input };
  const row: Row = { id: db.nextId(model) };
  for (const [name, field] of Object.entries(def.fields))
    if (!field.compute && field.type !== 'one2many') row[name] = false;
  const commands = assign(db, model, row, values);
  for (const [name, field] of Object.entries(def.fields))
    if (field.required && isEmpty(row[name])) throw mandatory(def.description, model, field, name);
  row.create_date = row.write_date = db.now();
  db.table(model).set(row.id, row);
  for (const [name, value] of commands) applyCommands(db, model, row, name, value, uid);
  def.constrain?.(row, db);
  def.afterSave?.(row, db, 'create');
  return row.id;
}

export function writeRecords(
  db: OdooDb,
  model: string,
  ids: number[],
  input: unknown,
  uid: number,
): true {
  const def = db.model(model);
  if (!isObject(input))
    throw valueError(`write() expects a dict of values, got ${JSON.stringify(input)}`);
  const rows = existing(db, model, ids, uid);
  for (const row of rows) {
    const commands = assign(db, model, row, input);
    for (const [name, field] of Object.entries(def.fields))
      if (field.required && name in input && isEmpty(row[name]))
        throw mandatory(def.description, model, field, name);
    row.write_date = db.now();
    for (const [name, value] of commands) applyCommands(db, model, row, name, value, uid);
    def.constrain?.(row, db);
    def.afterSave?.(row, db, 'write');
  }
  return true;
}

export function unlinkRecords(db: OdooDb, model: string, ids: number[], uid: number): true {
  const def = db.model(model);
  for (const row of existing(db, model, ids, uid)) {
    def.beforeUnlink?.(row, db);
    db.table(model).delete(row.id);
    // What points at the deleted row: cascade, set null, or refuse (ondelete).
    for (const [other, otherDef] of Object.entries(db.models))
      for (const [name, field] of Object.entries(otherDef.fields)) {
        if (field.type !== 'many2one' || field.relation !== model) continue;
        const ondelete = field.ondelete ?? (field.required ? 'restrict' : 'set null');
        const referring = [...db.table(other).values()].filter((r) => r[name] === row.id);
        if (referring.length === 0) continue;
        if (ondelete === 'cascade')
          unlinkRecords(
            db,
            other,
            referring.map((r) => r.id),
            uid,
          );
        else if (ondelete === 'set null') for (const r of referring) r[name] = false;
        else
          throw validationError(
            `The operation cannot be completed: another model requires the record being deleted. If possible, archive it instead.\n\nModel: ${otherDef.description} (${other}), Constraint: ${other.replace(/\./g, '_')}_${name}_fkey`,
          );
      }
  }
  return true;
}

/** The rows of `ids`, or MissingError naming the ids that do not exist. */
export function existing(db: OdooDb, model: string, ids: number[], uid: number): Row[] {
  const table = db.table(model);
  const missing = ids.filter((id) => !table.has(id));
  if (missing.length > 0) throw missingError(model, missing, uid);
  return [...new Set(ids)].map((id) => table.get(id) as Row);
}

/** Sets converted values on a row; returns the x2many commands to apply once it is saved. */
function assign(db: OdooDb, model: string, row: Row, values: Record<string, unknown>) {
  const commands: [string, unknown][] = [];
  for (const [name, value] of Object.entries(values)) {
    const field = db.field(model, name);
    if (!field) throw valueError(`Invalid field '${name}' on model '${model}'`);
    if (field.refuseWrite) throw userError(field.refuseWrite);
    // Odoo ignores values for log-access and computed fields without an inverse.
    if (LOG_ACCESS.has(name) || field.compute) continue;
    if (field.type === 'one2many') {
      commands.push([name, value]);
      continue;
    }
    const converted = convertInput(model, name, field, value);
    if (
      field.type === 'many2one' &&
      converted !== false &&
      !db.table(field.relation as string).has(converted as number)
    )
      throw validationError(
        `The operation cannot be completed: the ${field.string} (${name}) record ${String(converted)} of ${field.relation} does not exist.\n\nModel: ${db.model(model).description} (${model})`,
      );
    row[name] = converted;
  }
  return commands;
}

/** x2many commands: (0, 0, vals) create, (1, id, vals) update, (2, id) delete, (3, id) unlink, (4, id) link, (5,) clear, (6, 0, ids) set. */
function applyCommands(
  db: OdooDb,
  model: string,
  row: Row,
  name: string,
  value: unknown,
  uid: number,
) {
  const field = db.field(model, name) as FieldDef;
  const relation = field.relation as string;
  const inverse = field.inverse as string;
  if (!Array.isArray(value))
    throw valueError(`Wrong value for ${model}.${name}: ${JSON.stringify(value)}`);
  const current = () => db.value(model, row, name) as number[];
  for (const command of value) {
    if (!Array.isArray(command) || typeof command[0] !== 'number')
      throw valueError(`Wrong value for ${model}.${name}: ${JSON.stringify(command)}`);
    const [code, id, vals] = command as [number, number, unknown];
    if (code === 0)
      createRecord(db, relation, { ...(isObject(vals) ? vals : {}), [inverse]: row.id }, uid);
    else if (code === 1) writeRecords(db, relation, [id], vals, uid);
    else if (code === 2 || code === 3) unlinkRecords(db, relation, [id], uid);
    else if (code === 4) writeRecords(db, relation, [id], { [inverse]: row.id }, uid);
    else if (code === 5) unlinkRecords(db, relation, current(), uid);
    else if (code === 6) {
      const keep = new Set(Array.isArray(vals) ? (vals as number[]) : []);
      unlinkRecords(
        db,
        relation,
        current().filter((i) => !keep.has(i)),
        uid,
      );
      for (const i of keep) writeRecords(db, relation, [i], { [inverse]: row.id }, uid);
    } else throw valueError(`Wrong value for ${model}.${name}: ${JSON.stringify(command)}`);
  }
}

function mandatory(description: string, model: string, field: FieldDef, name: string) {
  return validationError(
    `The operation cannot be completed:\n- Create/update: a mandatory field is not set.\n- Delete: another model requires the record being deleted. If possible, archive it instead.\n\nModel: ${description} (${model})\nField: ${field.string} (${name})`,
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
