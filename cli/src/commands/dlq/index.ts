import { type DeadLetter, openProject } from '@ferry/runtime';
import { Command, Option } from 'commander';
import { printJson } from '../../output.ts';
import { positiveInteger } from '../runs/index.ts';
import { openProjectStore } from '../runs/open-store.ts';
import { formatTable, shortTime } from '../runs/table.ts';

const STATUSES: DeadLetter['status'][] = ['pending', 'replayed', 'discarded'];

export function dlqCommand(): Command {
  return new Command('dlq')
    .exitOverride()
    .description(
      'The dead-letter queue: records that failed validation, mapping or writing, with the reason.',
    )
    .addCommand(dlqListCommand())
    .addCommand(dlqReplayCommand());
}

function dlqListCommand(): Command {
  return new Command('list')
    .exitOverride()
    .description('List dead letters, newest first.')
    .option('--project <file>', 'the project file', 'ferry.yaml')
    .option('--recipe <id>', 'only the dead letters of this recipe')
    .addOption(
      new Option('--status <status>', 'only dead letters with this status').choices(STATUSES),
    )
    .option('--limit <n>', 'how many', positiveInteger, 50)
    .option('--json', 'print the dead letters (with their records) as JSON')
    .action(
      async (options: {
        project: string;
        recipe?: string;
        status?: DeadLetter['status'];
        limit: number;
        json?: boolean;
      }) => {
        const store = await openProjectStore(options.project);
        let letters: DeadLetter[] = [];
        let total = 0;
        try {
          const filter = {
            ...(options.recipe ? { recipe: options.recipe } : {}),
            ...(options.status ? { status: options.status } : {}),
          };
          if (store) {
            letters = await store.listDeadLetters({ ...filter, limit: options.limit });
            total = await store.countDeadLetters(filter);
          }
        } finally {
          await store?.close();
        }
        if (options.json) {
          printJson(letters);
          return;
        }
        if (letters.length === 0) {
          console.log('No dead letters.');
          return;
        }
        console.log(
          formatTable(
            [
              { title: 'ID' },
              { title: 'RECIPE' },
              { title: 'STAGE' },
              { title: 'CODE' },
              { title: 'STATUS' },
              { title: 'CREATED (UTC)' },
              { title: 'REASON', max: 60 },
            ],
            letters.map((l) => [
              l.id,
              l.recipe,
              l.stage,
              l.code ?? '',
              l.status,
              shortTime(l.createdAt),
              l.reason.replace(/\s+/g, ' '),
            ]),
          ),
        );
        if (total > letters.length)
          console.log(`(${letters.length} of ${total}; use --limit to see more)`);
      },
    );
}

function dlqReplayCommand(): Command {
  return new Command('replay')
    .exitOverride()
    .description(
      "Deliver a recipe's pending dead letters again, as one run (after fixing what made them fail).",
    )
    .argument('<recipe>', 'a recipe id of the project')
    .option('--ids <ids>', 'only these dead letters (comma-separated ids from `ferry dlq list`)')
    .option('--project <file>', 'the project file', 'ferry.yaml')
    .option('--no-workers', 'run in this thread instead of a worker thread')
    .option('--json', 'print the finished run as JSON')
    .addHelpText(
      'after',
      '\nExit status: 0 when the replay run succeeded (or there was nothing to replay), 1 otherwise.',
    )
    .action(
      async (
        recipe: string,
        options: { ids?: string; project: string; workers: boolean; json?: boolean },
      ) => {
        const ids = options.ids
          ?.split(',')
          .map((id) => id.trim())
          .filter(Boolean);
        const project = await openProject({
          projectFile: options.project,
          workers: options.workers,
        });
        try {
          project.runner.recipe(recipe);
          const letters = ids
            ? await project.store.getDeadLetters(ids)
            : await project.store.listDeadLetters({ recipe, status: 'pending', limit: 100_000 });
          const replayable = letters.filter((l) => l.recipe === recipe && l.status === 'pending');
          for (const id of ids ?? []) {
            if (!replayable.some((l) => l.id === id))
              console.error(`skipped ${id}: not a pending dead letter of ${recipe}`);
          }
          if (replayable.length === 0) {
            if (options.json) printJson(null);
            else console.log(`${recipe}: no pending dead letters to replay.`);
            return;
          }
          const run = await project.runner.replay(
            recipe,
            replayable.map((l) => l.id),
            'cli',
          );
          if (options.json) printJson(run);
          else {
            console.log(
              `${recipe}: replayed ${replayable.length} dead letter${replayable.length === 1 ? '' : 's'}: run ${run.id} ${run.status} (read ${run.counts.read}, written ${run.counts.written}, dead-lettered again ${run.counts.deadLettered})`,
            );
            if (run.error) console.error(`${run.error.code}: ${run.error.message}`);
          }
          process.exitCode = run.status === 'succeeded' ? 0 : 1;
        } finally {
          await project.close();
        }
      },
    );
}
