import { openConnector } from '@ferry/declarative';
import { Command } from 'commander';
import { loadConfigFile } from '../../config-file.ts';
import { printJson } from '../../output.ts';

export function checkCommand(): Command {
  return new Command('check')
    .description(
      'Check that a connection config works: validate it, then read one page or send the check request.',
    )
    .argument('<connector>', 'connector package folder or manifest file')
    .requiredOption(
      '--config <file>',
      'connection config, JSON or YAML (${env:NAME} references allowed)',
    )
    .option('--json', 'print the result as JSON')
    .addHelpText('after', '\nExit status: 0 when the check passes, 1 when it fails.')
    .action(async (target: string, options: { config: string; json?: boolean }) => {
      const connector = await openConnector(target);
      const result = await connector.check(await loadConfigFile(options.config));
      if (options.json) printJson(result);
      else if (result.ok) console.log(`ok: ${connector.name} ${connector.version} can connect`);
      else console.error(`check failed: ${result.message}`);
      process.exitCode = result.ok ? 0 : 1;
    });
}
