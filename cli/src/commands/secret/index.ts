import { access } from 'node:fs/promises';
import { join } from 'node:path';
import {
  ensureFerryDir,
  projectErrors,
  SecretStore,
  SqliteStore,
  secretKeyFile,
} from '@ferry/runtime';
import { Command } from 'commander';
import { printJson, shown } from '../../output.ts';
import { projectDirOf, projectOption } from '../install/project-option.ts';
import { readSecretValue } from './read-value.ts';

/** Opens the project's store (.ferry/ferry.db) and the secret store on it, for one command. */
async function withSecrets<T>(
  project: string,
  use: (secrets: SecretStore, context: { store: SqliteStore; ferryDir: string }) => Promise<T>,
): Promise<T> {
  const ferryDir = await ensureFerryDir(projectDirOf(project));
  const file = join(ferryDir, 'ferry.db');
  const store = SqliteStore.open(file);
  try {
    return await use(new SecretStore(store, { ferryDir, location: shown(file) }), {
      store,
      ferryDir,
    });
  } finally {
    await store.close();
  }
}

export function secretCommand(): Command {
  const secret = new Command('secret')
    .description(
      "Encrypted secrets (AES-256-GCM) in the project's store, for ${secret:name} references in ferry.yaml.",
    )
    // Subcommands made with .command() inherit these: a usage error exits 2, like other commands.
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)');
  secret
    .command('set')
    .description(
      'Store a secret; the value is read from stdin (never from the command line). The key is FERRY_SECRET_KEY, or .ferry/secret.key, made on first use.',
    )
    .argument('<name>', 'the secret name (letters, digits, _ . -)')
    .option(
      '--value-stdin',
      'read the value from stdin even on a terminal (the default when piped)',
    )
    .addOption(projectOption())
    .addHelpText(
      'after',
      '\nExample:\n  printf %s "$HUBSPOT_TOKEN" | ferry secret set hubspot-token --value-stdin',
    )
    .action(async (name: string, flags: { project: string; valueStdin?: boolean }) => {
      await withSecrets(flags.project, async (secrets, { store, ferryDir }) => {
        const keyFile = secretKeyFile({ ferryDir });
        const makesKey =
          !process.env.FERRY_SECRET_KEY &&
          !(await access(keyFile).then(
            () => true,
            () => false,
          ));
        const value = await readSecretValue(name, flags.valueStdin ?? false);
        await secrets.set(name, value);
        await store.audit({ actor: 'cli', action: 'secret.set', subject: name });
        console.log(`stored secret ${name} in ${shown(store.file)}`);
        if (makesKey)
          console.error(
            `created the secret key ${shown(keyFile)} (mode 0600): keep it safe and out of version control; without it the secrets cannot be read`,
          );
      });
    });
  secret
    .command('list')
    .description('List the names of the stored secrets (never their values).')
    .addOption(projectOption())
    .option('--json', 'print the names as JSON')
    .action(async (flags: { project: string; json?: boolean }) => {
      const names = await withSecrets(flags.project, (secrets) => secrets.list());
      if (flags.json) printJson(names);
      else if (names.length === 0) console.log('no secrets stored');
      else for (const name of names) console.log(name);
    });
  secret
    .command('rm')
    .description('Delete a stored secret.')
    .argument('<name>', 'the secret name')
    .addOption(projectOption())
    .action(async (name: string, flags: { project: string }) => {
      await withSecrets(flags.project, async (secrets, { store }) => {
        if (!(await secrets.delete(name))) {
          throw projectErrors.create(
            'FERRY_SECRET_NOT_FOUND',
            `no secret named '${name}' in ${shown(store.file)}`,
            { file: store.file, hint: '`ferry secret list` shows the names stored.' },
          );
        }
        await store.audit({ actor: 'cli', action: 'secret.delete', subject: name });
        console.log(`removed secret ${name}`);
      });
    });
  return secret;
}
