// Test support: a real daemon on 127.0.0.1 and a free port, over a real Runner, SqliteStore
// and local source API (see ../scheduler/test-project.ts), with its log lines kept in memory.
import { onTestFinished } from 'vitest';
import type { RunPool } from '../pipeline/pool.ts';
import {
  type TestProject,
  type TestProjectOptions,
  testProject,
} from '../scheduler/test-project.ts';
import type { RunRecord } from '../store/types.ts';
import { type Daemon, type DaemonOptions, startDaemon } from './daemon.ts';
import { createDaemonLogger } from './logger.ts';
import { RunEventHub } from './run-events.ts';

export { customers, sleep, until } from '../scheduler/test-project.ts';

export interface TestDaemon {
  daemon: Daemon;
  /** The hub the runner emits to (for a second daemon on the same runner). */
  events: RunEventHub;
  project: TestProject;
  /** Every log line so far, parsed. */
  logs: Record<string, unknown>[];
  rawLogs: string[];
  request(
    method: string,
    path: string,
    options?: { body?: unknown; raw?: string; headers?: Record<string, string> },
    // biome-ignore lint/suspicious/noExplicitAny: parsed response bodies, read by the tests' expectations
  ): Promise<{ status: number; headers: Headers; json: any; text: string }>;
  /** Polls a run until it has finished. */
  finished(runId: string): Promise<RunRecord>;
}

export async function testDaemon(
  options: TestProjectOptions & {
    daemon?: Partial<DaemonOptions>;
    pool?: RunPool;
    secrets?: Set<string>;
  },
): Promise<TestDaemon> {
  const events = new RunEventHub();
  const project = await testProject({ ...options, onEvent: events.emit });
  const rawLogs: string[] = [];
  const secrets = options.secrets ?? new Set<string>();
  const logger = createDaemonLogger({
    secrets,
    level: 'debug',
    destination: { write: (line: string) => void rawLogs.push(line) },
  });
  const daemon = await startDaemon({
    runner: project.runner,
    store: project.store,
    port: 0,
    events,
    logger,
    secrets,
    token: '',
    ...(options.pool ? { pool: options.pool } : {}),
    ...options.daemon,
  });
  onTestFinished(async () => {
    await daemon.close();
    await project.close();
  });
  const request: TestDaemon['request'] = async (method, path, { body, raw, headers } = {}) => {
    const response = await fetch(`${daemon.url}${path}`, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(raw !== undefined
        ? { body: raw }
        : body !== undefined
          ? { body: JSON.stringify(body) }
          : {}),
    });
    const text = await response.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: response.status, headers: response.headers, json, text };
  };
  return {
    daemon,
    events,
    project,
    get logs() {
      return rawLogs.map((line) => JSON.parse(line) as Record<string, unknown>);
    },
    rawLogs,
    request,
    async finished(runId) {
      for (;;) {
        const run = await project.store.getRun(runId);
        if (run && run.status !== 'running' && !project.runner.isRunning(run.recipe)) return run;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
  };
}
