import { Command, CommanderError } from 'commander';
import { checkCommand } from './commands/check/index.ts';
import { daemonCommand } from './commands/daemon/index.ts';
import { diffCommand } from './commands/diff/index.ts';
import { discoverCommand } from './commands/discover/index.ts';
import { dlqCommand } from './commands/dlq/index.ts';
import { installCommand } from './commands/install/index.ts';
import { listCommand } from './commands/install/list.ts';
import { uninstallCommand } from './commands/install/uninstall.ts';
import { lineageCommand } from './commands/lineage/index.ts';
import { newCommand } from './commands/new/index.ts';
import { readCommand } from './commands/read/index.ts';
import { recordCommand } from './commands/record/index.ts';
import { runCommand } from './commands/run/index.ts';
import { runsCommand } from './commands/runs/index.ts';
import { secretCommand } from './commands/secret/index.ts';
import { specCommand } from './commands/spec/index.ts';
import { testCommand } from './commands/test/index.ts';
import { validateCommand } from './commands/validate/index.ts';
import { reportFailure } from './output.ts';
import { CLI_VERSION } from './version.ts';

/** Builds the `ferry` program. Each command lives in src/commands/<name>/. */
export function createProgram(): Command {
  const program = new Command('ferry')
    .description('Ferry: connectors and recipes that keep CRMs, ERPs, databases and files in sync.')
    .version(CLI_VERSION, '-v, --version')
    .showHelpAfterError('(run with --help for usage)');
  for (const command of [
    newCommand(),
    validateCommand(),
    specCommand(),
    checkCommand(),
    discoverCommand(),
    readCommand(),
    testCommand(),
    recordCommand(),
    diffCommand(),
    installCommand(),
    uninstallCommand(),
    listCommand(),
    secretCommand(),
    runCommand(),
    runsCommand(),
    lineageCommand(),
    dlqCommand(),
    daemonCommand(),
  ]) {
    program.addCommand(command);
  }
  exitOverride(program);
  return program;
}

/** Commander's exit override does not reach commands added with addCommand: set it on each. */
function exitOverride(command: Command): void {
  command.exitOverride();
  for (const sub of command.commands) exitOverride(sub);
}

/** Runs the CLI and returns the exit code: 0 ok, 1 failure, 2 usage error. */
export async function main(argv: string[]): Promise<number> {
  const program = createProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return Number(process.exitCode ?? 0);
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return 0;
      if (error.code === 'commander.help') return 0;
      return 2;
    }
    reportFailure(error);
    return 1;
  }
}
