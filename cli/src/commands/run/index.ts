import { openProject, type RunCounts } from '@ferry/runtime';
import { Command } from 'commander';
import { printJson } from '../../output.ts';
import { formatSeconds, ProgressLine } from './progress.ts';

export function runCommand(): Command {
  return new Command('run')
    .description(
      'Run a recipe once: read its source from the last committed state, map, write its destination; dead-letter what fails.',
    )
    .argument('<recipe>', 'a recipe id of the project')
    .option('--project <file>', 'the project file', 'ferry.yaml')
    .option('--no-workers', 'run in this thread instead of a worker thread')
    .option('--full', 'ignore the committed state and read everything (the state is then replaced)')
    .option('--json', 'print the finished run as JSON')
    .addHelpText('after', '\nExit status: 0 when the run succeeded, 1 when it failed.')
    .action(
      async (
        recipe: string,
        options: { project: string; workers: boolean; full?: boolean; json?: boolean },
      ) => {
        const progress = new ProgressLine();
        let deadLetters = 0;
        const project = await openProject({
          projectFile: options.project,
          workers: options.workers,
          onEvent: (event) => {
            if (event.type === 'progress') {
              deadLetters = event.deadLetters;
              progress.update(event.counts, deadLetters);
            }
          },
        });
        const started = performance.now();
        try {
          if (options.full) await project.store.resetState(recipe);
          const run = await project.runner.run(recipe, { trigger: 'manual' });
          progress.done();
          if (options.json) printJson(run);
          else
            console.log(
              summary(recipe, run.status, run.counts, (performance.now() - started) / 1000, run.id),
            );
          if (run.error && !options.json) console.error(`${run.error.code}: ${run.error.message}`);
          process.exitCode = run.status === 'succeeded' ? 0 : 1;
        } finally {
          await project.close();
        }
      },
    );
}

function summary(
  recipe: string,
  status: string,
  counts: RunCounts,
  seconds: number,
  id: string,
): string {
  const rate = seconds > 0 ? Math.round(counts.read / seconds) : 0;
  return `${recipe}: ${status} in ${formatSeconds(seconds)} (run ${id}): read ${counts.read}, written ${counts.written}, dead-lettered ${counts.deadLettered}, ${rate}/s`;
}
