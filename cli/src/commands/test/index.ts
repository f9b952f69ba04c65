import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { JsonObject } from '@ferry/sdk';
import {
  type ConformanceOptions,
  type ReplayedConformance,
  replayedConformance,
  runConformance,
  testkitErrors,
} from '@ferry/testkit';
import { Command } from 'commander';
import { loadConfigFile } from '../../config-file.ts';
import { printJson, shown } from '../../output.ts';
import { runConnectorTests } from './connector-tests.ts';
import { formatReport } from './report.ts';

interface TestOptions {
  config?: string;
  fixtures?: string;
  streams?: string;
  volatile?: string;
  samples?: string;
  connectorTests: boolean;
  json?: boolean;
}

const list = (value: string | undefined) =>
  value
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);

export function testCommand(): Command {
  return new Command('test')
    .description(
      "Run the conformance suite on a connector (against --config, or offline on its recorded fixtures), then the connector's own tests.",
    )
    .argument('[connector]', 'connector package folder or manifest file (default: this folder)')
    .option('--config <file>', 'a working connection config: check against the live (or local) API')
    .option(
      '--fixtures <dir>',
      'recorded fixtures to replay when there is no --config (default: <connector>/fixtures)',
    )
    .option('--streams <names>', 'comma-separated streams to check (default: every stream)')
    .option(
      '--volatile <fields>',
      'comma-separated fields that change on every read (ignored when reads are compared)',
    )
    .option(
      '--samples <file>',
      'write samples, JSON { "<stream>": [records] }: checks that writes are idempotent',
    )
    .option('--no-connector-tests', "skip the connector's own tests (npm test)")
    .option('--json', 'print the outcomes as JSON')
    .addHelpText('after', '\nExit status: 0 when every check and test passed, 1 otherwise.')
    .action(async (target: string | undefined, options: TestOptions) => {
      const connector = resolve(target ?? '.');
      const dir = statSync(connector, { throwIfNoEntry: false })?.isDirectory()
        ? connector
        : dirname(connector);
      const base: Omit<ConformanceOptions, 'config'> = {
        connector,
        ...(list(options.streams) ? { streams: list(options.streams) } : {}),
        ...(list(options.volatile) ? { volatile: list(options.volatile) } : {}),
        ...(options.samples
          ? {
              writeSamples: (await loadConfigFile(options.samples)) as Record<string, JsonObject[]>,
            }
          : {}),
      };
      let replay: ReplayedConformance | undefined;
      let conformance: ConformanceOptions;
      let against: string;
      if (options.config) {
        conformance = { ...base, config: await loadConfigFile(options.config) };
        against = `against the API in ${shown(options.config)}`;
      } else {
        const fixtures = resolve(options.fixtures ?? join(dir, 'fixtures'));
        if (!existsSync(join(fixtures, 'config.json')))
          throw testkitErrors.create(
            'FERRY_FIXTURES_NOT_FOUND',
            `no --config given and no recorded fixtures in ${shown(fixtures)}`,
            {
              file: fixtures,
              hint: 'Give a working config (ferry test <connector> --config <file>), or record fixtures first (ferry record <connector> --config <file>).',
            },
          );
        replay = await replayedConformance({ ...base, fixtures });
        conformance = replay.options;
        against = `offline, replaying ${shown(fixtures)}`;
      }
      const outcomes = await runConformance(conformance).finally(() => replay?.close());
      const tests = options.connectorTests
        ? await runConnectorTests(dir)
        : { status: 'none' as const, reason: 'skipped (--no-connector-tests)' };
      const ok = outcomes.every((o) => o.status !== 'failed') && tests.status !== 'failed';
      if (options.json)
        printJson({ connector: shown(connector), ok, checks: outcomes, connectorTests: tests });
      else
        console.log(formatReport(`ferry test ${shown(connector)} (${against})`, outcomes, tests));
      process.exitCode = ok ? 0 : 1;
    });
}
