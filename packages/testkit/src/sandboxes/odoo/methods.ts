/**
 * `object.execute_kw(db, uid, key, model, method, args, kwargs)` once the credentials are
 * checked: the ORM methods (search_read, search, search_count, read, create, write, unlink,
 * fields_get) and the models' workflow methods, with Python's argument binding (positional
 * `args`, then `kwargs`; `context` set apart), access rights, and the whole call rolled back
 * when it raises.
 *
 * Sources: external API page https://www.odoo.com/documentation/18.0/developer/reference/external_api.html
 * (Calling methods, List records, Pagination, Count records, Read records, Create/Update/Delete
 * records, Inspection); odoo/odoo `odoo/api.py` (`call_kw`), `odoo/service/model.py`
 * (`check_method_name`); docs/vendor-apis.md sections 4.3 and 4.4.
 */

import { bind, fieldList, idList, searchOptions } from './arguments.ts';
import { createRecord, unlinkRecords, writeRecords } from './crud.ts';
import type { OdooDb } from './database.ts';
import type { Row } from './fields.ts';
import { accessError, missingError, OdooError, validationError } from './odoo-error.ts';
import type { OdooUser } from './types.ts';

export interface Call {
  db: OdooDb;
  user: OdooUser;
  model: string;
  method: string;
  args: unknown[];
  kwargs: Record<string, unknown>;
  /** The sandbox's injected per-record rejections (faults.rejects), checked on create/write. */
  rejects?: (values: unknown) => string | undefined;
}

type Operation = 'read' | 'write' | 'create' | 'unlink';
type Method = {
  params: string[];
  operation: Operation;
  run: (call: Call, a: Record<string, unknown>) => unknown;
};

const ORM: Record<string, Method> = {
  search_read: {
    params: ['domain', 'fields', 'offset', 'limit', 'order'],
    operation: 'read',
    run: ({ db, model, kwargs }, a) => {
      const fields = fieldList(db, model, a.fields);
      return db
        .search(model, a.domain, searchOptions(a, kwargs))
        .map((row) => db.read(model, row, fields));
    },
  },
  search: {
    params: ['domain', 'offset', 'limit', 'order'],
    operation: 'read',
    run: ({ db, model, kwargs }, a) =>
      db.search(model, a.domain, searchOptions(a, kwargs)).map((row) => row.id),
  },
  search_count: {
    params: ['domain', 'limit'],
    operation: 'read',
    run: ({ db, model, kwargs }, a) => db.search(model, a.domain, searchOptions(a, kwargs)).length,
  },
  read: {
    params: ['ids', 'fields', 'load'],
    operation: 'read',
    run: ({ db, model, user }, a) => {
      const fields = fieldList(db, model, a.fields);
      const table = db.table(model);
      const ids = idList(a.ids);
      const missing = ids.filter((id) => !table.has(id));
      if (missing.length > 0) throw missingError(model, missing, user.id);
      return ids.map((id) => db.read(model, table.get(id) as Row, fields));
    },
  },
  create: {
    params: ['vals_list'],
    operation: 'create',
    run: (call, a) => {
      const many = Array.isArray(a.vals_list);
      const list = many ? (a.vals_list as unknown[]) : [a.vals_list];
      const ids = list.map((values) => {
        refuse(call, values);
        return createRecord(call.db, call.model, values, call.user.id);
      });
      return many ? ids : ids[0];
    },
  },
  write: {
    params: ['ids', 'vals'],
    operation: 'write',
    run: (call, a) => {
      refuse(call, a.vals);
      return writeRecords(call.db, call.model, idList(a.ids), a.vals, call.user.id);
    },
  },
  unlink: {
    params: ['ids'],
    operation: 'unlink',
    run: (call, a) => unlinkRecords(call.db, call.model, idList(a.ids), call.user.id),
  },
  fields_get: {
    params: ['allfields', 'attributes'],
    operation: 'read',
    run: ({ db, model }) =>
      Object.fromEntries(
        db.fieldNames(model).map((name) => {
          const f = db.field(model, name);
          return [
            name,
            {
              type: f?.type,
              string: f?.string,
              ...(f?.relation ? { relation: f.relation } : {}),
              ...(f?.selection ? { selection: f.selection.map((v) => [v, v]) } : {}),
              required: Boolean(f?.required),
              readonly:
                Boolean(f?.compute) ||
                ['id', 'display_name', 'create_date', 'write_date'].includes(name),
            },
          ];
        }),
      ),
  },
};

/** Runs one call; a call that raises leaves the database as it was. */
export function execute(call: Call): unknown {
  const { db, model, method, user } = call;
  const def = db.model(model);
  if (method.startsWith('_'))
    throw new OdooError(
      'odoo.exceptions.AccessError',
      `Private methods (such as '${method}') cannot be called remotely.`,
    );
  const custom = def.methods?.[method];
  const spec: Method | undefined =
    ORM[method] ??
    (custom
      ? {
          params: ['ids'],
          operation: 'write',
          run: (c, a) => custom(c.db, idList(a.ids), c.user.id),
        }
      : undefined);
  if (!spec)
    throw new OdooError(
      'builtins.AttributeError',
      `The method '${method}' does not exist on the model '${model}'`,
    );
  if (user.forbidden?.includes(model) || (user.readOnly && spec.operation !== 'read'))
    throw accessError(spec.operation, def.description, model);
  const { context, ...kwargs } = call.kwargs;
  const bound = bind(method, spec.params, call.args, kwargs);
  const restore = db.snapshot();
  try {
    return spec.run({ ...call, kwargs: { context } }, bound);
  } catch (error) {
    restore();
    throw error;
  }
}

function refuse(call: Call, values: unknown): void {
  const reason = call.rejects?.(values);
  if (reason !== undefined) throw validationError(reason);
}
