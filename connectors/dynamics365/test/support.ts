// Test support: the connector's config for a Dataverse sandbox, and the records the connector
// should produce from the sandbox's rows.
import { fileURLToPath } from 'node:url';
import type { JsonObject } from '@ferry/sdk';
import type { DataverseRow, DataverseSandbox } from '@ferry/testkit';
import type { Config } from '../src/config.ts';

export const packageDir = fileURLToPath(new URL('..', import.meta.url));

export function configFor(dv: DataverseSandbox, extra: Partial<Config> = {}): Config & JsonObject {
  return {
    url: dv.url,
    tenantId: dv.tenantId,
    clientId: dv.clientId,
    clientSecret: dv.clientSecret,
    tokenUrl: dv.tokenUrl,
    pageSize: 5,
    ...extra,
  };
}

const byCursor = (key: string) => (a: DataverseRow, b: DataverseRow) =>
  String(a.modifiedon).localeCompare(String(b.modifiedon)) ||
  String(a[key]).localeCompare(String(b[key]));

/** A table's rows in the order the connector reads them (modifiedon, then id). */
export function inReadOrder(rows: DataverseRow[], key: string): DataverseRow[] {
  return [...rows].sort(byCursor(key));
}

/**
 * The client secret fixtures are recorded with. It has no character that form encoding writes
 * differently from encodeURIComponent (`~ ! ' ( )`): testkit's scrubber only knows the latter,
 * so an Entra-style secret such as `abc8Q~x` would reach the token request bodies of the
 * cassettes. test/fixtures.test.ts checks that no form of it is left in fixtures/.
 */
export const RECORDING_SECRET = 'rec0rded-Client.secret_4242';

/** The forms a secret travels in: as is, URL-encoded, form-encoded, inside a JSON string. */
export function secretForms(secret: string): string[] {
  return [
    secret,
    encodeURIComponent(secret),
    new URLSearchParams({ s: secret }).toString().slice(2),
    JSON.stringify(secret).slice(1, -1),
  ];
}
