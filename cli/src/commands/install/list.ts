import { contentHash, type ListedConnector, listConnectors } from '@ferry/runtime';
import { Command } from 'commander';
import { printJson, shown } from '../../output.ts';
import { projectDirOf, projectOption } from './project-option.ts';

/** `ok`, `modified` (files differ from ferry.lock: the loader refuses it) or `not locked`. */
async function statusOf(connector: ListedConnector): Promise<string> {
  if (!connector.lock) return 'not locked';
  return (await contentHash(connector.dir)) === connector.lock.contentHash ? 'ok' : 'modified';
}

export function listCommand(): Command {
  return new Command('list')
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)')
    .description(
      'List installed connector versions: where each came from, whether its files are intact, and the connections of ferry.yaml that use it.',
    )
    .addOption(projectOption())
    .option('--json', 'print the list as JSON')
    .action(async (flags: { project: string; json?: boolean }) => {
      const projectDir = projectDirOf(flags.project);
      const listed = await listConnectors(projectDir, { projectFile: flags.project });
      const rows = await Promise.all(
        listed.map(async (c) => ({
          name: c.name,
          version: c.version,
          dir: shown(c.dir),
          status: await statusOf(c),
          source: c.lock?.source ?? null,
          ...(c.lock?.spec ? { spec: c.lock.spec } : {}),
          resolved: c.lock?.resolved ?? null,
          integrity: c.lock?.integrity ?? null,
          usedBy: c.usedBy,
        })),
      );
      if (flags.json) return printJson(rows);
      if (rows.length === 0) {
        console.log(`no connectors installed in ${shown(projectDir)}/.ferry/connectors`);
        return;
      }
      const table = [
        ['NAME', 'VERSION', 'STATUS', 'SOURCE', 'USED BY'],
        ...rows.map((r) => [
          r.name,
          r.version,
          r.status,
          r.resolved ? `${r.source} ${r.spec ?? r.resolved}` : '-',
          r.usedBy.join(', ') || '-',
        ]),
      ];
      const widths = table[0]?.map((_, i) => Math.max(...table.map((row) => row[i]?.length ?? 0)));
      for (const row of table)
        console.log(
          row
            .map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths?.[i] ?? 0)))
            .join('  '),
        );
      if (rows.some((r) => r.status !== 'ok'))
        console.error(
          'note: the loader refuses a "modified" or "not locked" install; reinstall it with `ferry install <spec> --force`',
        );
    });
}
