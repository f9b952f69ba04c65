import { randomBytes } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { resolveConnectionConfig, SecretStore, SqliteStore } from '@ferry/runtime';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../../runtime/src/install/test-fixtures.ts';
import { runFerry } from '../../test-cli.ts';
import { runFerryWithInput } from './test-input.ts';

const VALUE = 'ghp_PlainTextMarker0123456789';
const noKey = { FERRY_SECRET_KEY: '', FERRY_SECRET_KEY_FILE: '' };

/** Every byte under .ferry/, to show that no plain value reached the disk. */
async function ferryBytes(dir: string): Promise<Buffer> {
  const root = join(dir, '.ferry');
  const files = (await readdir(root, { recursive: true, withFileTypes: true })).filter((e) =>
    e.isFile(),
  );
  return Buffer.concat(await Promise.all(files.map((e) => readFile(join(e.parentPath, e.name)))));
}

describe('ferry secret', () => {
  it('stores a value read from stdin, encrypted with a key file it creates, and lists and removes it', async () => {
    const dir = await tempDir('ferry-cli-secret-');
    const set = await runFerryWithInput(
      ['secret', 'set', 'gh-token', '--value-stdin'],
      `${VALUE}\n`,
      {
        cwd: dir,
        env: noKey,
      },
    );
    expect(set.code).toBe(0);
    expect(set.stdout).toBe('stored secret gh-token in .ferry/ferry.db\n');
    expect(set.stderr).toContain('created the secret key .ferry/secret.key (mode 0600)');
    expect(`${set.stdout}${set.stderr}`).not.toContain(VALUE);
    expect((await stat(join(dir, '.ferry/secret.key'))).mode & 0o777).toBe(0o600);
    expect((await ferryBytes(dir)).includes(VALUE)).toBe(false);

    // The runtime reads it back for a ${secret:gh-token} reference (trailing newline removed).
    const store = SqliteStore.open(join(dir, '.ferry/ferry.db'));
    const secrets = new SecretStore(store, {
      ferryDir: join(dir, '.ferry'),
      env: {},
      location: 'ferry.db',
    });
    expect(await resolveConnectionConfig({ token: '${secret:gh-token}' }, { secrets })).toEqual({
      token: VALUE,
    });
    await store.close();

    await runFerryWithInput(['secret', 'set', 'crm-key'], 'other', { cwd: dir, env: noKey });
    expect((await runFerry(['secret', 'list'], { cwd: dir })).stdout).toBe('crm-key\ngh-token\n');
    expect(JSON.parse((await runFerry(['secret', 'list', '--json'], { cwd: dir })).stdout)).toEqual(
      ['crm-key', 'gh-token'],
    );
    const rm = await runFerry(['secret', 'rm', 'gh-token'], { cwd: dir });
    expect(rm.stdout).toBe('removed secret gh-token\n');
    const again = await runFerry(['secret', 'rm', 'gh-token'], { cwd: dir });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(
      "FERRY_SECRET_NOT_FOUND .ferry/ferry.db: no secret named 'gh-token'",
    );
  });

  it('never takes the value from the command line, and refuses an empty value', async () => {
    const dir = await tempDir('ferry-cli-secret-');
    const argv = await runFerry(['secret', 'set', 'gh-token', VALUE], { cwd: dir });
    expect(argv.code).toBe(2);
    expect(argv.stderr).toContain('too many arguments');
    const empty = await runFerry(['secret', 'set', 'gh-token'], { cwd: dir });
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain('FERRY_SECRET_VALUE_EMPTY');
    const badName = await runFerryWithInput(['secret', 'set', 'has space'], 'x', { cwd: dir });
    expect(badName.stderr).toContain('FERRY_SECRET_NAME_INVALID');
  });

  it('uses FERRY_SECRET_KEY without writing a key file, and refuses a key that does not decrypt the stored secrets', async () => {
    const dir = await tempDir('ferry-cli-secret-');
    const env = { ...noKey, FERRY_SECRET_KEY: randomBytes(32).toString('base64') };
    const first = await runFerryWithInput(
      ['secret', 'set', 'a', '--project', 'ferry.yaml'],
      'one',
      {
        cwd: dir,
        env,
      },
    );
    expect(first.code).toBe(0);
    expect(first.stderr).toBe('');
    expect(await readdir(join(dir, '.ferry'))).not.toContain('secret.key');
    const wrong = await runFerryWithInput(['secret', 'set', 'b'], 'value-two-marker', {
      cwd: dir,
      env: { ...noKey, FERRY_SECRET_KEY: randomBytes(32).toString('base64') },
    });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('FERRY_SECRET_DECRYPT_FAILED');
    expect(wrong.stderr).toContain('check FERRY_SECRET_KEY');
    expect(wrong.stderr).not.toContain('value-two-marker');
  });
});
