import { describe, expect, it } from 'vitest';
import { seedAccounts, seedContacts } from './seed.ts';

describe('Dataverse sandbox: seed data', () => {
  it('is the same for the same seed and differs for another', () => {
    expect(seedAccounts(10, 1)).toEqual(seedAccounts(10, 1));
    expect(seedAccounts(10, 2)[0]?.accountid).not.toBe(seedAccounts(10, 1)[0]?.accountid);
  });

  it('has nulls, apostrophes, unicode, unique account numbers and shared modifiedon values', () => {
    const accounts = seedAccounts(24, 1);
    expect(accounts.some((a) => a.accountnumber === null)).toBe(true);
    expect(accounts.some((a) => String(a.name).includes("'"))).toBe(true);
    expect(accounts.some((a) => /[^ -~]/u.test(String(a.name)))).toBe(true);
    const numbers = accounts.flatMap((a) =>
      a.accountnumber === null ? [] : [String(a.accountnumber).toLowerCase()],
    );
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(new Set(accounts.map((a) => a.modifiedon)).size).toBeLessThan(accounts.length);
    const contacts = seedContacts(
      36,
      1,
      accounts.map((a) => String(a.accountid)),
    );
    const janes = contacts.filter((c) => c.fullname === 'Jane Smith');
    expect(janes.map((c) => c.emailaddress1)).toEqual([
      'jane.smith@contoso.example',
      'Jane.smith@contoso.example',
    ]);
  });
});
