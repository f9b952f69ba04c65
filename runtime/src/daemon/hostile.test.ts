import { afterAll, describe, expect, it } from 'vitest';
import { RunPool } from '../pipeline/pool.ts';
import { customers, sleep, testDaemon } from './test-daemon.ts';

const pool = new RunPool({ threads: 2, memoryMb: 96 });
afterAll(() => pool.close());

describe('a hostile connector in the daemon', () => {
  it('a source that loops forever fails its run with FERRY_RUN_TIMEOUT while /health keeps answering', async () => {
    const t = await testDaemon({
      recipes: {
        spin: {
          source: { connection: 'hostile', stream: 'items' },
          policies: { timeout: '2s', retries: { max: 0 } },
        },
        customers: {},
      },
      rows: customers(50),
      pool,
    });
    const started = await t.request('POST', '/api/recipes/spin/run');
    expect(started.status).toBe(202);
    let answered = 0;
    while (t.project.runner.isRunning('spin')) {
      const health = await t.request('GET', '/health');
      expect(health.status).toBe(200);
      answered++;
      await sleep(100);
    }
    expect(answered).toBeGreaterThanOrEqual(5);
    const run = await t.finished(started.json.run.id);
    expect(run).toMatchObject({ status: 'failed', error: { code: 'FERRY_RUN_TIMEOUT' } });
    expect((await t.request('GET', '/health')).status).toBe(200);

    // The pool replaced the stopped worker: other recipes still run.
    const other = await t.request('POST', '/api/recipes/customers/run');
    expect(await t.finished(other.json.run.id)).toMatchObject({
      status: 'succeeded',
      counts: { written: 50 },
    });
    const metrics = (await t.request('GET', '/metrics')).text;
    expect(metrics).toContain('ferry_runs_total{recipe="spin",status="failed"} 1');
    expect(metrics).toMatch(/ferry_worker_threads \d/);
    expect(t.logs).toContainEqual(
      expect.objectContaining({
        msg: 'run failed',
        recipe: 'spin',
        error: expect.objectContaining({ code: 'FERRY_RUN_TIMEOUT' }),
      }),
    );
  });
});
