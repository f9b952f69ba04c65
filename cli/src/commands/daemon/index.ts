import { resolve } from 'node:path';
import {
  createDaemonLogger,
  DEFAULT_PORT,
  handleShutdownSignals,
  type OpenProject,
  openProject,
  RunEventHub,
  startDaemon,
} from '@ferry/runtime';
import { Command, InvalidArgumentError } from 'commander';
import { secretValues } from './secret-values.ts';

export function daemonCommand(): Command {
  return new Command('daemon')
    .exitOverride()
    .description(
      'Serve the project: schedules and webhooks start recipes; an HTTP API, Prometheus metrics and a dashboard show them. Runs until SIGTERM or SIGINT, which drain running syncs first.',
    )
    .option('--project <file>', 'the project file', 'ferry.yaml')
    .option('--port <n>', 'the port to listen on (0: any free port)', port, DEFAULT_PORT)
    .option(
      '--host <address>',
      'the address to listen on; other than loopback requires FERRY_API_TOKEN',
      '127.0.0.1',
    )
    .option('--no-workers', 'run syncs in the main thread instead of worker threads')
    .addHelpText(
      'after',
      [
        '',
        'Environment: FERRY_API_TOKEN (Bearer token for /api and /hooks), FERRY_LOG_LEVEL (default info).',
        'Logs are JSON lines on stdout, secrets redacted. Exit status: 0 after a clean shutdown, 1 otherwise.',
      ].join('\n'),
    )
    .action(async (options: { project: string; port: number; host: string; workers: boolean }) => {
      const projectFile = resolve(options.project);
      // Redacted from every log line: values found up front, the API token and webhook
      // secrets (added by the daemon), and whatever the runner resolves later.
      const secrets = new Set<string>();
      let project: OpenProject | undefined;
      const logger = createDaemonLogger({
        secrets: {
          *[Symbol.iterator]() {
            yield* secrets;
            yield* project?.secretValues() ?? [];
          },
        },
      });
      const events = new RunEventHub();
      project = await openProject({
        projectFile,
        workers: options.workers,
        onEvent: events.emit,
      });
      const opened = project;
      let daemon: Awaited<ReturnType<typeof startDaemon>>;
      try {
        for (const value of await secretValues(opened.project, opened.secrets)) secrets.add(value);
        daemon = await startDaemon({
          runner: opened.runner,
          store: opened.store,
          port: options.port,
          host: options.host,
          events,
          logger,
          secrets,
          projectFile: opened.projectFile,
          resolveSecret: (reference) => opened.secrets.get(reference.slice('${secret:'.length, -1)),
          ...(opened.pool ? { pool: opened.pool } : {}),
        });
      } catch (error) {
        await opened.close();
        throw error;
      }
      handleShutdownSignals({
        logger,
        shutdown: async () => {
          await daemon.close();
          await opened.close();
        },
      });
      // Serve until a signal: the handlers above end the process.
      await new Promise<never>(() => {});
    });
}

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65_535) {
    throw new InvalidArgumentError('expected a port number from 0 to 65535.');
  }
  return n;
}
