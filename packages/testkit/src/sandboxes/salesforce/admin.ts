import { salesforceSandboxErrors } from './admin-errors.ts';
import { SalesforceFault } from './errors.ts';
import type { ApiUsage } from './limits.ts';
import type { Sessions } from './oauth.ts';
import { findSObject, type SObjectDef } from './schema.ts';
import type { RecordStore, SRecord } from './store.ts';
import type { SalesforceAdmin } from './types.ts';
import { readFields } from './validate.ts';

const invalid = (message: string) =>
  salesforceSandboxErrors.create('FERRY_SALESFORCE_SANDBOX_ADMIN_INVALID', message);

/** The admin API: direct access to the org's records, API limit and sessions, for tests. */
export function createAdmin(
  store: RecordStore,
  usage: ApiUsage,
  sessions: Sessions,
): SalesforceAdmin {
  const object = (name: string): SObjectDef => {
    const found = findSObject(name);
    if (!found) throw invalid(`the Salesforce sandbox has no sObject '${name}'`);
    return found;
  };
  const fields = (def: SObjectDef, values: Record<string, unknown>): SRecord => {
    let read: ReturnType<typeof readFields>;
    try {
      read = readFields(def, values);
    } catch (error) {
      // a value of the wrong type: the API would refuse the whole request
      if (error instanceof SalesforceFault)
        throw invalid(`${def.name}: ${error.errorCode}: ${error.message}`);
      throw error;
    }
    if (read.errors.length > 0)
      throw invalid(
        `${def.name}: ${read.errors.map((e) => `${e.statusCode}: ${e.message}`).join('; ')}`,
      );
    return read.values;
  };
  return {
    list: (name) => store.list(object(name)),
    get: (name, id) => store.get(object(name), id),
    findBy: (name, field, value) => store.findBy(object(name), field, value),
    create: (name, values) => store.insert(object(name), fields(object(name), values)),
    update(name, id, values) {
      const updated = store.update(object(name), id, fields(object(name), values));
      if (!updated) throw invalid(`the Salesforce sandbox has no ${name} with Id ${id}`);
      return updated;
    },
    apiUsage: () => ({ used: usage.used, limit: usage.limit }),
    setApiLimit({ limit, remaining }) {
      if (limit !== undefined) usage.limit = limit;
      if (remaining !== undefined) usage.used = Math.max(0, usage.limit - remaining);
    },
    expireSessions: () => sessions.expireAll(),
    tokensIssued: () => sessions.issued,
  };
}
