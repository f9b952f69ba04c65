/**
 * The accounts_changes stream: Dataverse change tracking. The first read asks for every account
 * with `Prefer: odata.track-changes` and follows `@odata.nextLink`; the last page carries an
 * `@odata.deltaLink`, which is the stream's state. A later read GETs that link and receives the
 * accounts created or changed since (their current values), then one `$deletedEntity` entry
 * per deleted account, emitted as `{ accountid, _deleted: true }`.
 *
 * The state is saved only with the delta link, after the last page: a read that fails midway
 * starts again from the previous link, and records may come twice (they are keyed upserts).
 * Ferry's declarative `{ cursor, keys }` state cannot hold a link, hence this handler.
 *
 * Source: https://learn.microsoft.com/power-apps/developer/data-platform/use-change-tracking-synchronize-data-external-systems
 */
import { defineConnector, type JsonObject } from '@ferry/sdk';
import type { Config } from './config.ts';

/** What the stream saves between reads. */
export interface ChangesState {
  deltaLink?: string;
}

/** The columns read; a delta link keeps the `$select` it was made with. */
export const ACCOUNT_COLUMNS = [
  'accountid',
  'name',
  'accountnumber',
  'emailaddress1',
  'telephone1',
  'address1_city',
  'revenue',
  'statecode',
  'createdon',
  'modifiedon',
  'versionnumber',
];

interface TrackedPage {
  value: JsonObject[];
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
}

const connector = defineConnector<Config>();

/** A changed row without its OData annotations, or the marker of a deleted one. */
export function changeRecord(item: JsonObject): JsonObject {
  const context = item['@odata.context'];
  if (typeof context === 'string' && context.endsWith('/$deletedEntity'))
    return { accountid: String(item.id), _deleted: true };
  const record: JsonObject = {};
  for (const [name, value] of Object.entries(item)) if (!name.startsWith('@')) record[name] = value;
  record._deleted = false;
  return record;
}

export const readAccountChanges = connector.read<ChangesState>(async function* (ctx) {
  // every page of a tracked read, delta pages included, asks for the same page size
  const headers = { Prefer: `odata.track-changes,odata.maxpagesize=${ctx.config.pageSize ?? 500}` };
  let response = ctx.state?.deltaLink
    ? await ctx.http.request({ url: ctx.state.deltaLink, headers })
    : await ctx.http.request({
        url: '/api/data/v9.2/accounts',
        query: { $select: ACCOUNT_COLUMNS.join(',') },
        headers,
      });
  for (;;) {
    const page = response.json<TrackedPage>();
    for (const item of page.value ?? []) yield { record: changeRecord(item) };
    const deltaLink = page['@odata.deltaLink'];
    if (deltaLink) {
      yield { state: { deltaLink } };
      return;
    }
    const next = page['@odata.nextLink'];
    if (!next)
      throw new Error(
        'Dataverse returned no @odata.deltaLink for accounts: enable change tracking on the Account table (Power Apps > Tables > Account > Properties > Advanced options > Track changes).',
      );
    response = await ctx.http.request({ url: next, headers });
  }
});
