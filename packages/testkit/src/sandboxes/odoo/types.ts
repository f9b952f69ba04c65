/**
 * The public types of the Odoo sandbox: its options, users, admin API and handle.
 * Sources: https://www.odoo.com/documentation/18.0/developer/reference/external_api.html
 * (Logging in, API keys); docs/vendor-apis.md section 4.
 */
import type { FaultSettings } from '../../sandbox/fault-types.ts';
import type { Sandbox } from '../../sandbox/types.ts';

/** A user of the sandbox database. RPC calls authenticate with the password or the API key. */
export interface OdooUser {
  /** The uid `common.login` returns. */
  id: number;
  login: string;
  password: string;
  /** An API key (Odoo 14+), accepted wherever the password is. */
  apiKey?: string;
  name?: string;
  /** Models this user may not touch at all (AccessError on every method). */
  forbidden?: string[];
  /** True: only reading methods; create/write/unlink raise AccessError. */
  readOnly?: boolean;
}

export interface OdooSandboxOptions {
  /** The database name `execute_kw` expects. Default 'ferry'. */
  database?: string;
  /** Default: one administrator, uid 2, login 'admin', password 'admin', API key ODOO_SANDBOX_API_KEY. */
  users?: OdooUser[];
  /**
   * Demo feature: creating or confirming a sale.order whose amount plus the partner's open
   * orders exceeds the partner's credit_limit (when > 0) raises a UserError naming the credit hold.
   */
  creditCheck?: boolean;
  /** The clock behind create_date/write_date/date_order. Default: the system clock. */
  clock?: () => Date;
  /** 'demo' (default): the seeded dataset; 'empty': countries only. */
  data?: 'demo' | 'empty';
  /** This many extra generated companies (res.partner), several per write_date second. Default 0. */
  extraPartners?: number;
  faults?: FaultSettings;
  /** Seed of the sandbox's PRNG (fault jitter). */
  seed?: number;
}

/** A record as `read` returns it: many2one as [id, display_name], false for empty values. */
export type OdooRecord = Record<string, unknown> & { id: number };

/** Direct access for tests and demos: no RPC, no faults, no auth; failed calls roll back. */
export interface OdooAdmin {
  /** Every record of a model matching a domain (archived ones too), in id order, all fields. */
  list(model: string, domain?: unknown[]): OdooRecord[];
  get(model: string, id: number): OdooRecord | undefined;
  create(model: string, values: Record<string, unknown>): number;
  write(model: string, ids: number | number[], values: Record<string, unknown>): void;
  unlink(model: string, ids: number | number[]): void;
  /** Sets a product's quantity on hand (an inventory adjustment); bumps its write_date. */
  setStock(productId: number, quantity: number): void;
  /** `action_confirm` (the credit check applies). */
  confirmOrder(orderId: number): void;
  /** An out_invoice for a confirmed order's total, posted unless `post: false`; returns its id. */
  createInvoice(orderId: number, options?: { post?: boolean }): number;
  /** A payment against a posted invoice: the residual (default) or `amount`. */
  registerPayment(invoiceId: number, amount?: number): void;
}

export interface OdooSandbox extends Sandbox {
  /** The database name. */
  database: string;
  /** The first user: what a connector's config needs. */
  user: Required<Pick<OdooUser, 'id' | 'login' | 'password' | 'apiKey'>>;
  admin: OdooAdmin;
}
