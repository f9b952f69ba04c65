import type { Logger } from 'pino';
import type { RunEvent } from '../runner/runner.ts';
import type { RunRecord } from '../store/types.ts';

/** A finished run as the event the runner would have sent (for runs seen without an event hub). */
export function finishedEvent(run: RunRecord): RunEvent {
  const durationMs = run.finishedAt ? Date.parse(run.finishedAt) - Date.parse(run.startedAt) : 0;
  return { type: 'finished', run, durationMs };
}

/** One log line per run start and end; connector LOG messages at their own level. */
export function logRunEvent(logger: Logger, event: RunEvent): void {
  const { run } = event;
  const base = { recipe: run.recipe, runId: run.id };
  switch (event.type) {
    case 'started':
      logger.info({ ...base, trigger: run.trigger, attempt: run.attempt }, 'run started');
      break;
    case 'progress':
      logger.debug({ ...base, counts: event.counts }, 'run progress');
      break;
    case 'log':
      if (event.message.type === 'LOG') {
        const { level, message, stream, fields } = event.message;
        logger[level](
          {
            ...base,
            connector: true,
            ...(stream ? { stream } : {}),
            ...(fields ? { fields } : {}),
          },
          message,
        );
      }
      break;
    case 'finished': {
      const level =
        run.status === 'failed' ? 'error' : run.status === 'interrupted' ? 'warn' : 'info';
      logger[level](
        {
          ...base,
          status: run.status,
          counts: run.counts,
          durationMs: Math.round(event.durationMs),
          ...(run.error ? { error: run.error } : {}),
        },
        `run ${run.status}`,
      );
      break;
    }
  }
}
