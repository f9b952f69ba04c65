// The piscina worker: runs one PlanSpec through the pipeline in this thread. Checkpoints go to
// the main thread over the task's MessagePort and are awaited (the main thread commits them to
// the store), so the worker never reads past what the store has not yet recorded.
import type { MessagePort } from 'node:worker_threads';
import { FerryError } from '@ferry/manifest';
import { provideSdk } from '../install/provide-sdk.ts';
import { type Checkpoint, executeRun } from './execute-run.ts';
import { openPlan, type PlanSpec } from './plan.ts';

// Installed connectors import @ferry/sdk from the runtime, in this thread too.
provideSdk();

export interface WorkerTask {
  plan: PlanSpec;
  port: MessagePort;
}

export type WorkerOutcome =
  | { ok: true; counts: Awaited<ReturnType<typeof executeRun>> }
  | {
      ok: false;
      error: {
        code: string;
        message: string;
        path?: string;
        hint?: string;
        details?: Record<string, unknown>;
      };
    };

export default async function runTask({ plan, port }: WorkerTask): Promise<WorkerOutcome> {
  let next = 0;
  const acks = new Map<number, () => void>();
  let stop = false;
  port.on('message', (message: { type: 'ack' | 'stop'; id: number }) => {
    if (message.type === 'stop') stop = true;
    acks.get(message.id)?.();
    acks.delete(message.id);
  });
  try {
    const counts = await executeRun(await openPlan(plan), {
      commit: (checkpoint: Checkpoint) =>
        new Promise<void>((resolve) => {
          const id = next++;
          acks.set(id, resolve);
          port.postMessage({ type: 'commit', id, checkpoint });
        }),
      log: (message) => port.postMessage({ type: 'log', message }),
      stopRequested: () => stop,
    });
    return { ok: true, counts };
  } catch (error) {
    const e = error as Partial<FerryError> & Error;
    return {
      ok: false,
      error: {
        code:
          error instanceof FerryError || typeof e.code === 'string'
            ? String(e.code)
            : 'FERRY_INTERNAL',
        message: e.message ?? String(error),
        ...(e.path ? { path: e.path } : {}),
        ...(e.hint ? { hint: e.hint } : {}),
        ...(e.details
          ? { details: JSON.parse(JSON.stringify(e.details)) as Record<string, unknown> }
          : {}),
      },
    };
  } finally {
    port.close();
  }
}
