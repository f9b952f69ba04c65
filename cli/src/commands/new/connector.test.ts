import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseSource } from '@ferry/manifest';
import { describe, expect, it } from 'vitest';
import { runFerry } from '../../test-cli.ts';
import { folderInRepository, folderOutside } from './test-folders.ts';

const readJson = async (file: string) => JSON.parse(await readFile(file, 'utf8'));

describe('ferry new connector', () => {
  it('outside the Ferry repository, writes ./<name> as package ferry-connector-<name> and prints the next steps', async () => {
    const cwd = await folderOutside();
    const result = await runFerry(['new', 'connector', 'acme-crm', '--yes'], { cwd });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n').slice(0, 7)).toEqual([
      'created ferry-connector-acme-crm (declarative template) in acme-crm',
      '',
      'next steps:',
      '  cd acme-crm',
      '  npm install',
      '  npm test                  # regression and conformance tests',
      '  npx ferry validate .      # after each change to connector.yaml',
    ]);
    const pkg = await readJson(join(cwd, 'acme-crm/package.json'));
    expect(pkg).toMatchObject({
      name: 'ferry-connector-acme-crm',
      version: '0.1.0',
      type: 'module',
      ferry: { manifest: './connector.yaml' },
      devDependencies: { '@ferry/testkit': '^0.1.0', '@ferry/cli': '^0.1.0', vitest: '^3.2.4' },
    });
    expect(pkg.scripts).toMatchObject({ test: 'vitest run', generate: expect.any(String) });
    expect(await readFile(join(cwd, 'acme-crm/src/config.ts'), 'utf8')).toContain(
      'export interface Config {\n',
    );
    const validate = await runFerry(['validate', 'acme-crm'], { cwd });
    expect(validate.stdout).toContain('valid connector package (ferry-connector-acme-crm 0.1.0)');
    expect(validate.code).toBe(0);
  });

  it('inside the repository, names the package @ferry/connector-<name> and points the manifest at the repository schema', async () => {
    const dir = join(await folderInRepository(), 'acme-crm');
    const result = await runFerry(['new', 'connector', 'acme-crm', '--dir', dir, '--yes']);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain('npm install');
    const pkg = await readJson(join(dir, 'package.json'));
    expect(pkg.name).toBe('@ferry/connector-acme-crm');
    expect(pkg.devDependencies).toEqual({
      '@ferry/testkit': '*',
      'json-schema-to-typescript': '^15.0.4',
      yaml: '^2.8.1',
    });
    expect(await readJson(join(dir, 'tsconfig.json'))).toMatchObject({
      extends: '../../../../tsconfig.base.json',
    });
    expect(await readFile(join(dir, 'connector.yaml'), 'utf8')).toMatch(
      /^# yaml-language-server: \$schema=\.\.\/\.\.\/\.\.\/\.\.\/packages\/manifest\/schemas\/connector\.schema\.json\n/,
    );
  });

  it('puts --title and --description into the manifest, package.json and README, quoted safely', async () => {
    const dir = join(await folderInRepository(), 'billing');
    const title = 'Acme "Billing": v2 # EU';
    const description = 'Invoices and payments: read with a handler.';
    const result = await runFerry([
      'new',
      'connector',
      'billing',
      '--template',
      'code',
      '--dir',
      dir,
      '--title',
      title,
    ]);
    expect(result.code).toBe(0);
    const again = await runFerry([
      'new',
      'connector',
      'billing',
      '--dir',
      dir,
      '--template',
      'code',
      '--force',
      '--title',
      title,
      '--description',
      description,
    ]);
    expect(again.code).toBe(0);
    const file = join(dir, 'connector.yaml');
    const manifest = parseSource(await readFile(file, 'utf8'), file).source?.data;
    expect(manifest).toMatchObject({ name: '@ferry/connector-billing', title, description });
    expect((await readJson(join(dir, 'package.json'))).description).toBe(description);
    expect(await readFile(join(dir, 'README.md'), 'utf8')).toMatch(
      new RegExp(`^# @ferry/connector-billing\n\n${description}\n`),
    );
    expect((await runFerry(['validate', dir])).code).toBe(0);
  });

  it('refuses a second connector into the same folder (exit 1, coded, naming it) and changes nothing', async () => {
    const dir = join(await folderInRepository(), 'acme-crm');
    expect((await runFerry(['new', 'connector', 'acme-crm', '--dir', dir, '--yes'])).code).toBe(0);
    await writeFile(join(dir, 'README.md'), 'my notes\n');
    const second = await runFerry([
      'new',
      'connector',
      'acme-crm',
      '--dir',
      dir,
      '--template',
      'code',
      '--yes',
    ]);
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(
      /^FERRY_NEW_TARGET_EXISTS .*acme-crm: .*acme-crm already exists and is not empty \(\d+ entries\)\n {4}fix: Choose another name or --dir, or pass --force/,
    );
    expect(second.stdout).toBe('');
    expect(await readFile(join(dir, 'README.md'), 'utf8')).toBe('my notes\n');
  });

  it('with --force writes into the folder: template files are replaced, other files kept', async () => {
    const dir = join(await folderInRepository(), 'acme-crm');
    expect((await runFerry(['new', 'connector', 'acme-crm', '--dir', dir, '--yes'])).code).toBe(0);
    await writeFile(join(dir, 'README.md'), 'my notes\n');
    await writeFile(join(dir, 'NOTES.txt'), 'keep me\n');
    const forced = await runFerry([
      'new',
      'connector',
      'acme-crm',
      '--dir',
      dir,
      '--yes',
      '--force',
    ]);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toMatch(/^replaced \(--force\): .*README\.md/m);
    expect(await readFile(join(dir, 'README.md'), 'utf8')).toContain('# @ferry/connector-acme-crm');
    expect(await readFile(join(dir, 'NOTES.txt'), 'utf8')).toBe('keep me\n');
  });

  it.each([
    ['Acme_CRM', "Try 'acme-crm'"],
    ['9lives', "Try 'lives'"],
    ['@acme/Crm', "Try 'crm'"],
  ])('rejects the name %s (exit 1, coded, with the rule and a suggestion)', async (name, fix) => {
    const cwd = await folderOutside();
    const result = await runFerry(['new', 'connector', name, '--yes'], { cwd });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `FERRY_NEW_INVALID_NAME: '${name}' is not a valid connector name: `,
    );
    expect(result.stderr).toContain(
      'lowercase letters, digits and hyphens, starting with a letter',
    );
    expect(result.stderr).toContain(`fix: ${fix}`);
  });

  it('rejects an unknown template as a usage error (exit 2) listing the templates', async () => {
    const cwd = await folderOutside();
    const result = await runFerry(['new', 'connector', 'x', '--template', 'graphql'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Allowed choices are declarative, code, destination');
  });

  it('explains itself in --help', async () => {
    const result = await runFerry(['new', 'connector', '--help']);
    expect(result.code).toBe(0);
    for (const option of ['--template', '--dir', '--title', '--description', '--yes', '--force'])
      expect(result.stdout).toContain(option);
  });
});
