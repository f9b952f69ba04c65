// Test support: the Salesforce sandbox of @ferry/testkit as an org for this connector, and the
// sandbox's records in the shape the connector reads them.
import { fileURLToPath } from 'node:url';
import type { JsonObject } from '@ferry/sdk';
import {
  type SalesforceSandbox,
  type SalesforceSandboxOptions,
  startSalesforceSandbox,
} from '@ferry/testkit';
import type { Config } from '../src/config.ts';

export const packageDir = fileURLToPath(new URL('..', import.meta.url));

/**
 * A sandbox org whose query batches hold at most 5 records (Salesforce may return fewer than
 * the batch size asked for), so a few dozen records take several pages; and a config for it.
 */
export async function startOrg(
  options: SalesforceSandboxOptions = {},
): Promise<{ sandbox: SalesforceSandbox; config: Config }> {
  const sandbox = await startSalesforceSandbox({ batchSize: { min: 5, max: 5 }, ...options });
  const { clientId, clientSecret } = sandbox.credentials;
  return {
    sandbox,
    config: { instanceUrl: sandbox.url, loginUrl: sandbox.url, clientId, clientSecret },
  };
}

/** The sandbox's records of an sObject with only the fields the connector read, by Id. */
export function stored(
  sandbox: SalesforceSandbox,
  sobject: string,
  read: JsonObject[],
): Map<string, JsonObject> {
  const fields = Object.keys(read[0] ?? {});
  return new Map(
    sandbox.admin
      .list(sobject)
      .map((r) => [String(r.Id), Object.fromEntries(fields.map((f) => [f, r[f] ?? null]))]),
  );
}

/** The read records by Id (failing on a duplicate, which would mean a record read twice). */
export function byId(records: JsonObject[]): Map<string, JsonObject> {
  const out = new Map<string, JsonObject>();
  for (const record of records) {
    const id = String(record.Id);
    if (out.has(id)) throw new Error(`record ${id} was read twice`);
    out.set(id, record);
  }
  return out;
}
