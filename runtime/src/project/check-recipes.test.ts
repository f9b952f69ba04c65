import { type Connector, openConnector } from '@ferry/declarative';
import { parseSource, type Recipe, type Source } from '@ferry/manifest';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { writeConnector } from '../pipeline/test-fixtures.ts';
import { checkRecipe } from './check-recipes.ts';

const read = { request: { path: '/items' }, records: { path: 'data' } };
const write = {
  request: { method: 'POST', path: '/items', body: { json: { items: '{{ records }}' } } },
};
const stream = (name: string, properties: string[], extra: object) => ({
  name,
  schema: {
    type: 'object',
    properties: Object.fromEntries(properties.map((p) => [p, { type: 'string' }])),
  },
  primaryKey: properties[0],
  ...extra,
});
const connector = (name: string, streams: object[]) => ({
  name,
  title: name,
  runtime: '^1',
  config: { type: 'object', properties: {} },
  http: { baseUrl: 'http://127.0.0.1:9' },
  streams,
});

// A CRM that reads companies (Customer), people (Contact) and leads (no entity), and an ERP
// that writes partners (Customer), contacts (Contact) and rows (no entity).
const CRM = connector('@test/crm', [
  stream('companies', ['id', 'mail', 'title'], {
    read,
    canonical: { entity: 'Customer', fields: { email: 'mail', name: 'title' } },
  }),
  stream('people', ['id', 'mail'], {
    read,
    canonical: { entity: 'Contact', fields: { email: 'mail' } },
  }),
  stream('leads', ['lead_email', 'fullname'], { read }),
  stream('broken', ['id'], {
    read,
    canonical: { entity: 'Customer', read: { name: '{{ $join(record.id ' } },
  }),
]);
const ERP = connector('@test/erp', [
  stream('partners', ['ref', 'email', 'name', 'city'], {
    write,
    canonical: { entity: 'Customer', fields: { email: 'email', name: 'name' } },
  }),
  stream('contacts', ['email', 'name'], {
    write,
    canonical: { entity: 'Contact', fields: { email: 'email' } },
  }),
]);

const YAML = `version: 1
recipes:
  same-entity:
    source: { connection: crm, stream: companies }
    destination: { connection: erp, stream: partners }
  other-entity:
    source: { connection: crm, stream: companies }
    destination: { connection: erp, stream: contacts }
  other-entity-mapped:
    source: { connection: crm, stream: companies }
    destination: { connection: erp, stream: contacts }
    mapping: { email: mail }
  one-sided:
    source: { connection: crm, stream: leads }
    destination: { connection: erp, stream: partners }
  overrides:
    source: { connection: crm, stream: companies }
    destination: { connection: erp, stream: partners }
    mapping:
      name: entity.nme
      ref: record.id
      city: record.town
      email: "$lowercase(entity.email)"
  bad-template:
    source: { connection: crm, stream: broken }
    destination: { connection: erp, stream: partners }
`;

let connectors: Map<string, Connector>;
let source: Source;
beforeAll(async () => {
  connectors = new Map([
    ['crm', await openConnector(await writeConnector(CRM))],
    ['erp', await openConnector(await writeConnector(ERP))],
  ]);
  source = parseSource(YAML, '/project/ferry.yaml').source as Source;
});

function check(id: string) {
  const recipe = (parse(YAML) as { recipes: Record<string, Recipe> }).recipes[id] as Recipe;
  return checkRecipe(source, id, recipe, connectors);
}

describe('checkRecipe with canonical streams', () => {
  it('accepts a recipe without a mapping between streams of one entity, and a mapped recipe between two', () => {
    expect(check('same-entity')).toEqual([]);
    expect(check('other-entity-mapped')).toEqual([]);
  });

  it('requires a mapping between streams of different entities, at the recipe line', () => {
    expect(check('other-entity')).toEqual([
      {
        code: 'FERRY_RECIPE_MAPPING_REQUIRED',
        file: '/project/ferry.yaml',
        path: '$.recipes["other-entity"]',
        line: 6,
        column: 3,
        message:
          "recipe 'other-entity' has no mapping, but its streams map onto different canonical entities (source 'companies' onto Customer, destination 'contacts' onto Contact)",
        hint: 'add a `mapping` (destination field -> expression over the source record), or use streams that map onto the same entity',
      },
    ]);
  });

  it('requires a mapping when only one stream maps onto an entity and the records share no field', () => {
    expect(check('one-sided')).toMatchObject([
      {
        code: 'FERRY_RECIPE_MAPPING_REQUIRED',
        path: '$.recipes["one-sided"]',
        line: 13,
        message: expect.stringContaining(
          "the records of 'leads' and 'partners' have no field in common",
        ),
        hint: expect.stringContaining(
          "a `canonical: { entity: Customer }` block to the source 'leads' stream's connector",
        ),
      },
    ]);
  });

  it('checks overrides against the source record (record.x) and the canonical entity (entity.x)', () => {
    expect(check('overrides').map((i) => `${i.code} ${i.path} ${i.line} ${i.message}`)).toEqual([
      "FERRY_RECIPE_MAPPING_UNKNOWN_SOURCE_FIELD $.recipes.overrides.mapping.name 20 mapping 'name' reads 'entity.nme', which is not a field of the canonical Customer",
      "FERRY_RECIPE_MAPPING_UNKNOWN_SOURCE_FIELD $.recipes.overrides.mapping.city 22 mapping 'city' reads 'record.town', which is not a field of source stream 'companies'",
    ]);
  });

  it("reports a canonical template that does not compile at the recipe's stream", () => {
    expect(check('bad-template')).toMatchObject([
      {
        code: 'FERRY_EXPRESSION_SYNTAX',
        path: '$.recipes["bad-template"].source.stream',
        line: 25,
        message: expect.stringMatching(
          /canonical mapping of stream 'broken' \(@test\/crm\) does not compile: .*connector\.json \$\.streams\[3\]\.canonical\.read\.name\)$/,
        ),
      },
    ]);
  });
});
