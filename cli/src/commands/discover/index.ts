import { openConnector } from '@ferry/declarative';
import { Command } from 'commander';
import { printJson } from '../../output.ts';

export function discoverCommand(): Command {
  return new Command('discover')
    .description(
      "List a connector's streams with their record schemas, keys, cursors and sync modes.",
    )
    .argument('<connector>', 'connector package folder or manifest file')
    .option('--config <file>', 'connection config (accepted for symmetry; schemas are static)')
    .option('--json', 'print the catalog as JSON')
    .action(async (target: string, options: { json?: boolean }) => {
      const streams = (await openConnector(target)).discover();
      if (options.json) return printJson({ streams });
      for (const s of streams) {
        const modes = [...s.syncModes, ...(s.writable ? ['write'] : [])].join(', ');
        console.log(
          `${s.name}  key: ${s.primaryKey.join(', ')}${s.cursorField ? `  cursor: ${s.cursorField}` : ''}  modes: ${modes}`,
        );
      }
    });
}
