import { describe, expect, it } from 'vitest';
import { checksum } from './ids.ts';
import { findSObject, type SObjectDef } from './schema.ts';
import { seed } from './seed.ts';
import { RecordStore } from './store.ts';

function seeded() {
  const store = new RecordStore(() => 0);
  seed(store);
  const list = (name: string) => store.list(findSObject(name) as SObjectDef);
  return {
    accounts: list('Account'),
    contacts: list('Contact'),
    opportunities: list('Opportunity'),
  };
}

describe('the Salesforce sandbox seed data', () => {
  it('is the same on every run, with valid 18-character ids', () => {
    const { accounts, contacts } = seeded();
    expect(seeded().accounts).toEqual(accounts);
    expect(accounts).toHaveLength(24);
    expect(contacts).toHaveLength(30);
    for (const { Id } of [...accounts, ...contacts]) {
      const id = String(Id);
      expect(id).toMatch(/^(001|003)\w{15}$/);
      expect(id.slice(15)).toBe(checksum(id.slice(0, 15)));
    }
  });

  it('has the awkward cases: unicode, quotes, near-duplicates, nulls, shared and system stamps', () => {
    const { accounts, contacts, opportunities } = seeded();
    const names = accounts.map((a) => a.Name);
    expect(names).toEqual(
      expect.arrayContaining([
        'Acme Corporation',
        'ACME Corp.',
        'Acme Corporation ',
        "O'Reilly Partners",
        '東京商事株式会社',
      ]),
    );
    expect(accounts.filter((a) => a.External_Id__c === null).length).toBeGreaterThan(0);
    const stamps = accounts.map((a) => a.SystemModstamp);
    expect(new Set(stamps).size).toBeLessThan(stamps.length);
    expect(accounts.some((a) => String(a.SystemModstamp) > String(a.LastModifiedDate))).toBe(true);
    expect(contacts.every((c) => accounts.some((a) => a.Id === c.AccountId))).toBe(true);
    expect(contacts.map((c) => c.Email)).toContain(null);
    expect(opportunities.every((o) => o.IsWon === (o.StageName === 'Closed Won'))).toBe(true);
  });
});
