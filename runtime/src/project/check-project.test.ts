import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { installConnectors } from '../install/install.ts';
import { crmConnector, GITHUB_CONNECTOR, tempDir } from '../install/test-fixtures.ts';
import { checkProjectAgainstInstalled } from './check-project.ts';
import { loadProject } from './load-project.ts';

let project: string;
beforeAll(async () => {
  project = await tempDir();
  await installConnectors(project, [GITHUB_CONNECTOR, await crmConnector()]);
});

async function check(yaml: string) {
  await writeFile(join(project, 'ferry.yaml'), yaml);
  const loaded = await loadProject(join(project, 'ferry.yaml'));
  return checkProjectAgainstInstalled(project, loaded);
}

const GOOD = `version: 1
connections:
  gh:
    connector: "@ferry/connector-github@~0.1.0"
    config:
      token: \${env:GH_TOKEN}
      repositories: [acme/app]
      baseUrl: \${env:GH_URL}
  crm:
    connector: "@acme/connector-crm@^1"
    config:
      apiKey: \${secret:crm-key}
      region: \${env:CRM_REGION}
      pageSize: 50
      oauth: { clientId: ferry, signingKey: "\${secret:crm-signing}" }
recipes:
  issues-to-crm:
    source: { connection: gh, stream: issues }
    destination: { connection: crm, stream: contacts }
    mapping:
      id: "$string(id)"
      email: user.login
      name: title
      company: $.repository
`;

describe('checkProjectAgainstInstalled', () => {
  it('accepts a project whose connections, configs, streams and mappings fit the installed connectors', async () => {
    expect(await check(GOOD)).toEqual([]);
  });

  it('reports every mismatch with the installed connectors, with its path and line', async () => {
    const issues = await check(`version: 1
connections:
  gh:
    connector: "@ferry/connector-github@~0.1.0"
    config:
      token: \${env:GH_TOKEN}
      repositories: acme/app
  crm:
    connector: "@acme/connector-crm@^1"
    config:
      apiKey: \${secret:crm-key}
      regoin: eu
      pageSize: \${env:PAGE_SIZE}
      oauth: { clientId: ferry, signingKey: plain-text-key-123 }
  later:
    connector: "@ferry/connector-github@^2"
recipes:
  a:
    source: { connection: crm, stream: events }
    destination: { connection: crm, stream: contactz }
  b:
    source: { connection: crm, stream: contacts }
    destination: { connection: crm, stream: contacts }
    mapping:
      emial: email
      name: nme
      company: $uppercase(name
      id: $.id
  c:
    source: { connection: gh, stream: issues }
    destination: { connection: gh, stream: repositories }
  d:
    source: { connection: later, stream: issues }
    destination: { connection: crm, stream: events }
    mapping:
      id: id
`);
    expect(issues.map((i) => `${i.code} ${i.path} ${i.line}`)).toEqual([
      'FERRY_SCHEMA_WRONG_TYPE $.connections.gh.config.repositories 7',
      'FERRY_SCHEMA_UNKNOWN_KEY $.connections.crm.config.regoin 12',
      'FERRY_SCHEMA_WRONG_TYPE $.connections.crm.config.pageSize 13',
      'FERRY_PROJECT_INLINE_SECRET $.connections.crm.config.oauth.signingKey 14',
      'FERRY_CONNECTOR_NOT_INSTALLED $.connections.later.connector 16',
      'FERRY_RECIPE_STREAM_NOT_READABLE $.recipes.a.source.stream 19',
      'FERRY_RECIPE_STREAM_NOT_FOUND $.recipes.a.destination.stream 20',
      'FERRY_RECIPE_MAPPING_UNKNOWN_FIELD $.recipes.b.mapping.emial 25',
      'FERRY_RECIPE_MAPPING_UNKNOWN_SOURCE_FIELD $.recipes.b.mapping.name 26',
      'FERRY_EXPRESSION_SYNTAX $.recipes.b.mapping.company 27',
      'FERRY_RECIPE_STREAM_NOT_WRITABLE $.recipes.c.destination.stream 31',
    ]);
    const byCode = Object.fromEntries(issues.map((i) => [i.code, i]));
    expect(byCode.FERRY_SCHEMA_UNKNOWN_KEY?.hint).toContain("'region'");
    expect(byCode.FERRY_CONNECTOR_NOT_INSTALLED).toMatchObject({
      file: join(project, 'ferry.yaml'),
      message: expect.stringContaining('installed: 0.1.0'),
      hint: expect.stringContaining('ferry install @ferry/connector-github@^2'),
    });
    expect(byCode.FERRY_RECIPE_STREAM_NOT_FOUND?.hint).toBe(
      'streams of @acme/connector-crm: contacts, events',
    );
    expect(byCode.FERRY_RECIPE_MAPPING_UNKNOWN_FIELD?.hint).toBe(
      "fields of 'contacts': id, email, name, company",
    );
    expect(JSON.stringify(issues)).not.toContain('plain-text-key-123');
  });

  it('takes a plain project object too, finding lines in ferry.yaml beside it', async () => {
    await writeFile(
      join(project, 'ferry.yaml'),
      GOOD.replace('stream: contacts', 'stream: people'),
    );
    const { project: data } = await loadProject(join(project, 'ferry.yaml'));
    const issues = await checkProjectAgainstInstalled(project, data);
    expect(issues.map((i) => `${i.code} ${i.path} ${i.line}`)).toEqual([
      'FERRY_RECIPE_STREAM_NOT_FOUND $.recipes["issues-to-crm"].destination.stream 19',
    ]);
  });
});
