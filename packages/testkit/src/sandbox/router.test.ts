import { describe, expect, it } from 'vitest';
import { compilePattern, findRoute, matchPattern } from './router.ts';

const match = (pattern: string, path: string) => matchPattern(compilePattern(pattern), path);

describe('route patterns', () => {
  it('match literal paths and take :name parameters, URL-decoded', () => {
    expect(match('/crm/v3/objects/:type', '/crm/v3/objects/contacts')).toEqual({
      type: 'contacts',
    });
    expect(match('/crm/v3/objects/:type/:id', '/crm/v3/objects/deals/a%20b')).toEqual({
      type: 'deals',
      id: 'a b',
    });
    expect(match('/health', '/health')).toEqual({});
  });

  it('do not match other paths, longer or shorter ones included', () => {
    expect(match('/crm/v3/objects/:type', '/crm/v3/objects')).toBeUndefined();
    expect(match('/crm/v3/objects/:type', '/crm/v3/objects/a/b')).toBeUndefined();
    expect(match('/crm/v3/objects/:type', '/crm/v4/objects/a')).toBeUndefined();
  });

  it('ignore a trailing slash on the request path', () => {
    expect(match('/services/data/:version/query', '/services/data/v60.0/query/')).toEqual({
      version: 'v60.0',
    });
  });

  it('take parameters inside a segment, and treat regex characters as literal text', () => {
    expect(match('/api/data/v9.2/:set(:id)', '/api/data/v9.2/accounts(42)')).toEqual({
      set: 'accounts',
      id: '42',
    });
    expect(match('/api/data/v9.2/:set', '/api/data/v9x2/accounts')).toBeUndefined();
    expect(match('/v1/items:batchGet', '/v1/items:batchGet')).toBeDefined();
  });

  it('refuse patterns that are not paths, or repeat a parameter, with a coded error', () => {
    expect(() => compilePattern('crm/v3')).toThrow(
      expect.objectContaining({ code: 'FERRY_SANDBOX_ROUTE_INVALID' }),
    );
    expect(() => compilePattern('/a/:id/b/:id')).toThrow(/uses the parameter ':id' twice/);
  });
});

describe('finding a route', () => {
  const routes = [
    { method: 'GET', pattern: compilePattern('/items/:id'), name: 'get' },
    { method: '*', pattern: compilePattern('/any'), name: 'any' },
  ];

  it('takes the route whose path and method match, and says when only the path matched', () => {
    expect(findRoute(routes, 'GET', '/items/7')).toMatchObject({
      route: { name: 'get' },
      params: { id: '7' },
    });
    expect(findRoute(routes, 'PATCH', '/any').route?.name).toBe('any');
    expect(findRoute(routes, 'DELETE', '/items/7')).toEqual({ params: {}, methodNotAllowed: true });
    expect(findRoute(routes, 'GET', '/nothing')).toEqual({ params: {}, methodNotAllowed: false });
  });
});
