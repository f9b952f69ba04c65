import { randomBytes } from 'node:crypto';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../install/test-fixtures.ts';
import { SqliteStore } from '../store/sqlite-store.ts';
import { type SecretBackend, SecretStore } from './secret-store.ts';

/** The smallest backend: what the Store keeps, in a Map. */
function memoryBackend(): SecretBackend & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    putSecret: async (name, ciphertext) => void data.set(name, ciphertext),
    getSecret: async (name) => data.get(name),
    listSecrets: async () => [...data.keys()].sort(),
    deleteSecret: async (name) => data.delete(name),
  };
}

const key = () => randomBytes(32).toString('base64');

describe('SecretStore', () => {
  it('stores AES-256-GCM ciphertext with a fresh IV per value and gives the value back', async () => {
    const backend = memoryBackend();
    const store = new SecretStore(backend, {
      ferryDir: await tempDir(),
      env: { FERRY_SECRET_KEY: key() },
      location: 'memory',
    });
    await store.set('crm-key', 'pat-123-secret');
    const first = backend.data.get('crm-key') as string;
    expect(first).toMatch(/^v1:[A-Za-z0-9+/]{16}:[A-Za-z0-9+/]{22}==:[A-Za-z0-9+/=]+$/);
    expect(Buffer.from(first.split(':')[1] as string, 'base64')).toHaveLength(12);
    expect(first).not.toContain('pat-123');
    await store.set('crm-key', 'pat-123-secret');
    expect(backend.data.get('crm-key')).not.toBe(first);
    expect(await store.get('crm-key')).toBe('pat-123-secret');
    expect(await store.get('other')).toBeUndefined();
    expect(await store.list()).toEqual(['crm-key']);
    expect(await store.delete('crm-key')).toBe(true);
    expect(await store.delete('crm-key')).toBe(false);
  });

  it('creates .ferry/secret.key (mode 0600) on the first set when FERRY_SECRET_KEY is not set, and reuses it', async () => {
    const ferryDir = await tempDir();
    const backend = memoryBackend();
    await new SecretStore(backend, { ferryDir, env: {}, location: 'memory' }).set('a', 'one');
    const file = join(ferryDir, 'secret.key');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(Buffer.from((await readFile(file, 'utf8')).trim(), 'base64')).toHaveLength(32);
    const again = new SecretStore(backend, { ferryDir, env: {}, location: 'memory' });
    expect(await again.get('a')).toBe('one');
  });

  it('uses FERRY_SECRET_KEY_FILE instead of .ferry/secret.key, and never writes a key file when the key is in the environment', async () => {
    const ferryDir = await tempDir();
    const keyFile = join(await tempDir(), 'ferry.key');
    await new SecretStore(memoryBackend(), {
      ferryDir,
      env: { FERRY_SECRET_KEY_FILE: keyFile },
      location: 'memory',
    }).set('a', 'one');
    expect((await stat(keyFile)).isFile()).toBe(true);
    await new SecretStore(memoryBackend(), {
      ferryDir,
      env: { FERRY_SECRET_KEY: key() },
      location: 'memory',
    }).set('b', 'two');
    expect(await readdir(ferryDir)).toEqual([]);
  });

  it('refuses a wrong key with a coded error that names the store and the key, not the value', async () => {
    const backend = memoryBackend();
    const ferryDir = await tempDir();
    await new SecretStore(backend, {
      ferryDir,
      env: { FERRY_SECRET_KEY: key() },
      location: '/p/.ferry/ferry.db',
    }).set('crm-key', 'pat-123-secret');
    const wrong = new SecretStore(backend, {
      ferryDir,
      env: { FERRY_SECRET_KEY: key() },
      location: '/p/.ferry/ferry.db',
    });
    const error = await wrong.get('crm-key').catch((e) => e);
    expect(error).toMatchObject({
      code: 'FERRY_SECRET_DECRYPT_FAILED',
      file: '/p/.ferry/ferry.db',
      message:
        "secret 'crm-key' in /p/.ferry/ferry.db cannot be decrypted: the secret key does not decrypt it (key from FERRY_SECRET_KEY); check FERRY_SECRET_KEY",
    });
    expect(JSON.stringify(error)).not.toContain('pat-123');
  });

  it('refuses to store a secret under a key that does not decrypt the secrets already stored', async () => {
    const backend = memoryBackend();
    const ferryDir = await tempDir();
    const options = (k: string) => ({ ferryDir, env: { FERRY_SECRET_KEY: k }, location: 'm' });
    await new SecretStore(backend, options(key())).set('a', 'one');
    await expect(new SecretStore(backend, options(key())).set('b', 'two')).rejects.toMatchObject({
      code: 'FERRY_SECRET_DECRYPT_FAILED',
      message: expect.stringContaining('check FERRY_SECRET_KEY'),
    });
    expect(await backend.listSecrets()).toEqual(['a']);
  });

  it('binds a value to its name: a ciphertext copied under another name does not decrypt', async () => {
    const backend = memoryBackend();
    const store = new SecretStore(backend, {
      ferryDir: await tempDir(),
      env: { FERRY_SECRET_KEY: key() },
      location: 'memory',
    });
    await store.set('a', 'value-a');
    backend.data.set('b', backend.data.get('a') as string);
    await expect(store.get('b')).rejects.toMatchObject({ code: 'FERRY_SECRET_DECRYPT_FAILED' });
    backend.data.set('c', 'not-a-ciphertext');
    await expect(store.get('c')).rejects.toMatchObject({
      code: 'FERRY_SECRET_DECRYPT_FAILED',
      message: expect.stringContaining('not in the v1:<iv>:<tag>:<data> format'),
    });
  });

  it('reports a missing key, a malformed key, a bad name and an empty value', async () => {
    const backend = memoryBackend();
    const ferryDir = await tempDir();
    backend.data.set('a', 'v1:x:y:z');
    await expect(
      new SecretStore(backend, { ferryDir, env: {}, location: 'm' }).get('a'),
    ).rejects.toMatchObject({
      code: 'FERRY_SECRET_KEY_MISSING',
      file: join(ferryDir, 'secret.key'),
    });
    const short = Buffer.alloc(16).toString('base64');
    await expect(
      new SecretStore(backend, { ferryDir, env: { FERRY_SECRET_KEY: short }, location: 'm' }).set(
        'a',
        'v',
      ),
    ).rejects.toMatchObject({
      code: 'FERRY_SECRET_KEY_INVALID',
      message: 'FERRY_SECRET_KEY does not hold base64 of 32 bytes (it decodes to 16 bytes)',
    });
    await writeFile(join(ferryDir, 'secret.key'), 'garbage');
    await expect(
      new SecretStore(backend, { ferryDir, env: {}, location: 'm' }).get('a'),
    ).rejects.toMatchObject({
      code: 'FERRY_SECRET_KEY_INVALID',
      file: join(ferryDir, 'secret.key'),
    });
    const store = new SecretStore(backend, {
      ferryDir,
      env: { FERRY_SECRET_KEY: key() },
      location: 'm',
    });
    await expect(store.set('has space', 'v')).rejects.toMatchObject({
      code: 'FERRY_SECRET_NAME_INVALID',
    });
    await expect(store.set('ok', '')).rejects.toMatchObject({ code: 'FERRY_SECRET_VALUE_EMPTY' });
  });

  it('keeps only ciphertext in the SQLite store file', async () => {
    const dir = await tempDir();
    const file = join(dir, 'ferry.db');
    const sqlite = SqliteStore.open(file);
    const store = new SecretStore(sqlite, { ferryDir: dir, env: {}, location: file });
    await store.set('erp-password', 'hunter2-plaintext-marker');
    await sqlite.close();
    const bytes = await readFile(file);
    expect(bytes.includes('hunter2-plaintext-marker')).toBe(false);
    expect(bytes.includes('erp-password')).toBe(true);
    const reopened = SqliteStore.open(file);
    expect(
      await new SecretStore(reopened, { ferryDir: dir, env: {}, location: file }).get(
        'erp-password',
      ),
    ).toBe('hunter2-plaintext-marker');
    await reopened.close();
  });
});
