import { dirname } from 'node:path';
import {
  type ConnectorPackage,
  type PathValidation,
  type ProjectFile,
  readSource,
  validatePath,
} from '@ferry/manifest';
import { checkProjectAgainstInstalled } from '@ferry/runtime';
import { Command } from 'commander';
import { presentIssues, printIssues, printJson, shown } from '../../output.ts';

export function validateCommand(): Command {
  return new Command('validate')
    .description(
      'Check a connector package folder, a manifest file or a project file (ferry.yaml, also against its installed connectors); prints every problem with its file, line and JSON path.',
    )
    .argument('[path]', 'package folder, manifest or ferry.yaml', '.')
    .option('--json', 'print the result as JSON')
    .addHelpText(
      'after',
      '\nExit status: 0 when valid, 1 when there are problems.\n\nExamples:\n  ferry validate connectors/github\n  ferry validate ferry.yaml --json',
    )
    .action(async (path: string, options: { json?: boolean }) => {
      const result = await withInstalledChecks(await validatePath(path));
      const issues = presentIssues(result.issues);
      if (options.json) {
        printJson({ ok: result.ok, kind: result.kind ?? null, file: shown(result.file), issues });
      } else if (result.ok) {
        console.log(`ok: ${describeValid(path, result)}`);
      } else {
        printIssues(issues, (line) => console.error(line));
        console.error(
          `\n${issues.length} problem${issues.length === 1 ? '' : 's'} in ${shown(result.file)}`,
        );
      }
      process.exitCode = result.ok ? 0 : 1;
    });
}

function describeValid(path: string, result: PathValidation): string {
  if (result.kind === 'package') {
    const pkg = result.value as ConnectorPackage;
    return `${shown(path)} is a valid connector package (${pkg.packageName} ${pkg.packageVersion})`;
  }
  return `${shown(result.file)} is a valid ${result.kind === 'project' ? 'project file' : 'connector manifest'}`;
}

/**
 * A valid project file is also checked against the connectors installed for it: connections
 * resolve, configs fit and keep secrets as references, recipes' streams and mappings fit.
 */
async function withInstalledChecks(result: PathValidation): Promise<PathValidation> {
  if (result.kind !== 'project') return result;
  // The installed checks need a project of the right shape: skip them after schema errors.
  if (result.issues.some((i) => /^FERRY_(SCHEMA|YAML|JSON|FILE)_/.test(i.code))) return result;
  const data = (result.value ?? (await readSource(result.file)).source?.data) as ProjectFile;
  const seen = new Set(result.issues.map((i) => `${i.code} ${i.path}`));
  const more = (await checkProjectAgainstInstalled(dirname(result.file), data)).filter(
    (i) => !seen.has(`${i.code} ${i.path}`),
  );
  const issues = [...result.issues, ...more];
  return issues.length === 0 ? result : { ...result, ok: false, issues };
}
