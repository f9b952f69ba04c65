import { SqliteStore } from '@ferry/runtime';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runFerry } from '../../test-cli.ts';
import { startDaemonProcess } from './daemon-process.ts';
import { customers, installedProject } from './test-project.ts';

// Daemons run from the repository root with --project: from a source checkout, worker threads
// import tsx relative to the working folder (RunPool's execArgv), which a temp folder lacks.
const ROOT = { cwd: REPO_ROOT };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(check: () => Promise<T | undefined | false>): Promise<T> {
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    await sleep(50);
  }
}

async function get(url: string) {
  const response = await fetch(url);
  const text = await response.text();
  return { status: response.status, text, json: () => JSON.parse(text) };
}

function sample(metrics: string, name: string): number | undefined {
  const line = metrics.split('\n').find((l) => l.startsWith(`${name} `));
  return line === undefined ? undefined : Number(line.slice(name.length + 1));
}

const READ = 'ferry_records_read_total{recipe="customers",stream="customers"}';

// The first test to need the connectors installs them (building better-sqlite3: a minute or two).
const INSTALL_TIMEOUT = 300_000;

describe('ferry daemon (child process)', () => {
  it(
    'runs on request, drains on SIGTERM with its state committed, and resumes after a restart with every record once',
    async () => {
      // 2,000 records in 10 pages of 200, each page served 400 ms late: a run takes 4 s or more.
      const project = await installedProject({
        rows: customers(2000),
        pageDelayMs: 400,
        recipe: { policies: { retries: { max: 0 } } },
      });
      const first = await startDaemonProcess(['--project', project.file, '--port', '0'], ROOT);
      expect((await get(`${first.url}/ready`)).status).toBe(200);

      // 1) a run, triggered over HTTP: 202 at once
      const started = await fetch(`${first.url}/api/recipes/customers/run`, { method: 'POST' });
      expect(started.status).toBe(202);
      const { run } = (await started.json()) as { run: { id: string; status: string } };
      expect(run.status).toBe('running');

      // 2) the run in /api/runs and its counts in /metrics while it runs
      const runs = (await get(`${first.url}/api/runs?recipe=customers`)).json().runs as {
        id: string;
        status: string;
      }[];
      expect(runs).toEqual([expect.objectContaining({ id: run.id, status: 'running' })]);
      const metrics = await until(async () => {
        const text = (await get(`${first.url}/metrics`)).text;
        return (sample(text, READ) ?? 0) >= 200 && text;
      });
      expect(sample(metrics, 'ferry_runs_in_progress{recipe="customers"}')).toBe(1);

      // 3) SIGTERM mid-run: the run stops after its next commit and the daemon exits 0
      expect(await first.stop('SIGTERM')).toBe(0);
      expect(first.logs()).toContainEqual(
        expect.objectContaining({ msg: 'run interrupted', runId: run.id }),
      );
      const store = SqliteStore.open(project.store);
      let committed: number;
      try {
        const drained = await store.getRun(run.id);
        expect(drained?.status).toBe('interrupted');
        committed = drained?.counts.read as number;
        expect(committed).toBeGreaterThanOrEqual(200);
        expect(committed).toBeLessThan(2000);
        expect((await store.getState('customers')).customers).toMatchObject({ cursor: committed });
      } finally {
        await store.close();
      }
      expect(project.written()).toHaveLength(committed);

      // 4) a restart resumes: a run with trigger "resume" reads the rest
      const second = await startDaemonProcess(['--project', project.file, '--port', '0'], ROOT);
      const resumed = await until(async () => {
        const list = (await get(`${second.url}/api/runs?recipe=customers`)).json().runs as {
          trigger: string;
          status: string;
        }[];
        const last = list[0];
        return last?.trigger === 'resume' && last.status !== 'running' && last;
      });
      expect(resumed).toMatchObject({ status: 'succeeded', counts: { read: 2000 - committed } });
      expect(sample((await get(`${second.url}/metrics`)).text, READ)).toBe(2000 - committed);
      expect(await second.stop('SIGINT')).toBe(0);

      // 5) the destination has exactly the source's records: none missing, none twice
      expect(project.written().map((r) => r.id)).toEqual(project.rows.map((r) => r.id));

      const listed = await runFerry(['runs', '--json'], { cwd: project.dir });
      expect(
        (JSON.parse(listed.stdout) as { trigger: string; status: string }[]).map((r) => [
          r.trigger,
          r.status,
        ]),
      ).toEqual([
        ['resume', 'succeeded'],
        ['manual', 'interrupted'],
      ]);
    },
    INSTALL_TIMEOUT,
  );

  it(
    'refuses to listen beyond loopback without FERRY_API_TOKEN, and a second signal exits 1 at once',
    async () => {
      const project = await installedProject({ rows: customers(3000), pageDelayMs: 1000 });
      const refused = await runFerry(['daemon', '--host', '0.0.0.0', '--port', '0'], {
        cwd: project.dir,
        env: { FERRY_API_TOKEN: '' },
      });
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('FERRY_DAEMON_TOKEN_REQUIRED');

      const daemon = await startDaemonProcess(['--project', project.file, '--port', '0'], {
        ...ROOT,
        env: { FERRY_API_TOKEN: 'cli-test-token-1234' },
      });
      expect((await fetch(`${daemon.url}/api/recipes`)).status).toBe(401);
      const started = await fetch(`${daemon.url}/api/recipes/customers/run`, {
        method: 'POST',
        headers: { authorization: 'Bearer cli-test-token-1234' },
      });
      expect(started.status).toBe(202);
      daemon.child.kill('SIGTERM');
      await until(async () =>
        daemon.logs().some((l) => typeof l.msg === 'string' && l.msg.startsWith('shutting down')),
      );
      expect(await daemon.stop('SIGTERM')).toBe(1);
      expect(JSON.stringify(daemon.logs())).not.toContain('cli-test-token-1234');
    },
    INSTALL_TIMEOUT,
  );
});
