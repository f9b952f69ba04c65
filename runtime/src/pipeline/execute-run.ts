import type { Connector } from '@ferry/declarative';
import type { RecordSchema } from '@ferry/manifest';
import type { JsonObject, Message } from '@ferry/sdk';
import type { NewDeadLetter, RunCounts } from '../store/types.ts';
import { DestinationWriter } from './destination-writer.ts';
import { pipelineErrors } from './errors.ts';
import { compileRecipeMapping } from './mapping.ts';
import { compileRecordValidator } from './record-validator.ts';

/** Everything one run needs, as plain data plus opened connectors. */
export interface RunPlan {
  runId: string;
  recipe: string;
  projectFile?: string;
  source: {
    connector: Connector;
    config: JsonObject;
    stream: string;
    schema: RecordSchema;
    state?: JsonObject;
  };
  destination: { connector: Connector; config: JsonObject; stream: string };
  mapping?: Record<string, string>;
  tolerance?: { maxFailures?: number; maxFailureRatio?: number };
  /** Records to deliver instead of reading the source (dead-letter replay, webhook feeds). */
  records?: JsonObject[];
}

/** One committed step of a run: dead letters, counts so far, and the state the step reached. */
export interface Checkpoint {
  stream: string;
  state?: JsonObject;
  counts: RunCounts;
  deadLetters: NewDeadLetter[];
}

/** Where a run's checkpoints go; a run waits for each commit before reading further. */
export interface RunSink {
  commit(checkpoint: Checkpoint): Promise<void>;
  log?(message: Message): void;
  /** Asked after every commit: true stops the run there (a drain on SIGTERM). */
  stopRequested?(): boolean;
}

/** What a run returns: its counts, and whether it stopped early on request (resumable). */
export interface RunOutcome extends RunCounts {
  stopped?: boolean;
}

/**
 * The pipeline: read -> validate -> map -> write, one source page at a time. A record that
 * fails validation or mapping, or that the destination rejects, becomes a dead letter with its
 * reason. The page's STATE is committed only after the destination acknowledged the page, in
 * the same commit as its dead letters, so a crash anywhere resumes without losing a record.
 * Memory is bounded by one page: the next page is read after the commit.
 */
export async function executeRun(plan: RunPlan, sink: RunSink): Promise<RunOutcome> {
  const counts: RunCounts = { read: 0, written: 0, failed: 0, deadLettered: 0 };
  const validate = compileRecordValidator(plan.source.schema);
  // Streams of one canonical entity need no mapping: source -> canonical -> destination.
  const map = compileRecipeMapping(
    plan.mapping,
    {
      ...(plan.projectFile ? { file: plan.projectFile } : {}),
      path: `$.recipes[${JSON.stringify(plan.recipe)}].mapping`,
    },
    {
      source: plan.source.connector.canonical(plan.source.stream),
      destination: plan.destination.connector.canonical(plan.destination.stream),
    },
  );
  const writer = new DestinationWriter(
    plan.destination.connector,
    plan.destination.config,
    plan.destination.stream,
  );
  const stream = plan.source.stream;
  const letter = (
    record: JsonObject,
    stage: NewDeadLetter['stage'],
    code: string,
    reason: string,
  ): NewDeadLetter => ({
    recipe: plan.recipe,
    runId: plan.runId,
    stream,
    stage,
    code,
    reason,
    record,
  });

  const pages: AsyncIterable<Message[]> = plan.records
    ? (async function* () {
        for (let i = 0; i < (plan.records?.length ?? 0); i += 500) {
          yield (plan.records ?? [])
            .slice(i, i + 500)
            .map((data): Message => ({ type: 'RECORD', stream, data }));
        }
      })()
    : plan.source.connector.read(plan.source.config, {
        streams: [stream],
        ...(plan.source.state ? { state: { [stream]: plan.source.state } } : {}),
      });

  try {
    for await (const page of pages) {
      const deadLetters: NewDeadLetter[] = [];
      const sources: JsonObject[] = [];
      const mapped: JsonObject[] = [];
      let state: JsonObject | undefined;
      for (const message of page) {
        if (message.type === 'STATE') state = message.state;
        else if (message.type === 'LOG') sink.log?.(message);
        if (message.type !== 'RECORD') continue;
        counts.read++;
        const record = message.data;
        const invalid = validate(record);
        if (invalid) {
          deadLetters.push(letter(record, 'validate', 'FERRY_RECORD_INVALID', invalid));
          continue;
        }
        try {
          const out = map(record);
          mapped.push(out instanceof Promise ? await out : out);
          sources.push(record);
        } catch (error) {
          deadLetters.push(letter(record, 'map', 'FERRY_MAPPING_FAILED', (error as Error).message));
        }
      }
      const results = await writer.write(mapped);
      for (const result of results) {
        if (result.status === 'accepted') counts.written++;
        else
          deadLetters.push(
            letter(
              sources[result.index] as JsonObject,
              'write',
              'FERRY_WRITE_REJECTED',
              result.reason ?? 'rejected by the destination',
            ),
          );
      }
      counts.failed += deadLetters.length;
      counts.deadLettered += deadLetters.length;
      if (state || deadLetters.length > 0 || mapped.length > 0) {
        await sink.commit({
          stream,
          ...(state ? { state } : {}),
          counts: { ...counts },
          deadLetters,
        });
      }
      checkTolerance(plan, counts);
      if (sink.stopRequested?.()) return { ...counts, stopped: true };
    }
  } finally {
    await writer.close();
  }
  return counts;
}

function checkTolerance(plan: RunPlan, counts: RunCounts): void {
  const { maxFailures, maxFailureRatio } = plan.tolerance ?? {};
  const overCount = maxFailures !== undefined && counts.failed > maxFailures;
  const overRatio =
    maxFailureRatio !== undefined &&
    counts.read > 0 &&
    counts.failed / counts.read > maxFailureRatio;
  if (overCount || overRatio) {
    throw pipelineErrors.create(
      'FERRY_RUN_TOLERANCE_EXCEEDED',
      `recipe ${plan.recipe}: ${counts.failed} of ${counts.read} records failed, more than the tolerance (${maxFailures !== undefined ? `maxFailures ${maxFailures}` : ''}${maxFailures !== undefined && maxFailureRatio !== undefined ? ', ' : ''}${maxFailureRatio !== undefined ? `maxFailureRatio ${maxFailureRatio}` : ''}); they are in the dead-letter queue`,
      {
        path: `$.recipes[${JSON.stringify(plan.recipe)}].policies.errorTolerance`,
        details: { counts },
      },
    );
  }
}
