import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VALID_MANIFEST, writeTree } from './test-files.ts';
import { validateManifestFile } from './validate-manifest.ts';

async function validate(
  text: string,
  name = 'connector.yaml',
  extra: Record<string, string | object> = {},
) {
  const dir = await writeTree({ [name]: text, ...extra });
  return validateManifestFile(join(dir, name));
}

describe('validateManifestFile', () => {
  it('accepts a valid manifest and resolves its record schemas', async () => {
    const result = await validate(VALID_MANIFEST);
    expect(result.issues).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.value?.schemas.orders?.properties).toHaveProperty('updated');
  });

  it('reports an unknown key, a wrong type and a missing key at once, each with path and line', async () => {
    const broken = VALID_MANIFEST.replace('title: Shop\n', '')
      .replace('    primaryKey: id', '    primaryKy: id\n    primaryKey: 7')
      .replace('    cursorField: updated\n', '    cursorField: updated\n    colour: blue\n');
    const result = await validate(broken);
    expect(result.ok).toBe(false);
    const found = result.issues.map(({ code, path, line }) => ({ code, path, line }));
    expect(found).toEqual(
      expect.arrayContaining([
        { code: 'FERRY_SCHEMA_MISSING_KEY', path: '$.title', line: 1 },
        { code: 'FERRY_SCHEMA_UNKNOWN_KEY', path: '$.streams[0].primaryKy', line: 19 },
        { code: 'FERRY_SCHEMA_WRONG_TYPE', path: '$.streams[0].primaryKey', line: 20 },
        { code: 'FERRY_SCHEMA_UNKNOWN_KEY', path: '$.streams[0].colour', line: 22 },
      ]),
    );
    expect(result.issues).toHaveLength(4);
    const misspelt = result.issues.find((i) => i.path === '$.streams[0].primaryKy');
    expect(misspelt?.hint).toBe("did you mean 'primaryKey'?");
    expect(result.issues.find((i) => i.path === '$.streams[0].primaryKey')?.message).toBe(
      'must be a string or a list, got a whole number',
    );
  });

  it('lists the allowed values for an enum and suggests the closest', async () => {
    const result = await validate(VALID_MANIFEST.replace('type: offset', 'type: ofset'));
    const issue = result.issues.find((i) => i.path === '$.streams[0].read.pagination.type');
    expect(issue?.code).toBe('FERRY_SCHEMA_BAD_VALUE');
    expect(issue?.message).toContain('"cursor", "next-url", "link-header", "page", "offset"');
    expect(issue?.hint).toBe("did you mean 'offset'?");
  });

  it('explains the branch a value was meant for (auth variants)', async () => {
    const result = await validate(VALID_MANIFEST.replace('name: X-Api-Key, ', 'nam: X-Api-Key, '));
    const codes = result.issues.map((i) => `${i.code} ${i.path}`);
    expect(codes).toEqual([
      'FERRY_SCHEMA_MISSING_KEY $.http.auth.name',
      'FERRY_SCHEMA_UNKNOWN_KEY $.http.auth.nam',
    ]);
  });

  it('fails with FERRY_RUNTIME_INCOMPATIBLE when the runtime range excludes this runtime', async () => {
    const result = await validate(VALID_MANIFEST.replace('runtime: "^1"', 'runtime: "^2"'));
    expect(result.issues).toMatchObject([
      {
        code: 'FERRY_RUNTIME_INCOMPATIBLE',
        path: '$.runtime',
        line: 3,
        message: expect.stringContaining('expects runtime ^2'),
      },
    ]);
  });

  it('reports YAML syntax errors with their line', async () => {
    const result = await validate(VALID_MANIFEST.replace('title: Shop', 'title: "Shop'));
    expect(result.issues[0]).toMatchObject({ code: 'FERRY_YAML_SYNTAX', line: expect.any(Number) });
  });

  it('reads JSON manifests with line numbers and reports JSON syntax errors', async () => {
    const json = JSON.stringify(
      {
        name: 'x',
        title: 'X',
        runtime: '^1',
        config: { type: 'object', properties: {} },
        streams: [{ name: 's', schema: { type: 'object' }, primaryKey: 'id', extra: 1 }],
      },
      null,
      2,
    );
    const result = await validate(json, 'connector.json');
    expect(result.issues).toMatchObject([
      { code: 'FERRY_SCHEMA_UNKNOWN_KEY', path: '$.streams[0].extra', line: 16 },
      { code: 'FERRY_MANIFEST_UNKNOWN_FIELD', path: '$.streams[0].primaryKey' },
    ]);
    const bad = await validate('{ "name": "x", }', 'connector.json');
    expect(bad.issues[0]).toMatchObject({ code: 'FERRY_JSON_SYNTAX', line: 1 });
  });

  it('checks streams against each other, their schemas and the files they name', async () => {
    const text =
      `${VALID_MANIFEST.replace('cursorField: updated', 'cursorField: modified').replace('stream: orders', 'stream: order')}
  - name: orders
    schema: ./schemas/missing.json
    primaryKey: id
  - name: refunds
    schema: ./schemas/refunds.yaml
    primaryKey: [id]
    read: { handler: ./dist/refunds.js#read }
`
        .replace('\ncheck:\n  stream: order\n\n', '\n')
        .concat('check:\n  stream: order\n');
    const result = await validate(
      text.replace(/check:\n {2}stream: order\n {2}- name/, '  - name'),
      'connector.yaml',
      {
        'schemas/refunds.yaml': 'type: object\nproperties:\n  id: { type: strin }\n',
      },
    );
    const found = result.issues.map((i) => `${i.code} ${i.path}`);
    expect(found).toEqual(
      expect.arrayContaining([
        'FERRY_MANIFEST_UNKNOWN_FIELD $.streams[0].cursorField',
        'FERRY_MANIFEST_DUPLICATE_STREAM $.streams[1].name',
        'FERRY_MANIFEST_FILE_MISSING $.streams[1].schema',
        'FERRY_MANIFEST_FILE_MISSING $.streams[2].read.handler',
        'FERRY_MANIFEST_BAD_SCHEMA $',
        'FERRY_MANIFEST_UNKNOWN_STREAM $.check.stream',
      ]),
    );
    expect(result.issues).toHaveLength(6);
    expect(result.issues.find((i) => i.path === '$.streams[2].read.handler')?.hint).toContain(
      'npm run build',
    );
    expect(result.issues.find((i) => i.code === 'FERRY_MANIFEST_BAD_SCHEMA')?.file).toMatch(
      /refunds\.yaml$/,
    );
  });
});
