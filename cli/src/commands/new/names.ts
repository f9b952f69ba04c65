import validateNpmPackageName from 'validate-npm-package-name';
import { scaffoldErrors } from './errors.ts';

/** A connector's names: the short one (folders, titles) and its npm package name. */
export interface ConnectorName {
  short: string;
  packageName: string;
}

const SHORT = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const SCOPE = /^@[a-z0-9][a-z0-9._-]*$/;
const UNSCOPED = /^[a-z][a-z0-9._-]*$/;
const RULE = 'lowercase letters, digits and hyphens, starting with a letter';

/**
 * Resolves what the author typed. A short name (`acme-crm`) becomes `@ferry/connector-acme-crm`
 * inside the Ferry repository and `ferry-connector-acme-crm` elsewhere; a scoped name or one
 * starting with `ferry-connector-` is a full npm name, used as it is.
 */
export function connectorName(input: string, insideRepository: boolean): ConnectorName {
  const full = input.startsWith('@') || input.startsWith('ferry-connector-');
  if (!full) {
    if (!SHORT.test(input)) throw invalid(input, `a short name is ${RULE}`);
    const packageName = insideRepository ? `@ferry/connector-${input}` : `ferry-connector-${input}`;
    checkNpm(input, packageName);
    return { short: input, packageName };
  }
  const [scope, unscoped = ''] = input.startsWith('@')
    ? input.split(/\/(.*)/s)
    : [undefined, input];
  if ((scope !== undefined && !SCOPE.test(scope)) || !UNSCOPED.test(unscoped))
    throw invalid(input, `a package name (after its @scope/) is ${RULE}, dots or underscores`);
  checkNpm(input, input);
  const short = unscoped.replace(/^(ferry-connector-|connector-)/, '');
  return { short: SHORT.test(short) ? short : unscoped, packageName: input };
}

function checkNpm(input: string, packageName: string): void {
  const result = validateNpmPackageName(packageName);
  if (result.validForNewPackages) return;
  const problems = [...(result.errors ?? []), ...(result.warnings ?? [])].join('; ');
  throw invalid(input, `npm refuses the package name ${packageName}: ${problems}`);
}

function invalid(input: string, rule: string) {
  const suggestion = suggestName(input);
  return scaffoldErrors.create(
    'FERRY_NEW_INVALID_NAME',
    `'${input}' is not a valid connector name: ${rule}`,
    {
      hint: `Try '${suggestion}' (${RULE}), or a full npm package name such as @acme/ferry-connector-${suggestion}.`,
    },
  );
}

/** A valid short name close to what was typed: `Acme_CRM` -> `acme-crm`. */
export function suggestName(input: string): string {
  const words = input
    .replace(/^@[^/]*\//, '')
    .replace(/^(ferry-connector-|connector-)/i, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^[^a-z]+/, '')
    .replace(/-+$/, '')
    .slice(0, 50)
    .replace(/-+$/, '');
  return words === '' ? 'my-connector' : words;
}

/** A human title for a short name: `acme-crm` -> `Acme Crm`. */
export function titleOf(short: string): string {
  return short
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}
