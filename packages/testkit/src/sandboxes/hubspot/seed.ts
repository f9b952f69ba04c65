// Deterministic seeded data: the curated records first, then generated ones, with dates spread
// over 2024 (created between 1 January and 30 November, modified up to 30 days later) so that
// the modification order differs from the id order. Every tenth object takes the modification
// date of the object before it when that date is not before its own creation, so reads meet ties
// on the cursor.
// Property values follow https://developers.hubspot.com/docs/guides/crm/using-object-apis (strings
// or null, ISO 8601 dates with ms).
import { seededRandom } from '../../sandbox/random.ts';
import { DEAL_STAGES } from './properties.ts';
import { CURATED } from './seed-curated.ts';
import {
  COMPANY_SUFFIXES,
  COMPANY_WORDS,
  COUNTRIES,
  FIRST_NAMES,
  LAST_NAMES,
  PRODUCT_WORDS,
} from './seed-data.ts';
import type { ObjectStore } from './store.ts';
import type { HubspotObjectType } from './types.ts';

type Values = Record<string, string | null>;

export const DEFAULT_COUNTS: Record<HubspotObjectType, number> = {
  contacts: 30,
  companies: 12,
  deals: 20,
  products: 15,
};

const START = Date.UTC(2024, 0, 1);
const CREATED_SPAN = Date.UTC(2024, 10, 30) - START;
const MAX_EDIT_DELAY = 30 * 24 * 3600 * 1000;

export function seed(
  store: ObjectStore,
  counts: Partial<Record<HubspotObjectType, number>>,
  seedValue: number,
): void {
  const random = seededRandom(seedValue);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const makers: Record<HubspotObjectType, (i: number) => Values> = {
    contacts: (i) => {
      const first = pick(FIRST_NAMES);
      const last = pick(LAST_NAMES);
      return {
        firstname: first,
        lastname: last,
        email: `${ascii(first)}.${ascii(last)}.${i}@${ascii(pick(COMPANY_WORDS))}.example`,
        company: random() < 0.2 ? null : `${pick(COMPANY_WORDS)} ${pick(COMPANY_SUFFIXES)}`,
        country: pick(COUNTRIES),
        phone: random() < 0.3 ? null : `+49 30 ${String(1_000_000 + i).slice(-7)}`,
        lifecyclestage: random() < 0.5 ? 'lead' : 'customer',
      };
    },
    companies: (i) => {
      const word = pick(COMPANY_WORDS);
      return {
        name: `${word} ${pick(COMPANY_SUFFIXES)} ${i}`,
        domain: `${ascii(word)}${i}.example`,
        country: pick(COUNTRIES),
        numberofemployees: random() < 0.3 ? null : String(Math.floor(random() * 5000) + 1),
      };
    },
    deals: (i) => ({
      dealname: `${pick(COMPANY_WORDS)} order ${i}`,
      dealstage: pick(DEAL_STAGES),
      amount: random() < 0.1 ? null : (Math.floor(random() * 1_000_000) / 100).toFixed(2),
      pipeline: 'default',
    }),
    products: (i) => ({
      name: `${pick(PRODUCT_WORDS)} ${i}`,
      description: random() < 0.3 ? '' : `${pick(PRODUCT_WORDS)} for ${pick(COMPANY_WORDS)}`,
      price: (Math.floor(random() * 100_000) / 100).toFixed(2),
      hs_sku: `SKU-${String(i).padStart(5, '0')}`,
      stock_quantity: String(Math.floor(random() * 500)),
    }),
  };
  for (const type of Object.keys(DEFAULT_COUNTS) as HubspotObjectType[]) {
    const count = counts[type] ?? DEFAULT_COUNTS[type];
    const curated = CURATED[type];
    let previousModified = START;
    for (let i = 0; i < count; i++) {
      const values = i < curated.length ? { ...curated[i] } : makers[type](i);
      const created = START + Math.floor((CREATED_SPAN * i) / Math.max(count, 1));
      const modified =
        i % 10 === 9 && previousModified >= created
          ? previousModified
          : created + Math.floor(random() * MAX_EDIT_DELAY);
      previousModified = modified;
      store.create(type, values, { createdAt: new Date(created), updatedAt: new Date(modified) });
    }
  }
}

/** A name as the local part of an email: accents removed, other non-ASCII letters dropped. */
function ascii(name: string): string {
  const folded = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]/g, '')
    .toLowerCase();
  return folded === '' ? 'x' : folded;
}
