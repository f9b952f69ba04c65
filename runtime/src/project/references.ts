import { jsonPath, manifestErrors } from '@ferry/manifest';
import { projectErrors } from './errors.ts';

const REFERENCE = /\$\{([^}]*)\}/g;
const ENV = /^env:([A-Za-z_][A-Za-z0-9_]*)$/;
const SECRET = /^secret:([A-Za-z0-9_.-]+)$/;

/** True when a string holds a `${...}` reference (its value comes from elsewhere). */
export function hasReference(value: string): boolean {
  return /\$\{[^}]*\}/.test(value);
}

/** Where secrets come from: the secret store (`SecretStore`) or anything with `get`. */
export interface SecretSource {
  get(name: string): Promise<string | undefined>;
}

export interface ResolveOptions {
  /** Environment variables; default `process.env`. */
  env?: Record<string, string | undefined>;
  /** The secret store; without it a `${secret:...}` reference is FERRY_SECRET_NOT_FOUND. */
  secrets?: SecretSource;
  /** The connection id: messages and JSON paths point at `$.connections.<id>.config...`. */
  connection?: string;
  /** The project file, for messages. */
  file?: string;
}

/**
 * Replaces `${env:NAME}` and `${secret:name}` in every string of a connection config (a
 * reference may sit inside text: `Bearer ${env:TOKEN}`). A missing variable or secret is a
 * coded error naming the connection and the JSON path; values never appear in messages.
 */
export async function resolveConnectionConfig<T>(
  config: T,
  options: ResolveOptions = {},
): Promise<T> {
  const env = options.env ?? process.env;
  const fetched = new Map<string, Promise<string | undefined>>();
  const prefix: (string | number)[] =
    options.connection === undefined ? [] : ['connections', options.connection, 'config'];
  const who =
    options.connection === undefined ? 'the config' : `connection '${options.connection}'`;
  const where = (segments: (string | number)[]) => ({
    ...(options.file ? { file: options.file } : {}),
    path: jsonPath([...prefix, ...segments]),
  });

  async function resolveString(text: string, segments: (string | number)[]): Promise<string> {
    let out = '';
    let last = 0;
    for (const match of text.matchAll(REFERENCE)) {
      out += text.slice(last, match.index);
      last = (match.index ?? 0) + match[0].length;
      out += await resolveOne(match[1] ?? '', segments);
    }
    return out + text.slice(last);
  }

  async function resolveOne(ref: string, segments: (string | number)[]): Promise<string> {
    const at = where(segments);
    const env_ = ENV.exec(ref);
    if (env_) {
      const value = env[env_[1] as string];
      if (value === undefined) {
        throw projectErrors.create(
          'FERRY_PROJECT_ENV_MISSING',
          `${who} references \${${ref}} at ${at.path}${options.file ? ` in ${options.file}` : ''}, but ${env_[1]} is not set`,
          {
            ...at,
            hint: `Set ${env_[1]} in the environment (export ${env_[1]}=...) before running Ferry.`,
          },
        );
      }
      return value;
    }
    const secret = SECRET.exec(ref);
    if (secret) {
      const name = secret[1] as string;
      let value = fetched.get(name);
      if (!value) {
        value = options.secrets ? options.secrets.get(name) : Promise.resolve(undefined);
        fetched.set(name, value);
      }
      const found = await value;
      if (found === undefined) {
        throw projectErrors.create(
          'FERRY_SECRET_NOT_FOUND',
          `${who} references \${${ref}} at ${at.path}${options.file ? ` in ${options.file}` : ''}, but the secret store has no '${name}'`,
          { ...at, hint: `Store it: ferry secret set ${name} (the value is read from stdin).` },
        );
      }
      return found;
    }
    throw manifestErrors.create(
      'FERRY_PROJECT_BAD_REFERENCE',
      `\${${ref}} at ${at.path}${options.file ? ` in ${options.file}` : ''} is not a valid reference`,
      at,
    );
  }

  async function walk(value: unknown, segments: (string | number)[]): Promise<unknown> {
    if (typeof value === 'string')
      return hasReference(value) ? resolveString(value, segments) : value;
    if (Array.isArray(value))
      return Promise.all(value.map((item, i) => walk(item, [...segments, i])));
    if (value !== null && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value))
        out[key] = await walk(item, [...segments, key]);
      return out;
    }
    return value;
  }

  return (await walk(config, [])) as T;
}
