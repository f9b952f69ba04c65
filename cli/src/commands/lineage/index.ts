import type { LineageEntry } from '@ferry/runtime';
import { Command } from 'commander';
import { printJson } from '../../output.ts';
import { openProjectStore } from '../runs/open-store.ts';
import { formatTable, shortTime } from '../runs/table.ts';

/** `ferry lineage <entity> <id>`: which run, source and record last wrote each field. */
export function lineageCommand(): Command {
  return new Command('lineage')
    .exitOverride()
    .description(
      'Show, for each field of an entity, which run, source system and record last wrote it into each system (two-way recipes).',
    )
    .argument('<entity>', 'the canonical entity, e.g. Customer')
    .argument('<id>', "a Ferry id, or any system's id of the entity (e.g. the HubSpot contact id)")
    .option('--project <file>', 'the project file', 'ferry.yaml')
    .option('--json', 'print the lineage as JSON')
    .action(async (entity: string, id: string, options: { project: string; json?: boolean }) => {
      const store = await openProjectStore(options.project);
      let rows: LineageEntry[] = [];
      try {
        rows = store ? await store.lineage(entity, id) : [];
      } finally {
        await store?.close();
      }
      if (options.json) printJson(rows);
      else if (rows.length === 0) console.log(`No lineage for ${entity} ${id}.`);
      else {
        console.log(`${entity} ${rows[0]?.ferryId}`);
        console.log(lineageTable(rows));
      }
    });
}

export function lineageTable(rows: LineageEntry[]): string {
  return formatTable(
    [
      { title: 'FIELD' },
      { title: 'WRITTEN TO' },
      { title: 'VALUE' },
      { title: 'FROM' },
      { title: 'RECORD' },
      { title: 'RUN' },
      { title: 'AT (UTC)' },
    ],
    rows.map((r) => [
      r.field,
      r.system,
      truncate(JSON.stringify(r.value) ?? ''),
      r.sourceSystem,
      r.sourceId,
      r.runId.slice(0, 8),
      shortTime(r.at),
    ]),
  );
}

function truncate(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}
