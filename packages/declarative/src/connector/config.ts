import { type ConfigSchema, checkWithSchema, jsonPath } from '@ferry/manifest';
import type { JsonObject } from '@ferry/sdk';
import { engineErrors } from '../errors.ts';

/** A connection config checked against the connector's config schema, with defaults filled in. */
export interface PreparedConfig {
  config: JsonObject;
  /** Values of fields marked x-secret: redacted from every log line and error. */
  secrets: string[];
}

export function prepareConfig(
  schema: ConfigSchema,
  raw: unknown,
  where: { connector: string; file?: string },
): PreparedConfig {
  const config = structuredClone((raw ?? {}) as JsonObject);
  const problems = checkWithSchema(schema, config, { useDefaults: true });
  if (problems.length > 0) {
    const lines = problems.map(
      (p) => `${jsonPath(p.segments)}: ${p.message}${p.hint ? ` (${p.hint})` : ''}`,
    );
    throw engineErrors.create(
      'FERRY_CONFIG_INVALID',
      `config for ${where.connector} is not valid:\n  ${lines.join('\n  ')}`,
      {
        ...(where.file ? { file: where.file } : {}),
        path: jsonPath(problems[0]?.segments ?? []),
        details: {
          problems: problems.map((p) => ({
            path: jsonPath(p.segments),
            code: p.code,
            message: p.message,
          })),
        },
      },
    );
  }
  const secrets: string[] = [];
  for (const [key, field] of Object.entries(schema.properties)) {
    const value = config[key];
    if (field['x-secret'] && typeof value === 'string' && value !== '') secrets.push(value);
  }
  return { config, secrets };
}
