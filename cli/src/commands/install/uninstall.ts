import { installErrors, listConnectors, uninstallConnector } from '@ferry/runtime';
import { Command } from 'commander';
import semver from 'semver';
import { projectDirOf, projectOption } from './project-option.ts';

export function uninstallCommand(): Command {
  return new Command('uninstall')
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)')
    .description(
      'Remove an installed connector version, or every version of it, and its ferry.lock entries.',
    )
    .argument('<name[@version]>', 'the package name, with an exact version to remove only that one')
    .addOption(projectOption())
    .addHelpText(
      'after',
      '\nExit status: 0 when something was removed, 1 when nothing matched.\n\nExamples:\n  ferry uninstall @ferry/connector-github@0.1.0\n  ferry uninstall @ferry/connector-github',
    )
    .action(async (target: string, flags: { project: string }) => {
      const projectDir = projectDirOf(flags.project);
      const { name, version } = parseTarget(target);
      const usedBefore = (await listConnectors(projectDir, { projectFile: flags.project }))
        .filter((c) => c.name === name && (version === undefined || c.version === version))
        .flatMap((c) => c.usedBy);
      for (const v of await uninstallConnector(projectDir, name, version))
        console.log(`removed: ${name}@${v}`);
      const usedAfter = new Set(
        (await listConnectors(projectDir, { projectFile: flags.project })).flatMap((c) => c.usedBy),
      );
      for (const connection of usedBefore.filter((c) => !usedAfter.has(c))) {
        console.error(
          `warning: connection '${connection}' of ${flags.project} has no installed version of ${name} left; install one with \`ferry install\``,
        );
      }
    });
}

/** `@scope/name@1.2.3` -> name and exact version; a name alone -> every version. */
function parseTarget(target: string): { name: string; version?: string } {
  const at = target.lastIndexOf('@');
  if (at <= 0) return { name: target };
  const version = target.slice(at + 1);
  if (semver.valid(version) !== version) {
    throw installErrors.create(
      'FERRY_INSTALL_SPEC_INVALID',
      `${JSON.stringify(target)}: give an exact version to remove (name@1.2.3), or the name alone to remove every version`,
      { file: target },
    );
  }
  return { name: target.slice(0, at), version };
}
