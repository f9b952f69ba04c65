// kill -9 of `ferry daemon` at random points while it syncs 10,000 customers both ways, then
// restarts until a cycle finds nothing to do: every customer must exist exactly once on each
// side. The sandboxes live in this process, so their data survives the daemon's deaths.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir, mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, onTestFinished } from 'vitest';
import { openDemoProject } from './project.ts';
import { startDemoSystems } from './systems.ts';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const FERRY = join(REPO, 'cli/bin/ferry.js');
const KILLS = 4;
const SIZE = Number(process.env.KILL_TEST_SIZE ?? 5000);
const lower = (email: unknown) =>
  String(email ?? '')
    .trim()
    .toLowerCase();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Daemon {
  url: string;
  child: ChildProcess;
  exited: Promise<unknown>;
}

async function startDaemon(projectFile: string, env: Record<string, string>): Promise<Daemon> {
  // from the repository root: worker threads import tsx relative to the working folder
  const child = spawn(
    process.execPath,
    [FERRY, 'daemon', '--project', projectFile, '--port', '0'],
    {
      cwd: REPO,
      env: { ...process.env, ...env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const exited = new Promise((resolve) => child.on('exit', resolve));
  onTestFinished(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      for (const line of out.split('\n')) {
        if (!line.includes('daemon ready')) continue;
        const ready = JSON.parse(line) as { url?: string };
        if (ready.url) resolve(ready.url);
      }
    });
    void exited.then(() => reject(new Error(`the daemon exited before it was ready:\n${out}`)));
  });
  return { url, child, exited };
}

async function lastRun(
  url: string,
): Promise<{ id: string; status: string; counts: { written: number } } | undefined> {
  const response = await fetch(`${url}/api/runs?recipe=customers&limit=1`);
  return (
    (await response.json()) as {
      runs: { id: string; status: string; counts: { written: number } }[];
    }
  ).runs[0];
}

describe('two-way sync under kill -9', () => {
  it('ends with exactly one record per customer on each side after kills and restarts', async () => {
    const systems = await startDemoSystems({
      crm: {
        counts: { contacts: SIZE, companies: 0, deals: 0, products: 0 },
        limits: false,
        seed: 7,
      },
      erp: { extraPartners: SIZE },
      demoData: false,
    });
    onTestFinished(() => systems.close());
    const { crm, erp } = systems;
    const crmBefore = crm
      .list('contacts')
      .map((c) => lower(c.properties.email))
      .filter((e) => e !== '');
    const erpBefore = erp.admin
      .list('res.partner')
      .filter((p) => p.active && p.email)
      .map((p) => lower(p.email));
    await mkdir(join(REPO, '.test-tmp'), { recursive: true });
    const dir = await mkdtemp(join(REPO, '.test-tmp', 'crm-erp-kill-'));
    const prepared = await openDemoProject({ dir, env: systems.env });
    await prepared.close();
    const projectFile = join(dir, 'ferry.yaml');

    const random = seeded(11);
    for (let kill = 0; kill < KILLS; kill++) {
      const daemon = await startDaemon(projectFile, systems.env);
      await fetch(`${daemon.url}/api/recipes/customers/run`, { method: 'POST' });
      await sleep(300 + Math.floor(random() * 2500));
      daemon.child.kill('SIGKILL');
      await daemon.exited;
    }
    // restart and run until a cycle finds nothing to write
    const daemon = await startDaemon(projectFile, systems.env);
    let idle = false;
    for (let cycle = 0; cycle < 6 && !idle; cycle++) {
      // 409: the restarted daemon is already resuming the interrupted run; wait for that one
      const started = await fetch(`${daemon.url}/api/recipes/customers/run`, { method: 'POST' });
      expect([202, 409]).toContain(started.status);
      let run = await lastRun(daemon.url);
      while (run?.status === 'running') {
        await sleep(200);
        run = await lastRun(daemon.url);
      }
      expect(run?.status).toBe('succeeded');
      idle = run?.counts.written === 0;
    }
    expect(idle).toBe(true);
    // the kills landed mid-cycle: the restarted daemons found those runs still marked running
    const runs = (await (
      await fetch(`${daemon.url}/api/runs?recipe=customers&limit=100`)
    ).json()) as {
      runs: { status: string }[];
    };
    expect(runs.runs.filter((r) => r.status === 'interrupted').length).toBeGreaterThanOrEqual(
      KILLS - 1,
    );
    daemon.child.kill('SIGKILL');

    const crmAfter = crm.list('contacts').map((c) => lower(c.properties.email));
    const erpAfter = erp.admin.list('res.partner').map((p) => lower(p.email));
    const count = (list: string[]) => {
      const n = new Map<string, number>();
      for (const e of list) n.set(e, (n.get(e) ?? 0) + 1);
      return n;
    };
    const inCrm = count(crmAfter);
    const inErp = count(erpAfter);
    const twice = (seen: Map<string, number>, emails: string[], before: Map<string, number>) =>
      [...new Set(emails)].filter((e) => (seen.get(e) ?? 0) !== Math.max(1, before.get(e) ?? 0));
    expect(erpBefore.length + crmBefore.length).toBeGreaterThanOrEqual(2 * SIZE);
    expect(twice(inErp, crmBefore, count(erpBefore))).toEqual([]);
    expect(twice(inCrm, erpBefore, count(crmBefore))).toEqual([]);
  }, 600_000);
});

function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}
