import type { JsonObject } from '@ferry/sdk';

const NOTES =
  'Prefers e-mail. Account reviewed quarterly; renewal discussed with procurement. '.repeat(8);
const CITIES = ['Lyon', 'München', 'Osaka', 'Austin', 'Porto', 'Kraków', 'Zürich', 'Leeds'];

/** A synthetic person record of about 1 KB of JSON, the same for the same index. */
export function makePerson(i: number): JsonObject {
  return {
    id: i + 1,
    email: `person${i}@example.com`,
    first_name: `First${i % 997}`,
    last_name: `Last${i % 1009}`,
    company: `Company ${i % 211} GmbH`,
    city: CITIES[i % CITIES.length] as string,
    country: ['DE', 'FR', 'US', 'JP', 'PT', 'PL', 'CH', 'GB'][i % 8] as string,
    phone: `+49 30 ${String(1_000_000 + i).slice(-7)}`,
    amount: (i % 100_000) / 100,
    active: i % 3 !== 0,
    tags: ['customer', i % 2 ? 'b2b' : 'b2c', `segment-${i % 7}`],
    notes: NOTES,
    created_at: new Date(1_700_000_000_000 + i * 1000).toISOString(),
    updated_at: new Date(1_710_000_000_000 + i * 1000).toISOString(),
  };
}

/** The recipe mapping of the benchmark: 10 fields, plain paths. */
export const MAPPING: Record<string, string> = {
  id: 'id',
  email: 'email',
  firstName: 'first_name',
  lastName: 'last_name',
  company: 'company',
  city: 'city',
  country: 'country',
  phone: 'phone',
  amount: 'amount',
  updatedAt: 'updated_at',
};
