import { stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import {
  formatIssue,
  type Issue,
  type Validation,
  validateConnectorPackage,
  validateManifestFile,
} from '@ferry/manifest';
import { engineErrors } from '../errors.ts';
import { type Connector, createConnector } from './connector.ts';
import { LoadedConnector } from './loaded.ts';

/**
 * Opens a connector from a package folder (its package.json names the manifest) or a manifest
 * file, validating it first. An invalid connector is FERRY_CONNECTOR_INVALID with every issue.
 */
export async function openConnector(target: string): Promise<Connector> {
  const info = await stat(target).catch(() => undefined);
  if (!info) {
    throw engineErrors.create('FERRY_CONNECTOR_INVALID', `${target} does not exist`, {
      file: target,
      hint: 'Give a connector package folder or a manifest file (connector.yaml).',
    });
  }
  const isPackage = info.isDirectory() || basename(target) === 'package.json';
  if (isPackage) {
    const dir = info.isDirectory() ? target : dirname(target);
    const result = await validateConnectorPackage(dir);
    const value = ensureValid(result, target);
    return createConnector(
      new LoadedConnector(
        value.packageName,
        value.packageVersion,
        dir,
        value.file,
        value.manifest,
        value.schemas,
      ),
      dir,
    );
  }
  const value = ensureValid(await validateManifestFile(target), target);
  return createConnector(
    new LoadedConnector(
      value.manifest.name,
      value.manifest.version ?? '0.0.0',
      value.dir,
      value.file,
      value.manifest,
      value.schemas,
    ),
    target,
  );
}

function ensureValid<T>(result: Validation<T>, target: string): T {
  if (result.ok && result.value) return result.value;
  const issues: Issue[] = result.issues;
  const shown = issues.slice(0, 5).map(formatIssue).join('\n');
  const more = issues.length > 5 ? `\n... and ${issues.length - 5} more` : '';
  throw engineErrors.create(
    'FERRY_CONNECTOR_INVALID',
    `${target} is not a valid connector:\n${shown}${more}`,
    {
      file: issues[0]?.file ?? target,
      ...(issues[0]?.path ? { path: issues[0].path } : {}),
      details: { issues },
    },
  );
}
