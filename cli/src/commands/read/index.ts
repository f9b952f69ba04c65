import { type Connector, openConnector, parseStateInput } from '@ferry/declarative';
import { isFerryError } from '@ferry/manifest';
import type { ErrorMessage } from '@ferry/sdk';
import { Command } from 'commander';
import { loadConfigFile, readTextFile } from '../../config-file.ts';
import { reportFailure } from '../../output.ts';
import { writeLines } from './write-lines.ts';

export function readCommand(): Command {
  return new Command('read')
    .description(
      'Read streams and print messages as JSON lines: RECORD, STATE, LOG, and ERROR on failure.',
    )
    .argument('<connector>', 'connector package folder or manifest file')
    .requiredOption(
      '--config <file>',
      'connection config, JSON or YAML (${env:NAME} references allowed)',
    )
    .option('--streams <names>', 'comma-separated streams to read (default: every readable stream)')
    .option(
      '--state <file>',
      'state to resume from: the STATE lines of an earlier read, or { stream: state }',
    )
    .option('--debug', 'also print debug logs')
    .addHelpText(
      'after',
      '\nExit status: 0 when every stream was read, 1 on failure (an ERROR line says why).',
    )
    .action(
      async (
        target: string,
        options: { config: string; streams?: string; state?: string; debug?: boolean },
      ) => {
        let connector: Connector | undefined;
        try {
          connector = await openConnector(target);
          const config = await loadConfigFile(options.config);
          const state = options.state
            ? parseStateInput(await readTextFile(options.state), options.state)
            : undefined;
          const streams = options.streams
            ?.split(',')
            .map((s) => s.trim())
            .filter(Boolean);
          for await (const batch of connector.read(config, {
            ...(streams ? { streams } : {}),
            ...(state ? { state } : {}),
            debug: options.debug ?? false,
          })) {
            await writeLines(batch);
          }
        } catch (error) {
          const message: ErrorMessage = isFerryError(error)
            ? {
                type: 'ERROR',
                code: error.code,
                message: error.message,
                ...(error.path ? { path: error.path } : {}),
                ...(error.hint ? { hint: error.hint } : {}),
                ...(typeof error.details?.stream === 'string'
                  ? { stream: error.details.stream }
                  : {}),
              }
            : {
                type: 'ERROR',
                code: 'FERRY_INTERNAL',
                message: (error as Error)?.message ?? String(error),
              };
          await writeLines([message]);
          reportFailure(error);
          process.exitCode = 1;
        }
      },
    );
}
