import { FerryError } from '@ferry/sdk';

/**
 * The error table of @ferry/connector-odoo, in the shape of `defineErrors` (@ferry/manifest):
 * a connector depends on @ferry/sdk only, which exports FerryError but not the table factory.
 * A bad API key reuses the engine's FERRY_AUTH_FAILED, as a refused login does.
 */
const codes = {
  FERRY_ODOO_ACCESS: {
    title: 'Odoo refused a call for lack of access rights (odoo.exceptions.AccessError)',
    hint: "Give the connector's Odoo user the rights the message names (Settings > Users > Access Rights: e.g. Sales / User for sale.order, Inventory for product.product), or use another user.",
  },
  FERRY_ODOO_CALL_FAILED: {
    title: 'An Odoo JSON-RPC call failed with an error that is not about one record',
    hint: 'Read the Odoo exception in the message: an unknown model or field means a module is not installed or the Odoo version differs (17 or 18 expected); a psycopg2 error about the database means the `db` setting is wrong.',
  },
} as const;

export type OdooErrorCode = keyof typeof codes;

export const odooErrors = {
  codes,
  create(
    code: OdooErrorCode | 'FERRY_AUTH_FAILED',
    message: string,
    options: { hint?: string } = {},
  ) {
    const hint =
      code === 'FERRY_AUTH_FAILED'
        ? 'Check `db`, `username` and `apiKey` in the connection config: the API key must belong to that user and be active.'
        : codes[code].hint;
    return new FerryError(code, message, { hint, ...options });
  },
};
