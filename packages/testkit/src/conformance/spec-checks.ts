import type { ConnectorSpec } from '@ferry/declarative';
import { checkWithSchema, formatIssue, validatePath } from '@ferry/manifest';
import type { CheckOutcome } from '../contract.ts';
import { CHECKS, failed, passed } from './checks.ts';

/** Names that say a field holds a credential: such a field must be marked `x-secret: true`. */
const SECRET_NAME =
  /(pass(word|phrase)?|secret|token|api[-_]?key|private[-_]?key|credentials?|client[-_]?secret)$/i;

/** The manifest (and, for a package, package.json and its files) validates without issues. */
export async function checkManifest(connector: string): Promise<CheckOutcome> {
  const result = await validatePath(connector);
  if (result.kind === 'project')
    return failed(CHECKS.manifest, `${connector} is a project file, not a connector`);
  if (result.ok) return passed(CHECKS.manifest);
  const shown = result.issues.slice(0, 5).map(formatIssue).join('\n');
  const more = result.issues.length > 5 ? `\n... and ${result.issues.length - 5} more` : '';
  return failed(
    CHECKS.manifest,
    `${result.issues.length} problem(s) in the connector:\n${shown}${more}`,
  );
}

/** The config schema compiles, and every field that looks like a credential is marked secret. */
export function checkSpec(spec: ConnectorSpec): CheckOutcome {
  try {
    // A copy: checkWithSchema caches one validator per schema object, and the engine's own
    // validator of this schema must keep filling in defaults.
    checkWithSchema(structuredClone(spec.config), {});
  } catch (error) {
    return failed(CHECKS.spec, `the config schema does not compile: ${(error as Error).message}`);
  }
  const unflagged = Object.entries(spec.config.properties ?? {})
    .filter(([name, field]) => SECRET_NAME.test(name) && field['x-secret'] !== true)
    .map(([name]) => name);
  if (unflagged.length > 0) {
    return failed(
      CHECKS.spec,
      `config field(s) ${unflagged.map((n) => `'${n}'`).join(', ')} look like credentials but are not marked "x-secret": true, so their values would appear in logs and fixtures`,
    );
  }
  return passed(CHECKS.spec);
}

/** The names of the config fields marked `x-secret`. */
export function secretFields(spec: ConnectorSpec): string[] {
  return Object.entries(spec.config.properties ?? {})
    .filter(([, field]) => field['x-secret'] === true)
    .map(([name]) => name);
}
