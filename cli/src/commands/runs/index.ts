import type { RunRecord, RunStatus } from '@ferry/runtime';
import { Command, InvalidArgumentError, Option } from 'commander';
import { printJson } from '../../output.ts';
import { openProjectStore } from './open-store.ts';
import { duration, formatTable, shortTime } from './table.ts';

const STATUSES: RunStatus[] = ['running', 'succeeded', 'failed', 'interrupted'];

export function runsCommand(): Command {
  return new Command('runs')
    .exitOverride()
    .description('List recent runs of the project, newest first, from its store.')
    .option('--project <file>', 'the project file', 'ferry.yaml')
    .option('--recipe <id>', 'only the runs of this recipe')
    .addOption(new Option('--status <status>', 'only runs with this status').choices(STATUSES))
    .option('--limit <n>', 'how many runs', positiveInteger, 20)
    .option('--json', 'print the runs as JSON')
    .action(
      async (options: {
        project: string;
        recipe?: string;
        status?: RunStatus;
        limit: number;
        json?: boolean;
      }) => {
        const store = await openProjectStore(options.project);
        let runs: RunRecord[] = [];
        try {
          runs = store
            ? await store.listRuns({
                ...(options.recipe ? { recipe: options.recipe } : {}),
                ...(options.status ? { status: options.status } : {}),
                limit: options.limit,
              })
            : [];
        } finally {
          await store?.close();
        }
        if (options.json) printJson(runs);
        else console.log(runs.length === 0 ? 'No runs.' : runsTable(runs));
      },
    );
}

export function runsTable(runs: RunRecord[]): string {
  return formatTable(
    [
      { title: 'RUN' },
      { title: 'RECIPE' },
      { title: 'STATUS' },
      { title: 'TRIGGER' },
      { title: 'STARTED (UTC)' },
      { title: 'TOOK', numeric: true },
      { title: 'READ', numeric: true },
      { title: 'WRITTEN', numeric: true },
      { title: 'DLQ', numeric: true },
      { title: 'ERROR' },
    ],
    runs.map((r) => [
      r.id.slice(0, 8),
      r.recipe,
      r.status,
      r.trigger,
      shortTime(r.startedAt),
      duration(r.startedAt, r.finishedAt),
      String(r.counts.read),
      String(r.counts.written),
      String(r.counts.deadLettered),
      r.error?.code ?? '',
    ]),
  );
}

export function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new InvalidArgumentError('expected a whole number of 1 or more.');
  return n;
}
