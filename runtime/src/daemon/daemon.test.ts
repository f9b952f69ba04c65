import type { JsonObject } from '@ferry/sdk';
import { describe, expect, it, onTestFinished } from 'vitest';
import { testProject } from '../scheduler/test-project.ts';
import { startDaemon } from './daemon.ts';
import { createDaemonLogger } from './logger.ts';
import { customers, testDaemon, until } from './test-daemon.ts';

/** The value of one Prometheus sample, e.g. metric('ferry_runs_total{recipe="a",status="failed"}'). */
function metric(text: string, sample: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${sample} `));
  return line === undefined ? undefined : Number(line.slice(sample.length + 1));
}

describe('daemon HTTP API', () => {
  it('runs a recipe on request (202 at once), then shows it in runs, recipes, metrics and the dashboard', async () => {
    const t = await testDaemon({
      recipes: { customers: { triggers: [{ cron: '0 3 * * *' }] } },
      rows: customers(450, 100),
    });
    expect((await t.request('GET', '/health')).status).toBe(200);
    expect((await t.request('GET', '/ready')).json).toEqual({ ready: true, draining: false });

    const started = await t.request('POST', '/api/recipes/customers/run');
    expect(started.status).toBe(202);
    expect(started.json.run).toMatchObject({ recipe: 'customers', trigger: 'manual' });
    expect(started.headers.get('location')).toBe(`/api/runs/${started.json.run.id}`);
    const run = await t.finished(started.json.run.id);
    expect(run).toMatchObject({
      status: 'succeeded',
      counts: { read: 450, written: 446, failed: 4, deadLettered: 4 },
    });
    expect(t.project.written()).toHaveLength(446);

    const one = await t.request('GET', `/api/runs/${run.id}`);
    expect(one.json.run).toEqual(run);
    const runs = await t.request('GET', '/api/runs?recipe=customers&status=succeeded&limit=5');
    expect(runs.json.runs.map((r: { id: string }) => r.id)).toEqual([run.id]);
    expect((await t.request('GET', '/api/runs?status=failed')).json.runs).toEqual([]);

    const recipes = await t.request('GET', '/api/recipes');
    expect(recipes.json.recipes).toEqual([
      expect.objectContaining({
        id: 'customers',
        enabled: true,
        running: false,
        triggers: [{ cron: '0 3 * * *' }],
        nextRun: expect.any(String),
        lastRun: run,
        deadLetters: 4,
        source: { connection: 'api', stream: 'customers' },
      }),
    ]);

    const metrics = await t.request('GET', '/metrics');
    expect(metrics.headers.get('content-type')).toContain('text/plain');
    const m = (sample: string) => metric(metrics.text, sample);
    expect(m('ferry_records_read_total{recipe="customers",stream="customers"}')).toBe(450);
    expect(m('ferry_records_written_total{recipe="customers",stream="customers"}')).toBe(446);
    expect(m('ferry_records_failed_total{recipe="customers",stream="customers"}')).toBe(4);
    expect(m('ferry_records_dead_lettered_total{recipe="customers",stream="customers"}')).toBe(4);
    expect(m('ferry_runs_total{recipe="customers",status="succeeded"}')).toBe(1);
    expect(m('ferry_runs_total{recipe="customers",status="failed"}')).toBe(0);
    expect(m('ferry_run_duration_seconds_count{recipe="customers"}')).toBe(1);
    expect(m('ferry_dlq_depth{recipe="customers"}')).toBe(4);
    expect(m('ferry_runs_in_progress{recipe="customers"}')).toBe(0);
    expect(m('ferry_worker_utilization')).toBe(0);
    expect(metrics.text).toContain('process_resident_memory_bytes');

    const page = await t.request('GET', '/');
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.text).toContain('<meta http-equiv="refresh" content="5">');
    expect(page.text).toContain('customers');
    expect(page.text).toContain('<span class="succeeded">succeeded</span>');
    expect(page.text).toContain('href="/api/dlq?recipe=customers&amp;status=pending">4</a>');

    const lines = t.logs;
    expect(lines).toContainEqual(
      expect.objectContaining({
        msg: 'run started',
        recipe: 'customers',
        runId: run.id,
        trigger: 'manual',
      }),
    );
    expect(lines).toContainEqual(
      expect.objectContaining({ msg: 'run succeeded', recipe: 'customers', status: 'succeeded' }),
    );
  });

  it('counts records in /metrics while a run is still going', async () => {
    const t = await testDaemon({ recipes: { slow: {} }, rows: customers(1000), pageDelayMs: 300 });
    const { json } = await t.request('POST', '/api/recipes/slow/run');
    const read = await until(async () => {
      const text = (await t.request('GET', '/metrics')).text;
      const value = metric(text, 'ferry_records_read_total{recipe="slow",stream="customers"}') ?? 0;
      return value > 0 && value < 1000 && { value, text };
    });
    expect(metric(read.text, 'ferry_runs_in_progress{recipe="slow"}')).toBe(1);
    expect((await t.request('GET', '/api/recipes')).json.recipes[0].running).toBe(true);
    await t.finished(json.run.id);
  });

  it('answers 409 while the recipe runs, 404 for unknown recipes and runs, 400 for bad parameters', async () => {
    const t = await testDaemon({ recipes: { slow: {} }, rows: customers(600), pageDelayMs: 300 });
    const first = await t.request('POST', '/api/recipes/slow/run');
    const second = await t.request('POST', '/api/recipes/slow/run');
    expect(second.status).toBe(409);
    expect(second.json.error).toMatchObject({ code: 'FERRY_RUN_ALREADY_RUNNING' });
    await t.finished(first.json.run.id);
    expect((await t.project.store.listRuns({ recipe: 'slow' })).length).toBe(1);

    const unknown = await t.request('POST', '/api/recipes/nope/run');
    expect(unknown.status).toBe(404);
    expect(unknown.json.error).toMatchObject({
      code: 'FERRY_RECIPE_NOT_FOUND',
      hint: expect.any(String),
    });
    expect((await t.request('GET', '/api/runs/no-such-run')).json.error.code).toBe(
      'FERRY_API_NOT_FOUND',
    );
    expect((await t.request('GET', '/api/nothing')).status).toBe(404);
    const badStatus = await t.request('GET', '/api/runs?status=great');
    expect(badStatus.status).toBe(400);
    expect(badStatus.json.error.message).toContain(
      'status must be one of running, succeeded, failed, interrupted',
    );
    expect((await t.request('GET', '/api/dlq?limit=-1')).status).toBe(400);
    expect(
      (await t.request('POST', '/api/dlq/replay', { body: { ids: ['x'] } })).json.error,
    ).toMatchObject({ code: 'FERRY_API_BAD_REQUEST', path: '$.recipe' });
  });

  it('lists dead letters, and replays them after their cause is fixed', async () => {
    const rows = customers(30).map(
      (r, i): JsonObject => ({ ...r, first: (i + 1) % 10 === 0 ? 'n/a' : String(i + 1) }),
    );
    const t = await testDaemon({
      recipes: { ranked: { mapping: { id: 'id', email: 'email', rank: '$number(first)' } } },
      rows,
    });
    const { json } = await t.request('POST', '/api/recipes/ranked/run');
    expect(await t.finished(json.run.id)).toMatchObject({
      status: 'succeeded',
      counts: { read: 30, written: 27, deadLettered: 3 },
    });

    const dlq = await t.request('GET', '/api/dlq?recipe=ranked&status=pending&limit=2');
    expect(dlq.json.total).toBe(3);
    expect(dlq.json.deadLetters).toHaveLength(2);
    expect(dlq.json.deadLetters[0]).toMatchObject({
      recipe: 'ranked',
      stage: 'map',
      code: 'FERRY_MAPPING_FAILED',
      status: 'pending',
      record: { id: 10 },
    });
    expect(
      (await t.request('GET', '/api/dlq?recipe=ranked&offset=2')).json.deadLetters,
    ).toHaveLength(1);

    // The fix: a mapping that copies the text (as if ferry.yaml were corrected and reloaded).
    const recipe = t.project.project.recipes?.ranked;
    if (recipe) recipe.mapping = { id: 'id', email: 'email', rank: 'first' };
    const replay = await t.request('POST', '/api/dlq/replay', { body: { recipe: 'ranked' } });
    expect(replay.status).toBe(202);
    expect(replay.json).toMatchObject({ deadLetters: 3, run: { trigger: 'replay' } });
    expect(await t.finished(replay.json.run.id)).toMatchObject({
      status: 'succeeded',
      counts: { read: 3, written: 3 },
    });
    await until(
      async () =>
        (await t.request('GET', '/api/dlq?recipe=ranked&status=replayed')).json.total === 3,
    );
    expect((await t.request('GET', '/api/dlq?recipe=ranked&status=pending')).json.total).toBe(0);
    expect(t.project.written().map((r) => r.id)).toEqual(rows.map((r) => r.id));
    expect(
      (await t.request('POST', '/api/dlq/replay', { body: { recipe: 'ranked' } })).json,
    ).toEqual({ run: null, deadLetters: 0 });
    expect(
      metric((await t.request('GET', '/metrics')).text, 'ferry_dlq_depth{recipe="ranked"}'),
    ).toBe(0);
  });

  it('starts scheduled recipes and shows the next firing', async () => {
    const t = await testDaemon({
      recipes: { ticking: { triggers: [{ interval: 200 }] } },
      rows: customers(10),
    });
    const runs = await until(async () => {
      const { json } = await t.request('GET', '/api/runs?recipe=ticking');
      return json.runs.length >= 2 && json.runs;
    });
    expect(runs.every((r: { trigger: string }) => r.trigger === 'interval')).toBe(true);
    expect((await t.request('GET', '/api/recipes')).json.recipes[0].nextRun).toEqual(
      expect.any(String),
    );
  });

  it('works without an event hub: the created run is found in the store, metrics count finished runs', async () => {
    const p = await testProject({ recipes: { plain: {} }, rows: customers(40), pageDelayMs: 50 });
    const daemon = await startDaemon({
      runner: p.runner,
      store: p.store,
      port: 0,
      token: '',
      logger: createDaemonLogger({ level: 'silent' }),
    });
    onTestFinished(async () => {
      await daemon.close();
      await p.close();
    });
    const response = await fetch(`${daemon.url}/api/recipes/plain/run`, { method: 'POST' });
    expect(response.status).toBe(202);
    const { run } = (await response.json()) as { run: { id: string; recipe: string } };
    expect(await p.store.getRun(run.id)).toMatchObject({ recipe: 'plain', trigger: 'manual' });
    await until(async () => (await p.store.getRun(run.id))?.status === 'succeeded');
    const text = await until(async () => {
      const t = await (await fetch(`${daemon.url}/metrics`)).text();
      return metric(t, 'ferry_runs_total{recipe="plain",status="succeeded"}') === 1 && t;
    });
    expect(metric(text, 'ferry_records_written_total{recipe="plain",stream="customers"}')).toBe(40);
  });
});
