import { EventEmitter } from 'node:events';
import { describe, expect, it, onTestFinished } from 'vitest';
import { testProject } from '../scheduler/test-project.ts';
import { startDaemon } from './daemon.ts';
import { createDaemonLogger } from './logger.ts';
import { handleShutdownSignals } from './signals.ts';
import { customers, testDaemon, until } from './test-daemon.ts';

const silent = () => createDaemonLogger({ level: 'silent' });

describe('daemon shutdown and restart', () => {
  it('drains a running run on close (not ready, no new runs), and a restarted daemon resumes it with no record lost or doubled', async () => {
    const t = await testDaemon({ recipes: { slow: {} }, rows: customers(1000), pageDelayMs: 300 });
    const { json } = await t.request('POST', '/api/recipes/slow/run');
    await until(async () => ((await t.project.store.getRun(json.run.id))?.counts.read ?? 0) >= 200);

    const closing = t.daemon.close();
    expect((await t.request('GET', '/ready')).status).toBe(503);
    const refused = await t.request('POST', '/api/recipes/slow/run');
    expect(refused.status).toBe(503);
    await closing;
    expect(t.daemon.ready).toBe(false);
    const drained = await t.project.store.getRun(json.run.id);
    expect(drained?.status).toBe('interrupted');
    expect(drained?.counts.read).toBeLessThan(1000);
    const state = (await t.project.store.getState('slow')).customers as { cursor: number };
    expect(state.cursor).toBe(drained?.counts.read);
    expect(t.project.written()).toHaveLength(drained?.counts.read as number);

    const again = await startDaemon({
      runner: t.project.runner,
      store: t.project.store,
      port: 0,
      token: '',
      events: t.events,
      logger: silent(),
    });
    onTestFinished(() => again.close());
    expect(again.resumed).toEqual(['slow']);
    const resumed = await until(async () => {
      const [last] = await t.project.store.listRuns({ recipe: 'slow', limit: 1 });
      return last?.trigger === 'resume' && last.status !== 'running' && last;
    });
    expect(resumed).toMatchObject({
      status: 'succeeded',
      counts: { read: 1000 - (drained?.counts.read as number) },
    });
    expect(t.project.written().map((r) => r.id)).toEqual(customers(1000).map((r) => r.id));
  });

  it('marks runs a killed process left running as interrupted, and resumes once its lock expires', async () => {
    const p = await testProject({ recipes: { sync: {} }, rows: customers(30) });
    onTestFinished(() => p.close());
    // A process that died mid-run: its run is still 'running' and its lease has not expired.
    const dead = await p.store.createRun({ recipe: 'sync', trigger: 'cron' });
    await p.store.acquireLock('recipe:sync', 'ferry-dead-process', 600);
    const daemon = await startDaemon({
      runner: p.runner,
      store: p.store,
      port: 0,
      token: '',
      logger: silent(),
      resumeRetryMs: 100,
    });
    onTestFinished(() => daemon.close());
    expect(daemon.resumed).toEqual(['sync']);
    expect((await p.store.getRun(dead.id))?.status).toBe('interrupted');
    const resumed = await until(async () => {
      const [last] = await p.store.listRuns({ recipe: 'sync', limit: 1 });
      return last?.trigger === 'resume' && last.status === 'succeeded' && last;
    });
    expect(resumed.counts.written).toBe(30);
  });
});

describe('handleShutdownSignals', () => {
  it('shuts down on the first SIGTERM and exits 0; a second signal exits 1 at once', async () => {
    const target = new EventEmitter();
    const exits: number[] = [];
    let finish: () => void = () => {};
    let shutdowns = 0;
    const off = handleShutdownSignals({
      target,
      exit: (code) => exits.push(code),
      shutdown: () => {
        shutdowns++;
        return new Promise<void>((resolve) => (finish = resolve));
      },
    });
    target.emit('SIGTERM', 'SIGTERM');
    expect(shutdowns).toBe(1);
    expect(exits).toEqual([]);
    target.emit('SIGINT', 'SIGINT');
    expect(exits).toEqual([1]);
    finish();
    await until(() => exits.length === 2);
    expect(exits).toEqual([1, 0]);
    off();
    expect(target.listenerCount('SIGTERM')).toBe(0);
  });

  it('exits 1 when shutting down fails', async () => {
    const target = new EventEmitter();
    const exits: number[] = [];
    const off = handleShutdownSignals({
      target,
      exit: (code) => exits.push(code),
      shutdown: () => Promise.reject(new Error('store busy')),
    });
    target.emit('SIGINT', 'SIGINT');
    await until(() => exits.length === 1);
    expect(exits).toEqual([1]);
    off();
  });
});
