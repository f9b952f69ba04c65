import { openConnector } from '@ferry/declarative';
import { Command } from 'commander';
import { printJson } from '../../output.ts';

export function specCommand(): Command {
  return new Command('spec')
    .description(
      "Print a connector's specification: name, version, runtime range and the JSON Schema of its config.",
    )
    .argument('<connector>', 'connector package folder or manifest file')
    .option('--json', 'print the specification as JSON')
    .action(async (target: string, options: { json?: boolean }) => {
      const spec = (await openConnector(target)).spec();
      if (options.json) return printJson(spec);
      console.log(`${spec.title} (${spec.name} ${spec.version}, runtime ${spec.runtime})`);
      if (spec.description) console.log(spec.description);
      console.log('\nconfig:');
      const required = new Set(spec.config.required ?? []);
      for (const [key, field] of Object.entries(spec.config.properties)) {
        const flags = [
          field.type && String(field.type),
          required.has(key) && 'required',
          field['x-secret'] && 'secret',
        ]
          .filter(Boolean)
          .join(', ');
        console.log(`  ${key} (${flags})${field.description ? `: ${field.description}` : ''}`);
      }
    });
}
