import type { FaultSettings } from '../../sandbox/fault-types.ts';
import type { Sandbox } from '../../sandbox/types.ts';
import type { Row } from './tables.ts';

export type { Cell as DataverseCell, Row as DataverseRow } from './tables.ts';

/** The entity sets the sandbox serves. */
export type DataverseTable = 'accounts' | 'contacts';

export interface DataverseSandboxOptions {
  /** Seeded accounts (default 24) and contacts (default 36). */
  accounts?: number;
  contacts?: number;
  /** Seed of the data and of the PRNG behind tokens and jitter. Default 1. */
  seed?: number;
  /** The time of writes (`modifiedon`), delta tokens and token expiry. Default: the real clock. */
  clock?: () => Date;
  /** The app registration the token endpoint accepts. */
  tenantId?: string;
  clientId?: string;
  clientSecret?: string;
  /** Access token lifetime in seconds. Default 3599, as Entra answers. */
  tokenLifetimeSeconds?: number;
  faults?: FaultSettings;
}

/** What tests do behind the API's back: rows change as if a user edited them in the app. */
export interface DataverseAdmin {
  /** Copies of the rows of a table, in creation order. */
  rows(set: DataverseTable): Row[];
  get(set: DataverseTable, id: string): Row | undefined;
  /** Creates a row (a new GUID unless given); createdon, modifiedon and versionnumber are set. */
  create(set: DataverseTable, values: Row): Row;
  /** Changes columns of a row; modifiedon and versionnumber move on. */
  update(set: DataverseTable, id: string, values: Row): Row;
  /** Deletes a row; change tracking reports it as a `$deletedEntity`. */
  delete(set: DataverseTable, id: string): boolean;
  /** The organization's last change number (row versions come from it). */
  readonly version: number;
}

export interface DataverseSandbox {
  sandbox: Sandbox;
  /** The environment URL (`http://127.0.0.1:<port>`), the Web API being `${url}/api/data/v9.2`. */
  url: string;
  /** The Entra token endpoint for the tenant: `${url}/${tenantId}/oauth2/v2.0/token`. */
  tokenUrl: string;
  tenantId: string;
  clientId: string;
  clientSecret: string;
  admin: DataverseAdmin;
  /** How many access tokens the token endpoint has issued. */
  readonly tokensIssued: number;
  close(): Promise<void>;
}
