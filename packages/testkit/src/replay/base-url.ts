import type { ConnectorSpec } from '@ferry/declarative';
import type { JsonObject } from '@ferry/sdk';
import { testkitErrors } from '../errors.ts';

/** Config fields that usually hold an HTTP connector's base URL, in the order they are tried. */
const BASE_URL_KEYS = ['baseUrl', 'url', 'instanceUrl', 'apiUrl', 'base_url'];

/** The config field holding the base URL: the given one, or the first usual name in the schema. */
export function baseUrlKey(spec: ConnectorSpec, given?: string): string | undefined {
  if (given) return given;
  const properties = spec.config.properties ?? {};
  return BASE_URL_KEYS.find((key) => key in properties);
}

/**
 * The origin (`scheme://host:port`) of the API the config points at: the base URL field's
 * value, or its schema default. Undefined for a connector without a base URL setting.
 */
export function recordedOrigin(
  spec: ConnectorSpec,
  config: JsonObject,
  given?: string,
): string | undefined {
  const key = baseUrlKey(spec, given);
  if (!key) return undefined;
  const value = config[key] ?? spec.config.properties?.[key]?.default;
  if (typeof value !== 'string' || value === '') return undefined;
  try {
    return new URL(value).origin;
  } catch {
    throw testkitErrors.create(
      'FERRY_RECORD_BASE_URL_UNKNOWN',
      `config field '${key}' of ${spec.name} is not a URL: ${value}`,
      { path: `$.${key}` },
    );
  }
}

/** Fails when a connector made HTTP requests but no base URL setting was found. */
export function requireOrigin(spec: ConnectorSpec, origin: string | undefined): string {
  if (origin) return origin;
  throw testkitErrors.create(
    'FERRY_RECORD_BASE_URL_UNKNOWN',
    `${spec.name} made HTTP requests, but none of its config fields (${BASE_URL_KEYS.join(', ')}) holds a base URL to replace with the replay server's`,
  );
}
