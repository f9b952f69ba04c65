// Test support: copies of the GitHub connector and fixtures recorded against its fake API,
// in a temporary folder inside the repository.
import { cp, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fakeGitHub, makeIssues } from '../../../../connectors/github/test/fake-github.ts';
import { record } from './record.ts';

const TMP = fileURLToPath(new URL('../../.test-tmp/', import.meta.url));
export const GITHUB = fileURLToPath(new URL('../../../../connectors/github', import.meta.url));
export const TOKEN = 'ghp_recorded_Secret_4242';

export async function tempFolder(name: string): Promise<string> {
  await mkdir(TMP, { recursive: true });
  return mkdtemp(join(TMP, `${name}-`));
}

/** A copy of the GitHub connector (manifest, schemas, package.json), its manifest edited. */
export async function copyGitHub(edit: (manifest: string) => string = (m) => m): Promise<string> {
  const dir = await tempFolder('github');
  for (const name of ['package.json', 'schemas'])
    await cp(join(GITHUB, name), join(dir, name), { recursive: true });
  const manifest = await readFile(join(GITHUB, 'connector.yaml'), 'utf8');
  await writeFile(join(dir, 'connector.yaml'), edit(manifest));
  return dir;
}

/** The GitHub connector's issues stream with the `title` field dropped by a transform. */
export const dropTitle = (manifest: string) =>
  manifest.replace('      transforms:\n', '      transforms:\n        - remove: [title]\n');

/** Records both GitHub streams against the fake API (closed afterwards) into a fixtures folder. */
export async function recordGitHub(connector = GITHUB): Promise<{ fixtures: string; url: string }> {
  const fixtures = join(await tempFolder('fixtures'), 'fixtures');
  const server = await fakeGitHub(TOKEN, {
    'acme/app': makeIssues(120),
    'acme/lib': makeIssues(3, Date.parse('2024-04-01T00:00:00Z')),
  });
  try {
    await record({
      connector,
      config: { token: TOKEN, repositories: ['acme/app', 'acme/lib'], baseUrl: server.url },
      fixtures,
    });
  } finally {
    await server.close();
  }
  return { fixtures, url: server.url };
}
