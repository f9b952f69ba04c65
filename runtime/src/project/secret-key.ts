import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { projectErrors } from './errors.ts';

export interface SecretKey {
  key: Buffer;
  /** Where it came from, for messages: `FERRY_SECRET_KEY` or the key file's path. */
  origin: string;
}

export interface KeyOptions {
  /** `.ferry/` of the project: the default key file is `.ferry/secret.key`. */
  ferryDir: string;
  /** Environment; default `process.env`. */
  env?: Record<string, string | undefined>;
  /** Create the key file (mode 0600) when there is no key: when a secret is stored. */
  create?: boolean;
}

/** The key file used when FERRY_SECRET_KEY is not set: FERRY_SECRET_KEY_FILE or .ferry/secret.key. */
export function secretKeyFile(options: Pick<KeyOptions, 'ferryDir' | 'env'>): string {
  const env = options.env ?? process.env;
  return env.FERRY_SECRET_KEY_FILE || join(options.ferryDir, 'secret.key');
}

/**
 * The AES-256 key for secrets: FERRY_SECRET_KEY (base64 of 32 bytes) when set, otherwise the
 * key file. With `create`, a missing key file is made with a random key, readable by its owner
 * only. The key itself never appears in a message.
 */
export async function loadSecretKey(options: KeyOptions): Promise<SecretKey> {
  const env = options.env ?? process.env;
  if (env.FERRY_SECRET_KEY)
    return { key: decode(env.FERRY_SECRET_KEY, 'FERRY_SECRET_KEY'), origin: 'FERRY_SECRET_KEY' };
  const file = secretKeyFile(options);
  try {
    return { key: decode(await readFile(file, 'utf8'), file), origin: file };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  if (!options.create) {
    throw projectErrors.create(
      'FERRY_SECRET_KEY_MISSING',
      `no secret key: FERRY_SECRET_KEY is not set and the key file ${file} does not exist`,
      { file },
    );
  }
  await mkdir(dirname(file), { recursive: true });
  const key = randomBytes(32);
  try {
    await writeFile(file, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    return { key, origin: file };
  } catch (error) {
    // Another process created it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      return { key: decode(await readFile(file, 'utf8'), file), origin: file };
    throw error;
  }
}

function decode(text: string, origin: string): Buffer {
  const trimmed = text.trim();
  const key = Buffer.from(trimmed, 'base64');
  if (key.length !== 32 || !/^[A-Za-z0-9+/]+=*$/.test(trimmed)) {
    const isFile = origin !== 'FERRY_SECRET_KEY';
    throw projectErrors.create(
      'FERRY_SECRET_KEY_INVALID',
      `${isFile ? `the key file ${origin}` : 'FERRY_SECRET_KEY'} does not hold base64 of 32 bytes (it decodes to ${key.length} bytes)`,
      isFile ? { file: origin } : {},
    );
  }
  return key;
}
