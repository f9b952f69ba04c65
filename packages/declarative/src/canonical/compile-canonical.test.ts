import type { Canonical, Stream } from '@ferry/manifest';
import { describe, expect, it } from 'vitest';
import { connectorFrom, manifest } from '../test-connector.ts';
import { compileCanonical } from './compile-canonical.ts';

/** How the stream maps onto Customer. */
const mapping: Canonical = {
  entity: 'Customer',
  fields: {
    email: 'properties.email',
    phone: 'properties.phone',
    billingAddress: 'address',
    'billingAddress.country': 'properties.country_code',
    updatedAt: 'properties.hs_lastmodifieddate',
  },
  read: {
    name: "{{ $join([record.properties.first, record.properties.last], ' ') }}",
    creditLimit: '{{ $number(record.properties.credit) }}',
  },
  write: {
    'properties.first': "{{ $substringBefore(entity.name, ' ') }}",
    'properties.last': "{{ $substringAfter(entity.name, ' ') }}",
  },
};

/** A HubSpot-shaped company stream: values under `properties`, a name split in two. */
const companies: Stream = {
  name: 'companies',
  schema: {
    type: 'object',
    properties: {
      id: { type: 'string' },
      properties: { type: 'object' },
      address: { type: 'object' },
    },
  },
  primaryKey: 'id',
  canonical: mapping,
};

const where = { file: '/x/connector.yaml', path: '$.streams[0]' };

describe('compileCanonical', () => {
  it('maps a record onto the entity: plain paths both ways, nested paths built as objects, templates over record', async () => {
    const canonical = compileCanonical(companies, where);
    const record = {
      id: '7',
      address: { city: 'Lyon', postalCode: '69001' },
      properties: {
        email: 'hello@acme.example',
        phone: null,
        first: 'Acme',
        last: 'SAS',
        country_code: 'FR',
        credit: '5000',
      },
    };
    const before = structuredClone(record);
    const entity = await canonical?.toCanonical(record);
    expect(entity).toEqual({
      email: 'hello@acme.example',
      phone: null,
      billingAddress: { city: 'Lyon', postalCode: '69001', country: 'FR' },
      name: 'Acme SAS',
      creditLimit: 5000,
    });
    expect(record).toEqual(before);
    expect(canonical?.entity).toBe('Customer');
  });

  it('leaves undefined values out, without empty parent objects', async () => {
    const canonical = compileCanonical(companies, where);
    expect(await canonical?.toCanonical({ id: '8', properties: { first: 'Solo' } })).toEqual({
      name: 'Solo',
    });
    expect(await canonical?.fromCanonical({ email: 'a@b.example' })).toEqual({
      properties: { email: 'a@b.example' },
    });
  });

  it('maps the entity back: fields reversed, then templates over entity', async () => {
    const canonical = compileCanonical(companies, where);
    const entity = {
      name: 'Globex Corporation',
      email: 'ops@globex.example',
      billingAddress: { city: 'Springfield', country: 'US' },
      updatedAt: '2024-05-01T10:00:00Z',
    };
    const before = structuredClone(entity);
    expect(await canonical?.fromCanonical(entity)).toEqual({
      properties: {
        email: 'ops@globex.example',
        country_code: 'US',
        hs_lastmodifieddate: '2024-05-01T10:00:00Z',
        first: 'Globex',
        last: 'Corporation',
      },
      address: { city: 'Springfield', country: 'US' },
    });
    expect(entity).toEqual(before);
  });

  it('lists the canonical leaves the stream maps, objects expanded', () => {
    expect(compileCanonical(companies, where)?.fields).toEqual([
      'name',
      'email',
      'phone',
      'billingAddress.street',
      'billingAddress.street2',
      'billingAddress.city',
      'billingAddress.postalCode',
      'billingAddress.region',
      'billingAddress.country',
      'creditLimit',
      'updatedAt',
    ]);
    const opaque = { ...mapping, write: { blob: '{{ $string(entity) }}' } };
    expect(compileCanonical({ ...companies, canonical: opaque }, where)?.fields).toBeUndefined();
  });

  it('returns undefined for a stream without a canonical block', () => {
    const { canonical: _, ...plain } = companies;
    expect(compileCanonical(plain, where)).toBeUndefined();
  });

  it('reports a template that does not parse at its own path, and a failing one per record', async () => {
    const broken = { ...mapping, read: { 'billingAddress.city': '{{ $upper( }}' } };
    expect(() => compileCanonical({ ...companies, canonical: broken }, where)).toThrow(
      expect.objectContaining({
        code: 'FERRY_EXPRESSION_SYNTAX',
        file: '/x/connector.yaml',
        path: '$.streams[0].canonical.read["billingAddress.city"]',
      }),
    );
    const failing = { ...mapping, write: { total: '{{ $sum(entity.name) }}' } };
    await expect(
      compileCanonical({ ...companies, canonical: failing }, where)?.fromCanonical({ name: 'x' }),
    ).rejects.toMatchObject({
      code: 'FERRY_EXPRESSION_FAILED',
      path: '$.streams[0].canonical.write.total',
    });
  });
});

describe('Connector.canonical', () => {
  it('compiles a stream mapping once and names the entity in discover()', async () => {
    const connector = await connectorFrom(
      manifest({
        streams: [
          {
            name: 'people',
            schema: { type: 'object', properties: { mail: { type: 'string' } } },
            primaryKey: 'mail',
            canonical: { entity: 'Contact', fields: { email: 'mail' } },
          },
          {
            name: 'notes',
            schema: { type: 'object', properties: { id: { type: 'string' } } },
            primaryKey: 'id',
          },
        ],
      }),
    );
    const people = connector.canonical('people');
    expect(people).toBe(connector.canonical('people'));
    expect(await people?.toCanonical({ mail: 'jo@acme.example' })).toEqual({
      email: 'jo@acme.example',
    });
    expect(connector.canonical('notes')).toBeUndefined();
    expect(connector.canonical('nope')).toBeUndefined();
    expect(connector.discover().map((s) => [s.name, s.canonical])).toEqual([
      ['people', 'Contact'],
      ['notes', undefined],
    ]);
  });
});
