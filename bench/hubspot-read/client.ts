// One measured read of the HubSpot contacts, in its own process so that its peak RSS is its own.
// Usage: client.ts <engine|fetch> <baseUrl> <token> <expectedRecords>
// Prints one JSON line: { variant, records, ms, openMs, maxRssMb }; ms includes openMs.
import { fileURLToPath } from 'node:url';
import { openConnector } from '@ferry/declarative';

const [variant, baseUrl, token, expected] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
];
const CAP = 10_000;
// what the connector asks for (connectors/hubspot/connector.yaml)
const PROPERTIES = [
  'email',
  'firstname',
  'lastname',
  'phone',
  'company',
  'jobtitle',
  'address',
  'city',
  'zip',
  'state',
]
  .concat(['country', 'lifecyclestage', 'credit_limit', 'erp_customer_id', 'createdate'])
  .concat(['lastmodifieddate', 'hs_object_id']);

let openMs = 0;

async function viaEngine(): Promise<number> {
  const opening = performance.now();
  const connector = await openConnector(
    fileURLToPath(new URL('../../connectors/hubspot', import.meta.url)),
  );
  openMs = performance.now() - opening;
  let count = 0;
  for await (const batch of connector.read({ token, baseUrl }, { streams: ['contacts'] }))
    for (const message of batch) if (message.type === 'RECORD') count++;
  return count;
}

interface Page {
  results: { id: string; properties: Record<string, string | null> }[];
  paging?: { next: { after: string } };
}

/**
 * The baseline: the loop an integrator would write with fetch. Search pages of 200 sorted on
 * lastmodifieddate; before the 10,000-result cap, search again from the last date seen and
 * skip the ids already read at that date.
 */
async function viaFetch(): Promise<number> {
  let count = 0;
  let since = '0';
  let skip = new Set<string>();
  let lastDate = since;
  let idsAtLast = new Set<string>();
  let after: string | undefined;
  for (;;) {
    const response = await fetch(`${baseUrl}/crm/v3/objects/contacts/search`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        filterGroups: [
          {
            filters: [
              { propertyName: 'lastmodifieddate', operator: 'GTE', value: since },
              { propertyName: 'email', operator: 'HAS_PROPERTY' },
            ],
          },
        ],
        sorts: [{ propertyName: 'lastmodifieddate', direction: 'ASCENDING' }],
        properties: PROPERTIES,
        limit: 200,
        ...(after ? { after } : {}),
      }),
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}: ${await response.text()}`);
    const page = (await response.json()) as Page;
    for (const result of page.results) {
      const modified = String(Date.parse(result.properties.lastmodifieddate as string));
      if (modified === since && skip.has(result.id)) continue;
      if (modified !== lastDate) {
        lastDate = modified;
        idsAtLast = new Set();
      }
      idsAtLast.add(result.id);
      count++;
    }
    after = page.paging?.next.after;
    if (after === undefined) return count;
    if (Number(after) >= CAP) {
      since = lastDate;
      skip = idsAtLast;
      after = undefined;
    }
  }
}

const started = performance.now();
const records = await (variant === 'engine' ? viaEngine() : viaFetch());
const ms = performance.now() - started;
if (records !== Number(expected))
  throw new Error(`${variant} read ${records} records, expected ${expected}`);
console.log(
  JSON.stringify({ variant, records, ms, openMs, maxRssMb: process.resourceUsage().maxRSS / 1024 }),
);
