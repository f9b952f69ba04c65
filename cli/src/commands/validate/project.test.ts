import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runFerry } from '../../test-cli.ts';

async function project(yaml: string): Promise<string> {
  const base = join(REPO_ROOT, 'cli', '.test-tmp');
  await mkdir(base, { recursive: true });
  const dir = await mkdtemp(join(base, 'validate-'));
  await writeFile(join(dir, 'ferry.yaml'), yaml);
  const installed = await runFerry([
    'install',
    join(REPO_ROOT, 'connectors/github'),
    join(REPO_ROOT, 'connectors/sqlite'),
    '--project',
    join(dir, 'ferry.yaml'),
  ]);
  expect(installed.code).toBe(0);
  return join(dir, 'ferry.yaml');
}

const YAML = `version: 1
connections:
  github:
    connector: "@ferry/connector-github@^0.1"
    config:
      token: \${env:GITHUB_TOKEN}
      repositories: [acme/app]
  db:
    connector: "@ferry/connector-sqlite@^0.1"
    config: { path: ./out.db, table: issues }
recipes:
  issues:
    source: { connection: github, stream: issues }
    destination: { connection: db, stream: rows }
    mapping: { id: id, title: title }
`;

describe('ferry validate <ferry.yaml> against installed connectors', () => {
  it('accepts a project whose connections and recipes fit the installed connectors', async () => {
    const file = await project(YAML);
    const result = await runFerry(['validate', file]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('reports a plain-text secret field, an unknown stream and an unresolvable pin, with lines', async () => {
    const file = await project(
      YAML.replace('token: ${env:GITHUB_TOKEN}', 'token: ghp_plaintext_123')
        .replace('stream: issues }', 'stream: isues }')
        .replace('@ferry/connector-sqlite@^0.1', '@ferry/connector-sqlite@^2'),
    );
    const result = await runFerry(['validate', file, '--json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as {
      issues: { code: string; path: string; line?: number }[];
    };
    const found = report.issues.map((i) => `${i.code} ${i.path} ${i.line}`);
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^FERRY_PROJECT_INLINE_SECRET \$\.connections\.github\.config\.token 6$/,
        ),
        expect.stringMatching(/ \$\.recipes\.issues\.source\.stream 13$/),
        expect.stringMatching(/ \$\.connections\.db\.connector 9$/),
      ]),
    );
    expect(result.stdout).not.toContain('ghp_plaintext_123');
  });
});
