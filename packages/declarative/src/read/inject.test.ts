import { describe, expect, it } from 'vitest';
import { inject, setAt } from './inject.ts';

describe('inject', () => {
  it('places a value at a nested body path without changing the rendered request', () => {
    // Odoo's execute_kw: the offset lives in params.args[6].offset
    const json = {
      params: { args: ['db', 2, 'key', 'res.partner', 'search_read', [[]], { limit: 5 }] },
    };
    const request = { method: 'POST' as const, url: '/jsonrpc', json };
    const next = inject(request, { in: 'body', path: ['params', 'args', 6, 'offset'] }, 10);
    expect(next.json).toEqual({
      params: {
        args: ['db', 2, 'key', 'res.partner', 'search_read', [[]], { limit: 5, offset: 10 }],
      },
    });
    expect(json.params.args[6]).toEqual({ limit: 5 });
  });

  it('creates missing objects and arrays on the way', () => {
    expect(setAt(undefined, ['a', 0, 'b'], 1)).toEqual({ a: [{ b: 1 }] });
  });

  it('keeps the query, header and top-level body forms', () => {
    const request = { url: '/x', json: { q: 1 } };
    expect(inject(request, { name: 'after' }, 'c2').query).toEqual({ after: 'c2' });
    expect(inject(request, { in: 'header', name: 'X-Page' }, 3).headers).toEqual({ 'X-Page': '3' });
    expect(inject(request, { in: 'body', name: 'after' }, 'c2').json).toEqual({
      q: 1,
      after: 'c2',
    });
  });
});
