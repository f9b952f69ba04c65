import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { diffVersions, testkitErrors } from '@ferry/testkit';
import { Command } from 'commander';
import { printJson, shown } from '../../output.ts';
import { formatDiff } from './report.ts';

const folderOf = (path: string) =>
  statSync(path, { throwIfNoEntry: false })?.isDirectory() ? path : dirname(path);

/** The fixtures to replay: the given folder, else a's `fixtures/`, else b's. */
function findFixtures(a: string, b: string, given: string | undefined): string {
  if (given) return resolve(given);
  const found = [a, b].map((p) => join(folderOf(p), 'fixtures')).find((f) => existsSync(f));
  if (found) return found;
  throw testkitErrors.create(
    'FERRY_FIXTURES_NOT_FOUND',
    `neither ${shown(a)} nor ${shown(b)} has a fixtures/ folder to replay`,
    {
      hint: 'Give one with --fixtures <dir>, or record fixtures first (ferry record <connector> --config <file>).',
    },
  );
}

export function diffCommand(): Command {
  return new Command('diff')
    .description(
      'Replay two versions of a connector on the same recorded fixtures and compare records, primary keys, schemas and state.',
    )
    .argument('<a>', 'the version compared from (a package folder or manifest file)')
    .argument('<b>', 'the version compared to')
    .option('--fixtures <dir>', "the fixtures to replay (default: a's fixtures/, else b's)")
    .option(
      '--volatile <fields>',
      'comma-separated fields that change on every read, ignored in records',
    )
    .option('--json', 'print the comparison as JSON')
    .addHelpText(
      'after',
      '\nExit status: 0 when both versions replay the same, 1 when they differ.',
    )
    .action(
      async (
        a: string,
        b: string,
        options: { fixtures?: string; volatile?: string; json?: boolean },
      ) => {
        const fixtures = findFixtures(a, b, options.fixtures);
        const volatile = options.volatile
          ?.split(',')
          .map((s) => s.trim())
          .filter(Boolean);
        const diff = await diffVersions({
          a: resolve(a),
          b: resolve(b),
          fixtures,
          ...(volatile ? { volatile } : {}),
        });
        if (options.json) printJson(diff);
        else
          console.log(
            formatDiff(
              `ferry diff ${shown(resolve(a))} (a) ${shown(resolve(b))} (b), replaying ${shown(fixtures)}`,
              diff,
            ),
          );
        process.exitCode = diff.equal ? 0 : 1;
      },
    );
}
