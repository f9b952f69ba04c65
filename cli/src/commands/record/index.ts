import { readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { record, writeRegressionTest } from '@ferry/testkit';
import { Command } from 'commander';
import { loadConfigFile } from '../../config-file.ts';
import { printJson, shown } from '../../output.ts';

interface RecordCommandOptions {
  config: string;
  streams?: string;
  out?: string;
  baseUrlKey?: string;
  force?: boolean;
  json?: boolean;
}

export function recordCommand(): Command {
  return new Command('record')
    .description(
      'Read streams against a live (or local) API and save the HTTP exchanges, records and state as fixtures, with a regression test that replays them offline.',
    )
    .argument('<connector>', 'connector package folder or manifest file')
    .requiredOption(
      '--config <file>',
      'a working connection config, JSON or YAML (${env:NAME} references allowed)',
    )
    .option(
      '--streams <names>',
      'comma-separated streams to record (default: every readable stream)',
    )
    .option('--out <dir>', 'the fixtures folder to write (default: <connector>/fixtures)')
    .option(
      '--base-url-key <field>',
      'the config field holding the base URL (default: baseUrl, url, instanceUrl, apiUrl or base_url)',
    )
    .option('--force', 'overwrite a test/regression.test.ts that has other content')
    .option('--json', 'print what was recorded as JSON')
    .addHelpText(
      'after',
      '\nSecrets (x-secret config fields, tokens, cookies) are saved as "***" and the API origin as a placeholder.\nExit status: 0 when recorded, 1 on failure.',
    )
    .action(async (target: string, options: RecordCommandOptions) => {
      const connector = resolve(target);
      const dir = (await stat(connector)).isDirectory() ? connector : dirname(connector);
      const fixtures = resolve(options.out ?? join(dir, 'fixtures'));
      const regression = { connector, fixtures, force: options.force ?? false };
      // Refuse before recording, rather than after, when the test file would not be written.
      await writeRegressionTest({ ...regression, dryRun: true });
      const streams = options.streams
        ?.split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      const result = await record({
        connector,
        config: await loadConfigFile(options.config),
        fixtures,
        ...(streams ? { streams } : {}),
        ...(options.baseUrlKey ? { baseUrlKey: options.baseUrlKey } : {}),
      });
      const test = await writeRegressionTest(regression);
      if (options.json) {
        printJson({
          fixtures: shown(fixtures),
          streams: result.streams,
          test: { ...test, file: shown(test.file) },
        });
        return;
      }
      for (const s of result.streams)
        console.log(
          `recorded ${s.stream}: ${s.interactions} HTTP exchange(s), ${s.records} record(s)`,
        );
      console.log(`wrote ${shown(fixtures)}/ (config.json, cassettes/, golden/)`);
      const verb = { written: 'wrote', overwritten: 'overwrote', unchanged: 'kept (unchanged)' };
      console.log(`${verb[test.status]} ${shown(test.file)}`);
      if (!(await dependsOnTestkit(dir)))
        console.log('note: add "@ferry/testkit" to devDependencies in package.json to run it');
    });
}

async function dependsOnTestkit(dir: string): Promise<boolean> {
  const text = await readFile(join(dir, 'package.json'), 'utf8').catch(() => '{}');
  const pkg = JSON.parse(text) as Record<string, Record<string, string> | undefined>;
  return Boolean(pkg.devDependencies?.['@ferry/testkit'] ?? pkg.dependencies?.['@ferry/testkit']);
}
