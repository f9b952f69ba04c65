/**
 * The `order` argument of search/search_read: "write_date asc, id asc", a comma-separated list
 * of fields with an optional direction. Empty values sort as PostgreSQL sorts NULL (last when
 * ascending, first when descending). Strings compare by code point: Odoo creates its databases
 * with LC_COLLATE 'C' (odoo/service/db.py `_create_empty_database`). Ties end on the id, so
 * pages never overlap (PostgreSQL would leave their order undefined).
 *
 * Sources: ORM reference (`search(domain, offset, limit, order)`)
 * https://www.odoo.com/documentation/17.0/developer/reference/backend/orm.html
 * and odoo/models.py `_order_to_sql`; docs/vendor-apis.md section 4.3.
 */
import { valueError } from './odoo-error.ts';

const TERM = /^([a-z_][a-z0-9_]*)(?:\s+(asc|desc))?(?:\s+nulls\s+(first|last))?$/i;

/**
 * A comparator over rows for an order spec. `fieldValue` reads a field of a row, giving null for an
 * empty value (a boolean field's false is a value, not an empty one).
 */
export function compileOrder<R extends { id: number }>(
  spec: string,
  known: (field: string) => boolean,
  fieldValue: (row: R, field: string) => unknown,
): (a: R, b: R) => number {
  const keys = spec
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const match = TERM.exec(part);
      if (!match || !known(match[1] as string))
        throw valueError(
          `Invalid "order" specified (${spec}). A valid "order" specification is a comma-separated list of valid field names (optionally followed by asc/desc for the direction)`,
        );
      const descending = match[2]?.toLowerCase() === 'desc';
      const nullsFirst = match[3] ? match[3].toLowerCase() === 'first' : descending;
      return { field: match[1] as string, descending, nullsFirst };
    });
  return (a, b) => {
    for (const key of keys) {
      const order = compareValues(
        fieldValue(a, key.field),
        fieldValue(b, key.field),
        key.nullsFirst,
      );
      if (order !== 0) return key.descending && !bothEmptyOrder(order) ? -order : order;
    }
    return a.id - b.id;
  };
}

// Null placement is decided before the direction; compareValues marks it with +/-2.
const bothEmptyOrder = (order: number) => Math.abs(order) === 2;

function compareValues(a: unknown, b: unknown, nullsFirst: boolean): number {
  const x = Array.isArray(a) ? a[0] : a;
  const y = Array.isArray(b) ? b[0] : b;
  const xEmpty = x === null || x === undefined;
  const yEmpty = y === null || y === undefined;
  if (xEmpty || yEmpty) {
    if (xEmpty && yEmpty) return 0;
    return xEmpty === nullsFirst ? -2 : 2;
  }
  if (typeof x === 'number' && typeof y === 'number') return Math.sign(x - y);
  if (typeof x === 'boolean' || typeof y === 'boolean') return Number(x) - Number(y);
  const s = String(x);
  const t = String(y);
  return s < t ? -1 : s > t ? 1 : 0;
}
