// The Odoo sandbox of @ferry/testkit: Odoo 17's external JSON-RPC API on a local port.
// Sources: https://www.odoo.com/documentation/18.0/developer/reference/external_api.html; docs/vendor-apis.md section 4.
export { type OdooClock, odooClock } from './clock.ts';
export type { OdooErrorName, OdooRpcError } from './odoo-error.ts';
export { ODOO_SANDBOX_API_KEY, startOdooSandbox } from './sandbox.ts';
export type {
  OdooAdmin,
  OdooRecord,
  OdooSandbox,
  OdooSandboxOptions,
  OdooUser,
} from './types.ts';
