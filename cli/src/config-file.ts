import { readFile } from 'node:fs/promises';
import { formatIssue, readSource } from '@ferry/manifest';
import type { JsonObject } from '@ferry/sdk';
import { cliErrors } from './errors.ts';

/**
 * Reads a connection config file (JSON or YAML). String values may reference environment
 * variables as ${env:NAME}, so secrets need not be written into the file.
 */
export async function loadConfigFile(file: string | undefined): Promise<JsonObject> {
  if (!file) return {};
  const parsed = await readSource(file);
  if (!parsed.source) {
    throw cliErrors.create('FERRY_CONFIG_FILE_INVALID', parsed.issues.map(formatIssue).join('\n'), {
      file,
    });
  }
  const data = parsed.source.data;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw cliErrors.create('FERRY_CONFIG_FILE_INVALID', `${file} must hold an object of settings`, {
      file,
      path: '$',
    });
  }
  return resolveEnv(data, file, '$') as JsonObject;
}

function resolveEnv(value: unknown, file: string, path: string): unknown {
  if (typeof value === 'string') {
    return value.replace(/\$\{env:([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, name: string) => {
      const found = process.env[name];
      if (found === undefined)
        throw cliErrors.create(
          'FERRY_ENV_MISSING',
          `${path} references \${env:${name}}, which is not set`,
          { file, path },
        );
      return found;
    });
  }
  if (Array.isArray(value)) return value.map((v, i) => resolveEnv(v, file, `${path}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, resolveEnv(v, file, `${path}.${k}`)]),
    );
  }
  return value;
}

export async function readTextFile(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw cliErrors.create(
      'FERRY_CONFIG_FILE_INVALID',
      `${file} cannot be read: ${(error as Error).message}`,
      { file },
    );
  }
}
