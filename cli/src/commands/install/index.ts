import { type InstallResult, installConnectors, installFromLock, lockPath } from '@ferry/runtime';
import { Command } from 'commander';
import { printJson, shown } from '../../output.ts';
import { projectDirOf, projectOption } from './project-option.ts';

export { listCommand } from './list.ts';
export { uninstallCommand } from './uninstall.ts';

interface InstallFlags {
  project: string;
  force?: boolean;
  registry?: string;
  preferOffline?: boolean;
  json?: boolean;
}

export function installCommand(): Command {
  return new Command('install')
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)')
    .description(
      'Install connector packages side by side under .ferry/connectors/<name>/<version>/ and record them in ferry.lock.',
    )
    .argument(
      '[spec...]',
      'npm name@range, a package folder (./x) or a tarball (x.tgz); none: what ferry.lock records',
    )
    .addOption(projectOption())
    .option('--force', 'install again even when that name@version is installed')
    .option('--registry <url>', "npm registry to install from (default: npm's configuration)")
    .option('--prefer-offline', "use npm's cache before the network")
    .option('--json', 'print what was installed as JSON')
    .addHelpText(
      'after',
      '\nWithout a spec, installs what ferry.lock records and is missing (a fresh clone), checking each\npackage against the integrity the lock records.\n\nExit status: 0 when every spec is installed, 1 on the first failure (earlier specs stay installed).\n\nExamples:\n  ferry install @ferry/connector-github@^1\n  ferry install ./connectors/github ./acme-crm-1.2.0.tgz --project crm/ferry.yaml\n  ferry install',
    )
    .action(async (specs: string[], flags: InstallFlags) => {
      const projectDir = projectDirOf(flags.project);
      const options = {
        ...(flags.force ? { force: true } : {}),
        ...(flags.registry ? { registry: flags.registry } : {}),
        ...(flags.preferOffline ? { preferOffline: true } : {}),
      };
      const done: InstallResult[] = [];
      const report = (result: InstallResult) => {
        done.push(result);
        if (flags.json) return;
        const what = `${result.name}@${result.version}`;
        if (result.status === 'unchanged')
          console.log(`already installed: ${what} (use --force to install it again)`);
        else console.log(`${result.status}: ${what} -> ${shown(result.dir)}`);
      };
      if (specs.length === 0) {
        for (const result of await installFromLock(projectDir, options)) report(result);
        if (done.length === 0 && !flags.json)
          console.log(
            `nothing to install: everything ${shown(lockPath(projectDir))} records is installed`,
          );
      }
      for (const spec of specs) {
        const [result] = await installConnectors(projectDir, [spec], options);
        if (result) report(result);
      }
      if (flags.json)
        printJson(
          done.map(({ name, version, dir, status, entry }) => ({
            name,
            version,
            dir: shown(dir),
            status,
            source: entry.source,
            resolved: entry.resolved,
            integrity: entry.integrity,
          })),
        );
    });
}
