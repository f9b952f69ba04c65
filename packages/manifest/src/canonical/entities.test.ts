import { readdir } from 'node:fs/promises';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { createAjv } from '../schema-validator.ts';
import { CANONICAL_ENTITIES, type CanonicalEntity, canonicalSchema } from './entities.ts';
import { canonicalFields, canonicalLeafFields } from './fields.ts';

const compile = (entity: CanonicalEntity) => createAjv().compile(canonicalSchema(entity));

const kebab = (name: string) => name.replace(/[a-z][A-Z]/g, (m) => `${m[0]}-${m[1]}`).toLowerCase();

/** Every property schema of a schema, nested definitions included, with its JSON pointer. */
function properties(schema: unknown, at = ''): [string, Record<string, unknown>][] {
  if (!schema || typeof schema !== 'object') return [];
  const node = schema as Record<string, unknown>;
  const own = Object.entries((node.properties ?? {}) as Record<string, Record<string, unknown>>);
  return [
    ...own.map(([k, v]): [string, Record<string, unknown>] => [`${at}/properties/${k}`, v]),
    ...Object.entries((node.$defs ?? {}) as object).flatMap(([k, v]) =>
      properties(v, `${at}/$defs/${k}`),
    ),
  ];
}

describe('the canonical dictionary', () => {
  it('has one kebab-case schema file per entity, with a matching $id and title', async () => {
    const files = await readdir(new URL('../../schemas/canonical/', import.meta.url));
    expect(files.sort()).toEqual(
      ['common', ...CANONICAL_ENTITIES.map(kebab)].map((f) => `${f}.schema.json`).sort(),
    );
    for (const entity of CANONICAL_ENTITIES) {
      expect(canonicalSchema(entity)).toMatchObject({
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        $id: `https://ferry.dev/schemas/canonical/${kebab(entity)}.schema.json`,
        title: entity,
        additionalProperties: false,
      });
    }
  });

  it('describes every property, shared definitions included', () => {
    for (const entity of CANONICAL_ENTITIES) {
      const undescribed = properties(canonicalSchema(entity))
        .filter(([, p]) => typeof p.description !== 'string' || p.description.length < 10)
        .map(([pointer]) => `${entity}${pointer}`);
      expect(undescribed).toEqual([]);
    }
  });

  it('compiles each entity self-contained, with a plain draft 2020-12 validator too', () => {
    for (const entity of CANONICAL_ENTITIES) {
      expect(() => compile(entity)).not.toThrow();
      // No Ferry keywords, no external $ref: any 2020-12 validator (formats aside) takes it.
      expect(() =>
        new Ajv2020({ strict: true, validateFormats: false }).compile(canonicalSchema(entity)),
      ).not.toThrow();
    }
  });

  it('accepts a complete customer and rejects bad codes, formats, a missing name and unknown keys', () => {
    const validate = compile('Customer');
    const customer = {
      externalId: 'C-0042',
      name: 'Acme SAS',
      email: 'billing@acme.example',
      phone: '+33 1 23 45 67 89',
      website: 'https://acme.example',
      domain: 'acme.example',
      billingAddress: {
        street: '1 rue de la Paix',
        city: 'Paris',
        postalCode: '75002',
        country: 'FR',
      },
      shippingAddress: { street: null, city: 'Lyon', country: 'FR' },
      creditLimit: 5000,
      currency: 'EUR',
      vatNumber: 'FR40303265045',
      isCompany: true,
      updatedAt: '2024-05-01T10:00:00Z',
    };
    expect(validate(customer)).toBe(true);
    const errors = (value: object) => {
      validate(value);
      return (validate.errors ?? []).map((e) => `${e.instancePath} ${e.keyword}`);
    };
    expect(errors({ ...customer, email: 'not-an-email' })).toEqual(['/email format']);
    expect(errors({ ...customer, currency: 'eur' })).toEqual(['/currency pattern']);
    expect(errors({ ...customer, billingAddress: { country: 'France' } })).toEqual([
      '/billingAddress/country pattern',
    ]);
    expect(errors({ ...customer, updatedAt: 'yesterday' })).toEqual(['/updatedAt format']);
    expect(errors({ email: 'a@b.example' })).toEqual([' required']);
    expect(errors({ ...customer, colour: 'red' })).toEqual([' additionalProperties']);
  });

  it('keeps statuses to their lists and dates to their formats', () => {
    const order = compile('SalesOrder');
    expect(
      order({
        number: 'S00042',
        customer: { email: 'billing@acme.example', domain: 'acme.example' },
        status: 'confirmed',
        lines: [{ sku: 'CHAIR-1', name: 'Chair', quantity: 4, unitPrice: 49.5 }],
        total: 237.6,
        currency: 'EUR',
        orderedAt: '2024-05-01T10:00:00+02:00',
      }),
    ).toBe(true);
    expect(order({ status: 'shipped' })).toBe(false);
    expect(order({ lines: [{ sku: 'A', price: 1 }] })).toBe(false);
    const invoice = compile('Invoice');
    expect(invoice({ status: 'posted', paymentStatus: 'partial', dueDate: '2024-06-30' })).toBe(
      true,
    );
    expect(invoice({ paymentStatus: 'unpaid' })).toBe(false);
    expect(invoice({ dueDate: '30/06/2024' })).toBe(false);
    expect(compile('Product')({ name: 'Chair', price: 49.5, currency: 'EUR', active: true })).toBe(
      true,
    );
    expect(
      compile('Contact')({ email: 'jo@acme.example', customer: { domain: 'acme.example' } }),
    ).toBe(true);
  });

  it('lists field paths into nested objects, lists as leaves', () => {
    expect(canonicalFields('Customer')).toEqual(
      expect.arrayContaining(['name', 'billingAddress', 'billingAddress.city', 'updatedAt']),
    );
    expect(canonicalFields('SalesOrder')).toEqual(
      expect.arrayContaining(['lines', 'customer', 'customer.email']),
    );
    expect(canonicalFields('SalesOrder')).not.toContain('lines.sku');
    expect(canonicalLeafFields('Contact')).toContain('customer.domain');
    expect(canonicalLeafFields('Contact')).not.toContain('customer');
  });
});
