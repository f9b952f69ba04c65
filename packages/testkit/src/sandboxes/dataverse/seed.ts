import { seededRandom } from '../../sandbox/random.ts';
import { isoSeconds, type Row } from './tables.ts';

/**
 * Deterministic seed rows: realistic company and person names with unicode, apostrophes (which
 * `$filter` and alternate-key URLs must escape as ''), nulls, near-duplicates that differ only in
 * case or punctuation, and rows sharing a `modifiedon` (the boundary a cursor must not lose).
 */
const COMPANIES = [
  'Contoso Ltd',
  'Contoso Ltd.',
  'contoso ltd',
  'Fabrikam, Inc.',
  "O'Brien & Partners",
  'Müller & Söhne GmbH',
  "Société Générale d'Équipement",
  'Ångström Optics AB',
  '北京星辰科技有限公司',
  'Łódź Logistics Sp. z o.o.',
  'Adventure Works Cycles',
  'Alpine Ski House',
  'Northwind Traders',
  'Wide World Importers',
  'Δέλτα Ναυτιλιακή Α.Ε.',
  'Café Olé 😀',
  'Tailspin Toys',
  'Coho Winery',
  'Litware, Inc.',
  'Woodgrove Bank',
];
const CITIES = ['Seattle', 'München', 'Zürich', 'São Paulo', 'Kraków', '東京', null, 'Reykjavík'];
const FIRST = ['Zoë', 'José', 'Søren', "D'Arcy", 'Nguyễn', 'Renée', 'Ólafur', 'Jane', 'Jane', 'Li'];
const LAST = ["O'Connor", 'García', 'Müller', 'Ng', 'Łukasiewicz', '王', 'Nakamura', 'Smith'];

/** A version-4 GUID drawn from the seeded generator. */
export function guidFrom(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = '4';
  hex[16] = ((Number.parseInt(hex[16] as string, 16) & 0x3) | 0x8).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

const slug = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '')
    .toLowerCase() || 'org';

/** Times on a few hourly slots, so that several rows share a `modifiedon`. */
function times(random: () => number, i: number) {
  const created = Date.UTC(2024, 0, 1 + i, 9, 0, 0);
  const modified = Date.UTC(2024, 5, 1, 8 + Math.floor(random() * 12), 0, 0);
  return { createdon: isoSeconds(new Date(created)), modifiedon: isoSeconds(new Date(modified)) };
}

export function seedAccounts(count: number, seed: number): Row[] {
  const random = seededRandom(seed * 7919 + 1);
  return Array.from({ length: count }, (_, i) => {
    const base = COMPANIES[i % COMPANIES.length] as string;
    const name = i < COMPANIES.length ? base : `${base} ${Math.floor(i / COMPANIES.length) + 1}`;
    return {
      accountid: guidFrom(random),
      name,
      // every 7th account has no account number: it can only be written by id
      accountnumber: i % 7 === 6 ? null : `ACC-${1001 + i}`,
      emailaddress1: i % 5 === 4 ? null : `info@${slug(name)}.example`,
      telephone1: i % 4 === 3 ? null : `+1-555-01${String(i % 100).padStart(2, '0')}`,
      address1_city: CITIES[i % CITIES.length] ?? null,
      revenue: i % 3 === 2 ? null : Math.round(random() * 5_000_000) / 100,
      statecode: i % 9 === 8 ? 1 : 0,
      ...times(random, i),
    };
  });
}

export function seedContacts(count: number, seed: number, accountIds: string[]): Row[] {
  const random = seededRandom(seed * 104729 + 2);
  return Array.from({ length: count }, (_, i) => {
    const firstname = FIRST[i % FIRST.length] as string;
    // contacts 7 and 8 are both Jane Smith; their email addresses differ only in case
    const lastname = i === 8 ? 'Smith' : (LAST[i % LAST.length] as string);
    const email = `${slug(firstname)}.${slug(lastname)}${i >= FIRST.length ? i : ''}@contoso.example`;
    return {
      contactid: guidFrom(random),
      firstname,
      lastname,
      fullname: `${firstname} ${lastname}`,
      emailaddress1: i % 6 === 5 ? null : i === 8 ? email.replace(/^j/, 'J') : email,
      telephone1: i % 3 === 1 ? null : `+44 20 7946 0${String(i % 1000).padStart(3, '0')}`,
      address1_city: CITIES[(i + 3) % CITIES.length] ?? null,
      _parentcustomerid_value: i % 4 === 3 ? null : (accountIds[i % accountIds.length] ?? null),
      statecode: 0,
      ...times(random, i),
    };
  });
}
