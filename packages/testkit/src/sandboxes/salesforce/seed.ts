/**
 * The sandbox org's starting data: deterministic (the same records, ids and timestamps on every
 * run) and realistic enough to catch mapping bugs: unicode names, apostrophes (SOQL escapes),
 * near-duplicates, null fields, several records sharing one SystemModstamp (incremental
 * boundaries) and SystemModstamp ahead of LastModifiedDate (system updates).
 */
import { findSObject, type SObjectDef } from './schema.ts';
import type { RecordStore, SRecord } from './store.ts';

export interface SeedCounts {
  accounts?: number;
  contacts?: number;
  opportunities?: number;
  products?: number;
}

const ACCOUNTS = [
  'Acme Corporation',
  'ACME Corp.',
  'Acme Corporation ',
  'Globex Industries',
  "O'Reilly Partners",
  'Société Générale d’Essai',
  'Müller & Söhne GmbH',
  '東京商事株式会社',
  'Łódź Logistics Sp. z o.o.',
  'Café ☕ Collective',
  'Ελληνική Ναυτιλία Α.Ε.',
  'São Paulo Distribuidora Ltda',
  'Åkesson Bygg AB',
  'Initech',
  'Umbrella Health',
  'Stark Industries',
  'Wayne Enterprises',
  'Vandelay Industries',
  'Nakatomi Trading',
  'Cyberdyne Systems',
];
const INDUSTRIES = ['Technology', 'Manufacturing', 'Finance', null, 'Healthcare', 'Retail'];
const TYPES = ['Customer - Direct', 'Prospect', 'Partner', null];
const CITIES: [string | null, string | null][] = [
  ['San Francisco', 'United States'],
  ['Paris', 'France'],
  ['München', 'Germany'],
  ['東京', 'Japan'],
  [null, null],
  ['Łódź', 'Poland'],
  ['São Paulo', 'Brazil'],
];
const FIRST = ['Ada', 'José', 'Zoë', 'Søren', 'Grace', 'Nguyễn', 'Siobhán', '李', 'Alan', null];
const LAST = [
  'Lovelace',
  'García',
  "O'Brien",
  'Kierkegaard',
  'Hopper',
  'Văn An',
  'Ní Bhriain',
  '小龍',
  'Turing',
];
const STAGES = [
  'Prospecting',
  'Qualification',
  'Proposal/Price Quote',
  'Closed Won',
  'Closed Lost',
];
const FAMILIES = ['Hardware', 'Software', 'Services', null];

const BASE = Date.UTC(2024, 0, 1);
const MINUTE = 60_000;

/**
 * When the nth record of a kind was created and changed: every 4th shares the previous record's
 * timestamp, every 5th had a later system update (SystemModstamp > LastModifiedDate).
 */
function stamps(n: number, offsetMinutes: number) {
  const step = n - Math.floor((n + 1) / 4);
  const modified = BASE + (offsetMinutes + step * 7) * MINUTE;
  return {
    created: modified - 30 * 24 * 60 * MINUTE,
    modified,
    system: n % 5 === 4 ? modified + 30_000 : modified,
  };
}

const pick = <T>(list: readonly T[], n: number): T => list[n % list.length] as T;

function insertAll(
  store: RecordStore,
  name: string,
  count: number,
  offset: number,
  make: (n: number) => SRecord,
) {
  const object = findSObject(name) as SObjectDef;
  const ids: string[] = [];
  for (let n = 0; n < count; n++)
    ids.push(store.insert(object, make(n), stamps(n, offset)).Id as string);
  return ids;
}

export function seed(store: RecordStore, counts: SeedCounts = {}): void {
  const accounts = insertAll(store, 'Account', counts.accounts ?? 24, 0, (n) => {
    const [city, country] = pick(CITIES, n);
    return {
      Name:
        n < ACCOUNTS.length
          ? (ACCOUNTS[n] as string)
          : `${pick(ACCOUNTS, n)} ${Math.floor(n / ACCOUNTS.length) + 1}`,
      External_Id__c: n % 7 === 6 ? null : `ACC-${String(1000 + n)}`,
      Industry: pick(INDUSTRIES, n),
      Type: pick(TYPES, n),
      BillingCity: city,
      BillingCountry: country,
      Phone: n % 3 === 2 ? null : `+1 415 555 ${String(100 + n).padStart(4, '0')}`,
      Website: n % 4 === 3 ? null : `https://www.example-${n}.com`,
      AnnualRevenue: n % 5 === 1 ? null : (n + 1) * 125_000.5,
      NumberOfEmployees: n % 6 === 5 ? null : (n + 1) * 12,
      Description: n % 8 === 0 ? `Key account #${n}.\nSecond line — «quoted» & 'single'.` : null,
    };
  });
  insertAll(store, 'Contact', counts.contacts ?? 30, 3, (n) => {
    const first = pick(FIRST, n);
    const last = pick(LAST, n + Math.floor(n / FIRST.length));
    const local = `${first ?? 'info'}.${last}`
      .normalize('NFD')
      .replace(/[^A-Za-z.]/g, '')
      .toLowerCase();
    return {
      AccountId: accounts.length > 0 ? pick(accounts, n) : null,
      External_Id__c: n % 6 === 5 ? null : `CON-${String(2000 + n)}`,
      FirstName: first,
      LastName: last,
      // a near-duplicate: the same address in capitals
      Email:
        n % 9 === 8
          ? null
          : n % 10 === 1
            ? `${local || 'contact'}${n}@EXAMPLE.COM`
            : `${local || 'contact'}${n}@example.com`,
      Phone: n % 4 === 0 ? null : `+44 20 7946 ${String(n).padStart(4, '0')}`,
      Title: n % 3 === 0 ? 'VP Engineering' : n % 3 === 1 ? null : 'Directeur général',
      Birthdate: n % 5 === 0 ? null : `19${70 + (n % 30)}-0${1 + (n % 9)}-${String(10 + (n % 18))}`,
    };
  });
  insertAll(store, 'Opportunity', counts.opportunities ?? 20, 5, (n) => {
    const stage = pick(STAGES, n);
    return {
      AccountId: accounts.length > 0 ? pick(accounts, n * 3) : null,
      Name: `${n % 2 === 0 ? 'Renewal' : 'New business'} ${2024 + (n % 2)} #${n}`,
      StageName: stage,
      Amount: n % 7 === 3 ? null : 5_000 + n * 1_250,
      Probability: stage === 'Closed Won' ? 100 : stage === 'Closed Lost' ? 0 : 10 + (n % 5) * 20,
      CloseDate: `2024-${String(1 + (n % 12)).padStart(2, '0')}-28`,
      IsClosed: stage.startsWith('Closed'),
      IsWon: stage === 'Closed Won',
    };
  });
  insertAll(store, 'Product2', counts.products ?? 8, 11, (n) => ({
    Name: `Product ${String.fromCharCode(65 + (n % 26))}${n}`,
    ProductCode: n % 3 === 2 ? null : `SKU-${100 + n}`,
    Family: pick(FAMILIES, n),
    IsActive: n % 4 !== 3,
    Description: null,
  }));
}
