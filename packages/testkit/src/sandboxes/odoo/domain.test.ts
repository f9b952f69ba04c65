// Domains as https://www.odoo.com/documentation/17.0/developer/reference/backend/orm.html (Search domains) describes them.
import { describe, expect, it } from 'vitest';
import { compileDomain, type DomainTarget } from './domain.ts';

interface Row {
  id: number;
  name: string | false;
  email: string | false;
  score: number | false;
  active: boolean;
  country_id: [number, string] | false;
}

const rows: Row[] = [
  {
    id: 1,
    name: 'ACME Inc.',
    email: 'sales@acme.example',
    score: 10,
    active: true,
    country_id: [5, 'United States'],
  },
  {
    id: 2,
    name: 'Acme, Inc.',
    email: 'Sales@ACME.example',
    score: 3,
    active: true,
    country_id: [5, 'United States'],
  },
  {
    id: 3,
    name: 'Agrolait',
    email: false,
    score: false,
    active: false,
    country_id: [1, 'Belgium'],
  },
  {
    id: 4,
    name: 'Müller 100%',
    email: 'info@mueller.example',
    score: 7,
    active: true,
    country_id: false,
  },
];

const target: DomainTarget<Row> = {
  getter: (path) => {
    if (!['id', 'name', 'email', 'score', 'active', 'country_id'].includes(path)) return undefined;
    const type = path === 'country_id' ? 'many2one' : path === 'active' ? 'boolean' : 'char';
    return (row) => ({ value: row[path as keyof Row], type });
  },
};

const ids = (domain: unknown) =>
  rows.filter(compileDomain(domain, target, 'res.partner')).map((r) => r.id);

describe('Odoo domains', () => {
  it('compares values, with empty values matching only false, != and not in (as SQL NULL does)', () => {
    expect(ids([['score', '>', 5]])).toEqual([1, 4]);
    expect(ids([['score', '<=', 3]])).toEqual([2]);
    expect(ids([['email', '=', false]])).toEqual([3]);
    expect(ids([['email', '!=', false]])).toEqual([1, 2, 4]);
    expect(ids([['email', '!=', 'sales@acme.example']])).toEqual([2, 3, 4]);
    expect(ids([['id', 'in', [2, 4]]])).toEqual([2, 4]);
    expect(ids([['id', 'not in', [2, 4]]])).toEqual([1, 3]);
    expect(ids([['country_id', 'not in', [5]]])).toEqual([3, 4]);
    expect(ids([['active', '=', false]])).toEqual([3]);
  });

  it('matches like, ilike and =ilike patterns, and many2one by id or by display name', () => {
    expect(ids([['email', 'ilike', 'SALES@acme']])).toEqual([1, 2]);
    expect(ids([['email', 'like', 'Sales@']])).toEqual([2]);
    expect(ids([['email', '=ilike', 'sales@acme.example']])).toEqual([1, 2]);
    expect(ids([['name', '=like', 'A%Inc.']])).toEqual([1, 2]);
    expect(ids([['name', 'ilike', '100%']])).toEqual([4]);
    expect(ids([['email', 'not ilike', 'acme']])).toEqual([3, 4]);
    expect(ids([['country_id', '=', 1]])).toEqual([3]);
    expect(ids([['country_id', '=', 'United States']])).toEqual([1, 2]);
    expect(ids([['country_id', 'ilike', 'belg']])).toEqual([3]);
  });

  it('combines terms in prefix notation, ANDing consecutive terms', () => {
    expect(ids(['|', ['id', '=', 1], ['id', '=', 3]])).toEqual([1, 3]);
    expect(
      ids([
        ['score', '>', 1],
        ['email', 'ilike', 'acme'],
      ]),
    ).toEqual([1, 2]);
    expect(ids(['!', ['email', 'ilike', 'acme']])).toEqual([3, 4]);
    expect(ids(['|', '&', ['id', '>', 1], ['score', '>', 5], ['id', '=', 1]])).toEqual([1, 4]);
    expect(ids([])).toEqual([1, 2, 3, 4]);
    expect(ids([[1, '=', 1]])).toEqual([1, 2, 3, 4]);
  });

  it('raises ValueError for unknown fields and operators and malformed domains', () => {
    const error = (domain: unknown) => {
      try {
        compileDomain(domain, target, 'res.partner');
      } catch (e) {
        return e as { odooName: string; message: string };
      }
      return undefined;
    };
    expect(error([['nope', '=', 1]])).toMatchObject({
      odooName: 'builtins.ValueError',
      message: expect.stringContaining('Invalid field res.partner.nope'),
    });
    expect(error([['name', '~', 'a']])?.odooName).toBe('builtins.ValueError');
    expect(error(['|', ['id', '=', 1]])?.message).toContain('syntactically not correct');
    expect(error([['id', 'in', 3]])?.odooName).toBe('builtins.ValueError');
    expect(error('id = 1')?.odooName).toBe('builtins.ValueError');
  });
});
