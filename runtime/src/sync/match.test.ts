import { describe, expect, it } from 'vitest';
import { matchKeys, normalizeDomain, normalizeName } from './match.ts';

describe('match rules', () => {
  it('normalises near-duplicate company names to one key', () => {
    for (const name of ['ACME Inc.', 'Acme, Inc', 'acme', '  ACME   Corporation '])
      expect(normalizeName(name)).toBe('acme');
    expect(normalizeName('Zoë Ångström & Co')).toBe('zoe angstrom and');
    expect(normalizeName('株式会社 山田')).toBe('株式会社 山田');
  });

  it('takes a domain from the website, else from a company email but not a free mailbox', () => {
    expect(normalizeDomain('https://www.Acme.com/about', undefined)).toBe('acme.com');
    expect(normalizeDomain(undefined, 'Billing@Acme.com')).toBe('acme.com');
    expect(normalizeDomain(undefined, 'ann.smith@gmail.com')).toBeUndefined();
  });

  it('gives the keys in rule order, skipping rules with no value', () => {
    expect(
      matchKeys(['email', 'domain', 'name'], {
        email: ' Sales@Acme.COM ',
        name: 'Acme, Inc.',
        isCompany: true,
      }),
    ).toEqual(['email:sales@acme.com', 'domain:acme.com', 'name:acme']);
    // people are matched by email only: a shared name or company domain is not the same person
    for (const isCompany of [false, undefined])
      expect(
        matchKeys(['email', 'domain', 'name'], {
          email: 'ana@acme.com',
          name: 'Ana Silva',
          isCompany,
        }),
      ).toEqual(['email:ana@acme.com']);
    expect(matchKeys(['email', 'name'], { email: 'not an email', name: null })).toEqual([]);
  });
});
