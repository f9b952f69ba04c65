import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VALID_MANIFEST, writeTree } from '../test-files.ts';
import { validateManifestFile } from '../validate-manifest.ts';

/** VALID_MANIFEST with a customers stream that maps onto the canonical dictionary. */
function withCanonical(canonical: string): string {
  return VALID_MANIFEST.replace(
    'check:\n',
    `  - name: customers
    schema:
      type: object
      properties:
        id: { type: integer }
        firstname: { type: string }
        lastname: { type: string }
        email: { type: string }
        address:
          type: object
          properties:
            city: { type: string }
            zip: { type: string }
        extra: { type: object }
    primaryKey: id
    canonical:
${canonical}
check:
`,
  );
}

const GOOD = `      entity: Customer
      fields:
        email: email
        billingAddress.city: address.city
        billingAddress.postalCode: address.zip
        vatNumber: extra.vat
      read:
        name: "{{ $join([record.firstname, record.lastname], ' ') }}"
      write:
        firstname: "{{ $substringBefore(entity.name, ' ') }}"
        address.zip: "{{ entity.billingAddress.postalCode }}"`;

async function validate(text: string) {
  const dir = await writeTree({ 'connector.yaml': text });
  return validateManifestFile(join(dir, 'connector.yaml'));
}

describe('a stream canonical block', () => {
  it('is accepted when its entity, canonical fields and record fields exist', async () => {
    const result = await validate(withCanonical(GOOD));
    expect(result.issues).toEqual([]);
    expect(result.value?.manifest.streams[1]?.canonical?.entity).toBe('Customer');
  });

  it('reports an unknown entity with the closest one', async () => {
    const result = await validate(
      withCanonical(GOOD.replace('entity: Customer', 'entity: Custmer')),
    );
    expect(result.issues).toMatchObject([
      {
        code: 'FERRY_MANIFEST_CANONICAL_UNKNOWN_ENTITY',
        path: '$.streams[1].canonical.entity',
        line: 42,
        message: "'Custmer' is not an entity of the canonical dictionary",
        hint: "did you mean 'Customer'? use one of: Customer, Contact, Product, SalesOrder, Invoice",
      },
    ]);
  });

  it('reports canonical paths the entity lacks and record paths the schema lacks, each with its line', async () => {
    const result = await validate(
      withCanonical(
        GOOD.replace('        email: email', '        emial: email')
          .replace('billingAddress.city: address.city', 'billingAddress.town: address.city')
          .replace('postalCode: address.zip', 'postalCode: address.zp')
          .replace('        name: "{{', '        nom: "{{')
          .replace('        firstname: "{{', '        first_name: "{{'),
      ),
    );
    expect(result.issues.map((i) => `${i.code} ${i.path} ${i.line}`)).toEqual([
      'FERRY_MANIFEST_CANONICAL_UNKNOWN_FIELD $.streams[1].canonical.fields.emial 44',
      'FERRY_MANIFEST_CANONICAL_UNKNOWN_FIELD $.streams[1].canonical.fields["billingAddress.town"] 45',
      'FERRY_MANIFEST_CANONICAL_UNKNOWN_RECORD_FIELD $.streams[1].canonical.fields["billingAddress.postalCode"] 46',
      'FERRY_MANIFEST_CANONICAL_UNKNOWN_FIELD $.streams[1].canonical.read.nom 49',
      'FERRY_MANIFEST_CANONICAL_UNKNOWN_RECORD_FIELD $.streams[1].canonical.write.first_name 51',
    ]);
    const [emial, town, zipcode, , firstName] = result.issues;
    expect(emial?.hint).toMatch(/^did you mean 'email'\? fields of Customer: externalId, name, /);
    expect(town?.hint).toMatch(/^did you mean 'billingAddress.city'\?/);
    expect(zipcode).toMatchObject({
      message:
        "'address.zp' is not a field of the stream's record schema ('zp' is not among the properties of 'address')",
      hint: "did you mean 'zip'? add 'zp' to the record schema, or use one of: city, zip",
    });
    expect(firstName?.hint).toMatch(/^did you mean 'firstname'\?/);
  });

  it('takes plain paths only under fields, reporting a template there once', async () => {
    const result = await validate(
      withCanonical(GOOD.replace('        email: email', '        email: "{{ record.email }}"')),
    );
    expect(result.issues).toMatchObject([
      {
        code: 'FERRY_SCHEMA_BAD_VALUE',
        path: '$.streams[1].canonical.fields.email',
        hint: expect.stringContaining('a computed value is a template under `read` or `write`'),
      },
    ]);
  });

  it('is closed: an unknown key is a schema error with a suggestion', async () => {
    const result = await validate(withCanonical(GOOD.replace('      read:', '      reads:')));
    expect(result.issues.map((i) => `${i.code} ${i.path} ${i.hint}`)).toEqual([
      "FERRY_SCHEMA_UNKNOWN_KEY $.streams[1].canonical.reads did you mean 'read'?",
    ]);
  });
});
