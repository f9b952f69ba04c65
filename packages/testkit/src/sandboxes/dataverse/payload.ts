/**
 * The JSON body of a create or update, checked against the table: unknown columns and values of
 * the wrong type are refused with the OData library's messages; annotations (`@odata.etag`)
 * and system columns (createdon, modifiedon, versionnumber) are left out (unverified: whether
 * Dataverse ignores or refuses system columns).
 *
 * Sources:
 * - https://learn.microsoft.com/power-apps/developer/data-platform/webapi/update-delete-entities-using-web-api
 * - https://learn.microsoft.com/power-apps/developer/data-platform/webapi/compose-http-requests-handle-errors
 */
import { CODES, ODataError } from './odata.ts';
import { GUID, type Row, SYSTEM_COLUMNS, type TableDef, typeName } from './tables.ts';

export function validatePayload(body: unknown, table: TableDef): Row {
  if (body === null || typeof body !== 'object' || Array.isArray(body))
    throw new ODataError(400, CODES.badRequest, 'The request body must be a JSON object.');
  const row: Row = {};
  for (const [name, value] of Object.entries(body)) {
    if (name.startsWith('@')) continue;
    const type = table.columns[name];
    if (!type)
      throw new ODataError(
        400,
        CODES.badRequest,
        `The property '${name}' does not exist on type '${typeName(table)}'. Make sure to only use property names that are defined by the type.`,
      );
    if ((SYSTEM_COLUMNS as readonly string[]).includes(name)) continue;
    if (value !== null && !fits(type, value))
      throw new ODataError(
        400,
        CODES.badRequest,
        `Cannot convert the literal '${JSON.stringify(value)}' to the expected type '${edm(type)}'.`,
      );
    row[name] =
      type === 'guid' && typeof value === 'string' ? value.toLowerCase() : (value as Row[string]);
  }
  return row;
}

function fits(type: string, value: unknown): boolean {
  if (type === 'string') return typeof value === 'string';
  if (type === 'guid') return typeof value === 'string' && GUID.test(value);
  if (type === 'integer') return Number.isInteger(value);
  if (type === 'decimal') return typeof value === 'number' && Number.isFinite(value);
  return typeof value === 'string' && !Number.isNaN(Date.parse(value));
}

const edm = (type: string) =>
  ({ string: 'Edm.String', guid: 'Edm.Guid', integer: 'Edm.Int32', decimal: 'Edm.Decimal' })[
    type
  ] ?? 'Edm.DateTimeOffset';
