// Test support: a real project folder for the daemon and dlq commands. A local paginated API
// (served by the test process, optionally slowed down per page), a declarative source connector
// package for it and the sqlite connector as destination, both installed with `ferry install`
// as a user would (once per machine and package contents, see installedConnectors).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import {
  copyFile,
  cp,
  mkdir,
  mkdtemp,
  readFile,
  rename,
  rm,
  stat,
  writeFile,
} from 'node:fs/promises';
import { join } from 'node:path';
import { startServer, type TestServer } from '@ferry/declarative/testing';
import type { JsonObject } from '@ferry/sdk';
import Database from 'better-sqlite3';
import { CUSTOMERS_MANIFEST } from '../../../../runtime/src/pipeline/test-fixtures.ts';
import { REPO_ROOT, runFerry } from '../../test-cli.ts';

const SQLITE_CONNECTOR = join(REPO_ROOT, 'connectors', 'sqlite');
/**
 * Projects live inside the repository, so installed connectors reuse the repository's
 * dependencies (better-sqlite3 is not rebuilt for each install).
 */
const TMP = join(REPO_ROOT, 'cli', '.test-tmp');
const tmpdir = () => {
  mkdirSync(TMP, { recursive: true });
  return TMP;
};

/** Customers with an integer id and a sequence number as cursor. */
export function customers(count: number): JsonObject[] {
  return Array.from({ length: count }, (_, i) => ({
    id: i + 1,
    seq: i + 1,
    email: `c${i + 1}@example.com`,
    name: `Customer ${i + 1}`,
  }));
}

const SOURCE_MANIFEST = { ...CUSTOMERS_MANIFEST, name: '@test/connector-customers' };

export interface CliProject {
  dir: string;
  file: string;
  api: TestServer;
  rows: JsonObject[];
  /** The destination SQLite file (table `people`, key `id`). */
  destination: string;
  /** The project's store file. */
  store: string;
  /** The destination's rows, by id. */
  written(): JsonObject[];
}

/**
 * A project folder with its own ferry.yaml (a recipe `customers`: api.customers ->
 * warehouse.rows, plus `options.recipe`) and the two connectors installed.
 */
export async function installedProject(options: {
  rows: JsonObject[];
  pageDelayMs?: number;
  recipe?: JsonObject;
}): Promise<CliProject> {
  const { rows } = options;
  const api = await startServer(({ query }) => {
    const since = Number(query.get('since') ?? 0);
    return {
      json: { data: rows.filter((r) => (r.seq as number) >= since).slice(0, 200) },
      ...(options.pageDelayMs ? { delayMs: options.pageDelayMs } : {}),
    };
  });
  const dir = await mkdtemp(join(tmpdir(), 'ferry-cli-daemon-'));
  const installed = await installedConnectors();
  await cp(join(installed, '.ferry'), join(dir, '.ferry'), {
    recursive: true,
    verbatimSymlinks: true,
  });
  await copyFile(join(installed, 'ferry.lock'), join(dir, 'ferry.lock'));
  const destination = join(dir, 'out.db');
  const recipe = {
    source: { connection: 'api', stream: 'customers' },
    destination: { connection: 'warehouse', stream: 'rows' },
    ...options.recipe,
  };
  const file = join(dir, 'ferry.yaml');
  await writeFile(
    file,
    JSON.stringify(
      {
        version: 1,
        connections: {
          api: { connector: '@test/connector-customers@^1', config: { baseUrl: api.url } },
          warehouse: {
            connector: '@ferry/connector-sqlite@^0.1',
            config: { path: destination, table: 'people', key: 'id' },
          },
        },
        recipes: { customers: recipe },
      },
      null,
      2,
    ),
  );
  return {
    dir,
    file,
    api,
    rows,
    destination,
    store: join(dir, '.ferry', 'ferry.db'),
    written() {
      const db = new Database(destination, { readonly: true, fileMustExist: true });
      try {
        return db.prepare('SELECT * FROM people ORDER BY id').all() as JsonObject[];
      } finally {
        db.close();
      }
    },
  };
}

/**
 * Both connectors installed with `ferry install` (a child process) into a project folder that
 * is kept in the temp folder, keyed by the packages' contents, and copied into each test's
 * project: installing the sqlite connector builds better-sqlite3 (a minute without a prebuilt
 * binary), which test files share this way. Parallel test files wait for one build.
 */
async function installedConnectors(): Promise<string> {
  const packages = await mkdtemp(join(tmpdir(), 'ferry-cli-packages-'));
  const source = join(packages, 'customers');
  await mkdir(source);
  await writeFile(join(source, 'connector.json'), JSON.stringify(SOURCE_MANIFEST, null, 2));
  await writeFile(
    join(source, 'package.json'),
    JSON.stringify({
      name: '@test/connector-customers',
      version: '1.0.0',
      type: 'module',
      ferry: { manifest: './connector.json' },
      files: ['connector.json'],
    }),
  );
  // The sqlite connector is not built in the repository: install its sources (run through tsx).
  const sqlite = join(packages, 'sqlite');
  await cp(SQLITE_CONNECTOR, sqlite, {
    recursive: true,
    filter: (src) => !/[/\\](node_modules|dist|\.turbo)$/.test(src),
  });
  const pkg = JSON.parse(await readFile(join(sqlite, 'package.json'), 'utf8'));
  await writeFile(
    join(sqlite, 'package.json'),
    JSON.stringify({ ...pkg, files: [...pkg.files, 'src'] }, null, 2),
  );

  const hash = createHash('sha256');
  for (const f of [
    'customers/connector.json',
    'customers/package.json',
    'sqlite/package.json',
    'sqlite/connector.yaml',
    'sqlite/src/sqlite.ts',
  ]) {
    hash.update(await readFile(join(packages, f)));
  }
  const template = join(tmpdir(), `ferry-cli-connectors-${hash.digest('hex').slice(0, 16)}`);
  const lock = `${template}.lock`;
  for (;;) {
    if (existsSync(join(template, 'ready'))) return template;
    try {
      await mkdir(lock);
    } catch {
      // Another test file is installing: wait for it (or take over a lock left by a dead one).
      if (
        Date.now() - (await stat(lock).catch(() => ({ mtimeMs: Date.now() }))).mtimeMs >
        600_000
      ) {
        await rm(lock, { recursive: true, force: true });
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
      continue;
    }
    try {
      const work = await mkdtemp(`${template}-work-`);
      await writeFile(join(work, 'ferry.yaml'), 'version: 1\n');
      const install = await runFerry(['install', source, sqlite, '--prefer-offline'], {
        cwd: work,
        timeoutMs: 600_000,
      });
      if (install.code !== 0)
        throw new Error(`ferry install failed:\n${install.stdout}${install.stderr}`);
      await writeFile(join(work, 'ready'), '');
      await rm(template, { recursive: true, force: true });
      await rename(work, template);
    } finally {
      await rm(lock, { recursive: true, force: true });
    }
  }
}
