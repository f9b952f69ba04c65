import { Command, Option } from 'commander';
import { type NewConnectorFlags, newConnector } from './connector.ts';
import { newProject } from './project.ts';
import { canPrompt, inquirerAsk } from './prompts.ts';
import { CONNECTOR_TEMPLATES } from './templates.ts';

/** `ferry new connector|project`: scaffolding. */
export function newCommand(): Command {
  const command = new Command('new')
    .description('Scaffold a connector package or a project (ferry.yaml).')
    // Subcommands made with .command() inherit these: a usage error exits 2, like other commands.
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)');

  command
    .command('connector')
    .description(
      'Scaffold a connector package: manifest, sample stream and schema, config types, recorded fixtures, regression and conformance tests.',
    )
    .argument(
      '<name>',
      'a short name (acme-crm: @ferry/connector-acme-crm inside the Ferry repository, ferry-connector-acme-crm elsewhere) or a full npm name',
    )
    .addOption(
      new Option(
        '--template <template>',
        'what the connector is made of (default: declarative)',
      ).choices(CONNECTOR_TEMPLATES),
    )
    .option(
      '--dir <folder>',
      'where to write it (default: connectors/<name> in the repository, ./<name> elsewhere)',
    )
    .option('--title <title>', 'a human name (default: from the name)')
    .option('--description <text>', 'one sentence on what it reads or writes')
    .option('-y, --yes', 'ask nothing: use the defaults for what the options do not give')
    .option(
      '--force',
      'write into a folder that has files: same-named files are replaced, nothing is deleted',
    )
    .addHelpText(
      'after',
      '\nQuestions are asked on a terminal only, for what the options do not give.\n\nExamples:\n  ferry new connector acme-crm\n  ferry new connector billing --template code --title "Acme Billing" --yes\n  ferry new connector @acme/ferry-connector-warehouse --template destination --dir ./warehouse',
    )
    .action(async (name: string, flags: NewConnectorFlags & { yes?: boolean }) => {
      const lines = await newConnector(name, flags, canPrompt(flags) ? inquirerAsk() : undefined);
      for (const line of lines) console.log(line);
    });

  command
    .command('project')
    .description(
      'Scaffold a project: a ferry.yaml with commented examples of connections and recipes.',
    )
    .argument('[dir]', 'the project folder (created when missing)', '.')
    .option('--name <name>', 'the project name (default: the folder name)')
    .option('-y, --yes', 'ask nothing: use the defaults')
    .option('--force', 'replace an existing ferry.yaml')
    .action(async (dir: string, flags: { name?: string; yes?: boolean; force?: boolean }) => {
      const lines = await newProject(dir, flags, canPrompt(flags) ? inquirerAsk() : undefined);
      for (const line of lines) console.log(line);
    });
  return command;
}
