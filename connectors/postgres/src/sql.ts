/**
 * Identifiers in SQL text. Every table, schema and column name comes from config or from record
 * fields, so each is always double-quoted (PostgreSQL then keeps its case and any character)
 * and never pasted in unquoted.
 */
export const ident = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** `"schema"."table"` */
export const qualified = (schema: string, table: string): string =>
  `${ident(schema)}.${ident(table)}`;

/** PostgreSQL truncates longer identifiers (NAMEDATALEN - 1 bytes), which would merge columns. */
export const MAX_IDENTIFIER_BYTES = 63;

/** Why a record field cannot be a column name, or undefined when it can. */
export function badColumnName(name: string): string | undefined {
  if (name === '') return 'an empty field name cannot be a column';
  if (name.includes('\u0000')) return `field name ${JSON.stringify(name)} holds a NUL character`;
  if (Buffer.byteLength(name) > MAX_IDENTIFIER_BYTES)
    return `field name '${name.slice(0, 20)}...' is longer than ${MAX_IDENTIFIER_BYTES} bytes, PostgreSQL's limit for a column name`;
  return undefined;
}
