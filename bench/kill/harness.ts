// The kill test (issue: runtime): syncs customers from a local API into a keyed SQLite table
// with `ferry run` as a child process, kills it with SIGKILL at random points, restarts it each
// time, and checks that the table ends with exactly the source's records (none lost, none
// duplicated), no dead letters, and the committed state at the source's last cursor.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startServer } from '@ferry/declarative/testing';
import Database from 'better-sqlite3';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const FERRY = here('../../cli/bin/ferry.js');

export interface KillOptions {
  records: number;
  kills: number;
  /** Delay the API adds to each page of 200, to give kills room to land mid-run. */
  pageDelayMs: number;
  /** Each kill lands at a random time in this range after the run's first commit. */
  killAfterMs: [number, number];
  log?: (line: string) => void;
}

export interface KillResult {
  runs: number;
  kills: number;
  rows: number;
  distinct: number;
  missing: number;
  cursor: unknown;
  deadLetters: number;
  exact: boolean;
}

export async function runKillTest(options: KillOptions): Promise<KillResult> {
  const log = options.log ?? (() => {});
  const rows = Array.from({ length: options.records }, (_, i) => ({
    id: i + 1,
    seq: i + 1,
    email: `c${i + 1}@example.com`,
    name: `Customer ${i + 1}`,
  }));
  const server = await startServer(async ({ query }) => {
    const since = Number(query.get('since') ?? 0);
    await new Promise((r) => setTimeout(r, options.pageDelayMs));
    return { json: { data: rows.slice(Math.max(0, since - 1), Math.max(0, since - 1) + 200) } };
  });
  try {
    const base = here('../.test-tmp/');
    await mkdir(base, { recursive: true });
    const dir = await mkdtemp(join(base, 'kill-'));
    await cp(here('./source-connector'), join(dir, 'source-connector'), { recursive: true });
    const db = join(dir, 'destination.db');
    await writeFile(
      join(dir, 'ferry.yaml'),
      `version: 1
connections:
  api:
    connector: "@ferry/bench-customers@^1"
    config: { baseUrl: "${server.url}" }
  db:
    connector: "@ferry/connector-sqlite@^0.1"
    config: { path: "${db}", table: customers, key: id }
recipes:
  customers:
    source: { connection: api, stream: customers }
    destination: { connection: db, stream: rows }
    policies: { retries: { max: 0 } }
`,
    );
    const project = join(dir, 'ferry.yaml');
    await promisify(execFile)(process.execPath, [
      FERRY,
      'install',
      join(dir, 'source-connector'),
      here('../../connectors/sqlite'),
      '--project',
      project,
    ]);
    let runs = 0;
    let kills = 0;
    for (;;) {
      runs++;
      const child = spawn(process.execPath, [FERRY, 'run', 'customers', '--project', project], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (d: Buffer) => (output += d));
      child.stderr.on('data', (d: Buffer) => (output += d));
      const exit = exited(child);
      let killAt: number | undefined;
      if (kills < options.kills) {
        // Wait until this run has committed something, then kill it at a random point after.
        const before = committedCursor(dir);
        const started = performance.now();
        while (
          committedCursor(dir) === before &&
          child.exitCode === null &&
          performance.now() - started < 60_000
        ) {
          await new Promise((r) => setTimeout(r, 20));
        }
        const [min, max] = options.killAfterMs;
        await new Promise((r) => setTimeout(r, min + Math.random() * (max - min)));
        killAt = performance.now() - started;
        child.kill('SIGKILL');
      }
      const code = await exit;
      if (code === null) {
        kills++;
        log(
          `run ${runs}: killed ${Math.round(killAt ?? 0)} ms after start (kill ${kills}); committed cursor ${committedCursor(dir) ?? 'none'}`,
        );
        continue;
      }
      log(`run ${runs}: exit ${code}: ${output.trim().split('\n').at(-1)}`);
      if (code !== 0) throw new Error(`ferry run failed (exit ${code}):\n${output}`);
      if (kills >= options.kills) break;
      throw new Error(
        `a run completed before ${options.kills} kills landed; raise pageDelayMs or records`,
      );
    }
    const out = new Database(db, { readonly: true });
    const { n, d } = out
      .prepare('SELECT count(*) AS n, count(DISTINCT id) AS d FROM customers')
      .get() as { n: number; d: number };
    const present = out
      .prepare('SELECT count(*) AS n FROM customers WHERE id BETWEEN 1 AND ?')
      .get(options.records) as { n: number };
    out.close();
    const store = new Database(join(dir, '.ferry/ferry.db'), { readonly: true });
    const state = store
      .prepare("SELECT state FROM state WHERE recipe = 'customers' AND stream = 'customers'")
      .get() as { state: string } | undefined;
    const dead = store.prepare('SELECT count(*) AS n FROM dead_letters').get() as { n: number };
    store.close();
    const cursor = state ? (JSON.parse(state.state) as { cursor?: unknown }).cursor : undefined;
    const result = {
      runs,
      kills,
      rows: n,
      distinct: d,
      missing: options.records - present.n,
      cursor,
      deadLetters: dead.n,
      exact: false,
    };
    result.exact =
      n === options.records &&
      d === options.records &&
      result.missing === 0 &&
      cursor === options.records &&
      dead.n === 0;
    return result;
  } finally {
    await server.close();
  }
}

/** The cursor the store has committed for the recipe, read the way an operator would. */
function committedCursor(dir: string): unknown {
  try {
    const store = new Database(join(dir, '.ferry/ferry.db'), {
      readonly: true,
      fileMustExist: true,
    });
    const row = store.prepare("SELECT state FROM state WHERE recipe = 'customers'").get() as
      | { state: string }
      | undefined;
    store.close();
    return row ? (JSON.parse(row.state) as { cursor?: unknown }).cursor : undefined;
  } catch {
    return undefined;
  }
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.on('exit', (code) => resolve(code)));
}
