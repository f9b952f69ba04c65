/**
 * The arguments of an RPC model call as Python binds them: positional `args` then `kwargs`
 * (TypeError for extras), ids as an int or a list, `fields` validated, search options with the
 * context's `active_test`.
 * Sources: odoo/odoo `odoo/api.py` (`call_kw`); ORM reference (search, read)
 * https://www.odoo.com/documentation/17.0/developer/reference/backend/orm.html;
 * docs/vendor-apis.md section 4.3.
 */
import type { OdooDb } from './database.ts';
import { OdooError, valueError } from './odoo-error.ts';

/** Python's binding of positional and keyword arguments, with its TypeErrors. */
export function bind(
  method: string,
  params: string[],
  args: unknown[],
  kwargs: Record<string, unknown>,
) {
  if (!Array.isArray(args))
    throw new OdooError(
      'builtins.TypeError',
      `${method}() argument after * must be an iterable, not ${typeof args}`,
    );
  if (args.length > params.length)
    throw new OdooError(
      'builtins.TypeError',
      `${method}() takes from 1 to ${params.length + 1} positional arguments but ${args.length + 1} were given`,
    );
  const bound: Record<string, unknown> = {};
  params.forEach((name, i) => {
    if (i < args.length) bound[name] = args[i];
  });
  for (const [name, value] of Object.entries(kwargs)) {
    if (!params.includes(name))
      throw new OdooError(
        'builtins.TypeError',
        `${method}() got an unexpected keyword argument '${name}'`,
      );
    if (name in bound)
      throw new OdooError(
        'builtins.TypeError',
        `${method}() got multiple values for argument '${name}'`,
      );
    bound[name] = value;
  }
  return bound;
}

export function searchOptions(a: Record<string, unknown>, kwargs: Record<string, unknown>) {
  const context = (kwargs.context ?? {}) as Record<string, unknown>;
  for (const name of ['offset', 'limit'] as const)
    if (
      a[name] !== undefined &&
      a[name] !== null &&
      a[name] !== false &&
      !Number.isInteger(a[name])
    )
      throw new OdooError(
        'builtins.TypeError',
        `'${name}' must be an integer, got ${JSON.stringify(a[name])}`,
      );
  return {
    offset: (a.offset as number | undefined) || 0,
    ...(a.limit ? { limit: a.limit as number } : {}),
    ...(typeof a.order === 'string' ? { order: a.order } : {}),
    activeTest: context.active_test !== false,
  };
}

export function fieldList(db: OdooDb, model: string, fields: unknown): string[] {
  if (
    fields === undefined ||
    fields === null ||
    fields === false ||
    (Array.isArray(fields) && fields.length === 0)
  )
    return db.fieldNames(model);
  if (!Array.isArray(fields)) throw valueError(`Invalid fields ${JSON.stringify(fields)}`);
  for (const name of fields)
    if (typeof name !== 'string' || !db.field(model, name))
      throw valueError(`Invalid field ${JSON.stringify(name)} on model '${model}'`);
  return fields as string[];
}

export function idList(ids: unknown): number[] {
  const list = typeof ids === 'number' ? [ids] : ids;
  if (!Array.isArray(list) || !list.every((id) => Number.isInteger(id)))
    throw valueError(`Invalid ids ${JSON.stringify(ids)}: expected a list of integers`);
  return list as number[];
}
